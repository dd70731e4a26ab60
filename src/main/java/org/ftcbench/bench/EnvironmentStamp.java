package org.ftcbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftcbench.nn.NativeBlasCheck;

/**
 * The machine and software a run happened on (docs/design.md, {@code env.json}): what a reader
 * needs to judge whether two runs are comparable. Every field is read from the running system; a
 * field that cannot be read says "unknown" rather than failing the run.
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
    List<String> blasLibraries = blasLibraries();
    String core = openBlasCore();
    env.put("blas", blasDescription(blasLibraries, core));
    env.put("blas_libraries", blasLibraries);
    env.put("openblas_core", core);
    // the configuration the launcher chose or was given (cli.Launcher), the variables it set, and
    // what it measured on this machine to choose
    env.put("blas_config", blasConfig());
    env.put("blas_measured", BlasSelection.remembered());
    env.put("openblas_coretype_env", System.getenv().getOrDefault("OPENBLAS_CORETYPE", ""));
    env.put("ld_preload", System.getenv().getOrDefault("LD_PRELOAD", ""));
    env.put("git_commit", gitCommit());
    env.put("profile", profile);
    env.put("start", start.toString());
    env.put("end", Instant.now().toString());
    env.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return env;
  }

  /**
   * The BLAS configuration this JVM runs ({@link BlasConfig#APPLIED}, set by the launcher for its
   * child or as a property when no child was needed); "as started" for a JVM started otherwise (a
   * test, an embedding), which runs whatever its environment says.
   */
  static String blasConfig() {
    String applied = System.getenv(BlasConfig.APPLIED);
    return applied != null ? applied : System.getProperty(BlasConfig.APPLIED, "as started");
  }

  /** This machine's default {@code <machine>} folder name. */
  public static String defaultMachine() {
    return machineSlug(hostName(), cpuModel());
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
    return SystemFiles.firstWith(
        Path.of("/proc/cpuinfo"), "model name", SystemFiles::afterColon, "unknown");
  }

  static Object memoryBytes() {
    return SystemFiles.<Object>firstWith(
        Path.of("/proc/meminfo"),
        "MemTotal:",
        line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024,
        "unknown");
  }

  static String osName() {
    return SystemFiles.firstWith(
        Path.of("/etc/os-release"),
        "PRETTY_NAME=",
        line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""),
        System.getProperty("os.name"));
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

  /**
   * The native libraries of BLAS and its runtime that this JVM has mapped (from /proc/self/maps):
   * the BLAS that actually runs, not the one that was meant to. jblas's bundled build shows as
   * {@code /tmp/jblas…/libjblas.so} (OpenBLAS linked in) with its libgfortran and libquadmath.
   */
  static List<String> blasLibraries() {
    NativeBlasCheck.failure(); // make sure jblas has loaded its library
    List<String> libs = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
        int slash = line.indexOf('/');
        if (slash < 0) {
          continue;
        }
        String path = line.substring(slash).trim();
        String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
        if (file.matches(".*(blas|lapack|gfortran|quadmath).*\\.so.*") && !libs.contains(path)) {
          libs.add(path);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: nothing to list
    }
    return libs;
  }

  /** One phrase for the report: which BLAS, and the core type it runs kernels for. */
  static String blasDescription(List<String> libraries, String core) {
    String coreText = "unknown".equals(core) ? "core type unknown" : core + " kernels";
    String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
    if (preload.contains("openblas")) {
      // its BLAS symbols take over jblas's calls (run-benchmarks.sh --blas system)
      return "system OpenBLAS preloaded, " + preload + " (" + coreText + ")";
    }
    for (String lib : libraries) {
      if (lib.endsWith("/libjblas.so") && lib.contains("/jblas")) {
        return "OpenBLAS bundled in jblas " + jblasVersion() + " (" + coreText + ")";
      }
    }
    for (String lib : libraries) {
      if (lib.contains("openblas")) {
        return "system OpenBLAS " + lib + " (" + coreText + ")";
      }
    }
    return libraries.isEmpty() ? "unknown" : "BLAS from " + libraries.get(0);
  }

  private static volatile String openBlasCore;

  /**
   * The core type OpenBLAS selected for its kernels ("Haswell", "SkylakeX", …). An OpenBLAS built
   * for many cores picks one at load and says which only then, with OPENBLAS_VERBOSE=2; so a child
   * JVM ({@link BlasProbe}) loads the same library with that variable set. jblas 1.2.5 bundles a
   * 2020 OpenBLAS that may pick an older core's kernels on a newer CPU (an AVX-512 machine running
   * Haswell kernels), which bounds every GFLOP/s figure. Computed once per JVM.
   */
  static String openBlasCore() {
    String core = openBlasCore;
    if (core == null) {
      core = probeOpenBlasCore();
      openBlasCore = core;
    }
    return core;
  }

  private static String probeOpenBlasCore() {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("ftc-bench-probe");
      ProcessBuilder pb =
          new ProcessBuilder(
                  ChildJvm.command(List.of("-Djava.io.tmpdir=" + tmp), BlasProbe.class.getName()))
              .redirectErrorStream(true);
      pb.environment().put("OPENBLAS_VERBOSE", "2");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown";
      }
      // with a preloaded system OpenBLAS both libraries initialise and each names its core
      Matcher m = Pattern.compile("Core:\\s*(\\S+)").matcher(out);
      java.util.LinkedHashSet<String> cores = new java.util.LinkedHashSet<>();
      while (m.find()) {
        cores.add(m.group(1));
      }
      return cores.isEmpty() ? "unknown" : String.join(" + ", cores);
    } catch (IOException | InterruptedException | RuntimeException e) {
      return "unknown";
    } finally {
      if (tmp != null) {
        try {
          ForkTempDir.deleteRecursively(tmp);
        } catch (IOException e) {
          // a leftover empty probe folder is harmless
        }
      }
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
