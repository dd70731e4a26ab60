package org.ftcbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The machine and software a run happened on (design.md, {@code env.json}): what a reader needs to
 * judge whether two runs are comparable. Every field is read from the running system; a field that
 * cannot be read says "unknown" rather than failing the run.
 */
public final class EnvironmentStamp {
  private EnvironmentStamp() {}

  /** The stamp as ordered key-value pairs, ready for JSON. */
  public static Map<String, Object> collect(String profile, Instant start) {
    Map<String, Object> env = new LinkedHashMap<>();
    String cpu = cpuModel();
    env.put("machine", machineSlug(hostName(), cpu));
    env.put("host", hostName());
    env.put("cpu_model", cpu);
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("memory_bytes", memoryBytes());
    env.put("os", osName());
    env.put("kernel", System.getProperty("os.version"));
    env.put("arch", System.getProperty("os.arch"));
    env.put("jvm_vendor", System.getProperty("java.vm.vendor"));
    env.put("jvm_version", System.getProperty("java.runtime.version"));
    env.put("jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
    env.put("jblas_version", jblasVersion());
    env.put("jblas_flavor", jblasFlavor());
    env.put("git_commit", gitCommit());
    env.put("profile", profile);
    env.put("start", start.toString());
    env.put("end", Instant.now().toString());
    env.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return env;
  }

  /** A file-name-safe slug of host name and CPU model, the default {@code <machine>} folder. */
  public static String machineSlug(String host, String cpu) {
    String slug = (host + "-" + cpu).toLowerCase().replaceAll("\\(r\\)|\\(tm\\)", "");
    slug = slug.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
  }

  static String hostName() {
    String h = System.getenv("HOSTNAME");
    if (h == null || h.isBlank()) {
      h = firstLine(Path.of("/etc/hostname"));
    }
    return h == null || h.isBlank() ? "unknown" : h.trim();
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: not Linux, or /proc is hidden
    }
    return "unknown";
  }

  static Object memoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return "unknown";
  }

  static String osName() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring("PRETTY_NAME=".length()).replace("\"", "");
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return System.getProperty("os.name");
  }

  static String jblasVersion() {
    try (var in =
        EnvironmentStamp.class.getResourceAsStream(
            "/META-INF/maven/org.jblas/jblas/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    return "unknown";
  }

  /** The CPU flavour of jblas's native library (e.g. "sse3"), which picks the bundled binary. */
  static String jblasFlavor() {
    try {
      String flavor = org.jblas.util.ArchFlavor.archFlavor();
      return flavor == null ? "generic" : flavor;
    } catch (LinkageError | RuntimeException e) {
      return "unknown";
    }
  }

  static String gitCommit() {
    try {
      Process p =
          new ProcessBuilder(List.of("git", "rev-parse", "--short=12", "HEAD"))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]+")) {
        return out;
      }
    } catch (IOException | InterruptedException e) {
      // fall through: no git, or not a checkout
    }
    return "unknown";
  }

  private static String firstLine(Path p) {
    try {
      List<String> lines = Files.readAllLines(p);
      return lines.isEmpty() ? null : lines.get(0);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
