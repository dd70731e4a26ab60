package org.ftcbench.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.AtomicFiles;

/**
 * Which {@link BlasConfig} a run uses. {@code auto}, the default, measures every candidate that
 * this machine has ({@link BlasConfig#candidates}) once, each in its own JVM ({@link BlasProbe}:
 * training steps at three shapes, a 512 × 512 dgemm and sgemm, and the {@link BlasSelfCheck}
 * results), keeps those that compute what the bundled OpenBLAS left to itself computes (and, when a
 * core is forced, really ran it), and takes the one with the fastest training steps ({@link
 * Measured#score}). The measurements are remembered per machine in {@code ~/.cache/ftc-bench/} (or
 * $XDG_CACHE_HOME), keyed by the CPU, the jblas version and the system OpenBLAS file, so later runs
 * start at once; delete the file to measure again. A pinned configuration ({@code --blas system},
 * {@code bundled:SkylakeX}) must pass the same check.
 */
public final class BlasSelection {
  /** A system property that moves the cache (tests keep theirs apart from the user's). */
  static final String CACHE_DIR = "ftc.blas.cache";

  /** The configuration the others are checked against: jblas's OpenBLAS choosing for itself. */
  static final String REFERENCE = "bundled:auto";

  /**
   * One configuration measured in a child JVM.
   *
   * @param core the kernel set OpenBLAS reported ("SkylakeX", "Haswell + Cooperlake" when a
   *     preloaded library and jblas's own both initialise)
   * @param failure why the configuration is unusable, or null
   */
  public record Measured(
      String name, String core, double dgemm, double sgemm, double[] stepMillis, String failure) {
    public boolean usable() {
      return failure == null;
    }

    /**
     * Training steps per second, the geometric mean over {@link BlasProbe#STEP_SHAPES}: what a
     * sweep spends its time on. The GEMM rates are recorded beside it, but a configuration that
     * wins a large square GEMM can lose the mid-sized and thin products of a training step (the
     * system OpenBLAS ran depth-3 float32 steps at m = 32 and 128 1.5× and 1.16× faster than the
     * bundled SkylakeX kernels here, which win 512 × 512 dgemm by 1.2×).
     */
    double score() {
      double logSum = 0;
      for (double ms : stepMillis) {
        logSum -= Math.log(ms);
      }
      return Math.exp(logSum / stepMillis.length);
    }

    /** "bundled:SkylakeX (SkylakeX): dgemm 69, sgemm 220 GFLOP/s" or the failure. */
    public String describe() {
      return name
          + " ("
          + core
          + "): "
          + (usable()
              ? String.format(
                  java.util.Locale.ROOT,
                  "dgemm %.0f, sgemm %.0f GFLOP/s; training steps %s ms",
                  dgemm,
                  sgemm,
                  java.util.Arrays.stream(stepMillis)
                      .mapToObj(ms -> String.format(java.util.Locale.ROOT, "%.2f", ms))
                      .collect(java.util.stream.Collectors.joining(" / ")))
              : failure);
    }
  }

  /**
   * The choice.
   *
   * @param config what to run
   * @param measured every configuration measured on this machine (empty when none was needed)
   */
  public record Choice(BlasConfig config, List<Measured> measured) {}

  private BlasSelection() {}

  /**
   * The configuration for {@code requested} ({@code auto} or a {@link BlasConfig} name), measuring
   * what the cache does not hold yet.
   *
   * @param progress receives one line per measured configuration
   */
  public static Choice choose(String requested, Consumer<String> progress) {
    Optional<Path> systemLibrary = BlasConfig.systemLibrary();
    if (requested.equals("bundled") || requested.equals(REFERENCE)) {
      return new Choice(BlasConfig.parse(requested, systemLibrary), List.of());
    }
    boolean auto = requested.equals("auto");
    List<BlasConfig> needed =
        auto
            ? BlasConfig.candidates(BlasConfig.cpuFlags(), systemLibrary)
            : List.of(
                BlasConfig.parse(REFERENCE, systemLibrary),
                BlasConfig.parse(requested, systemLibrary));
    Path cache = cacheFile(systemLibrary);
    Map<String, Measured> known = read(cache);
    if (!known.keySet().containsAll(needed.stream().map(BlasConfig::name).toList())) {
      progress.accept(
          "ftc-bench: measuring this machine's BLAS configurations once (remembered in "
              + cache
              + ")");
      // the reference is measured in this process whatever the cache holds: the others are
      // checked against its results, which the cache does not keep
      Probe reference = measure(BlasConfig.parse(REFERENCE, systemLibrary), null);
      known.put(REFERENCE, reference.measured());
      progress.accept("  " + reference.measured().describe());
      if (!reference.measured().usable()) {
        throw new IllegalStateException(
            "jblas's own BLAS does not work here: " + reference.measured().failure());
      }
      for (BlasConfig c : needed) {
        if (!known.containsKey(c.name())) {
          Measured m = measure(c, reference.checks()).measured();
          known.put(c.name(), m);
          progress.accept("  " + m.describe());
        }
      }
      write(cache, known, progress);
    }
    if (!auto) {
      Measured m = known.get(requested);
      if (!m.usable()) {
        throw new BadInputException("--blas " + requested + ": " + m.failure());
      }
      return new Choice(needed.get(1), List.copyOf(known.values()));
    }
    return new Choice(pick(needed, known), List.copyOf(known.values()));
  }

  /**
   * The fastest usable candidate (geometric mean of its dgemm and sgemm rates); a candidate that
   * failed its probe or its self-check, or was not measured, is passed over.
   */
  static BlasConfig pick(List<BlasConfig> candidates, Map<String, Measured> measured) {
    BlasConfig best = null;
    double bestScore = -1;
    for (BlasConfig c : candidates) {
      Measured m = measured.get(c.name());
      if (m != null && m.usable() && m.score() > bestScore) {
        best = c;
        bestScore = m.score();
      }
    }
    if (best == null) {
      throw new IllegalStateException(
          "no BLAS configuration works here, not even jblas's own: " + measured.get(REFERENCE));
    }
    return best;
  }

  /** Forgets this machine's measurements: the next choice measures again. */
  public static void forget() throws IOException {
    Files.deleteIfExists(cacheFile(BlasConfig.systemLibrary()));
  }

  /** What was measured on this machine, one line per configuration (empty before any probe). */
  public static List<String> remembered() {
    return read(cacheFile(BlasConfig.systemLibrary())).values().stream()
        .map(Measured::describe)
        .toList();
  }

  /** A measurement and the self-check results it was judged by. */
  private record Probe(Measured measured, List<BlasSelfCheck.Result> checks) {}

  /**
   * Runs {@link BlasProbe} under {@code c}; checks its results against {@code reference} (null when
   * c is the reference).
   */
  private static Probe measure(BlasConfig c, List<BlasSelfCheck.Result> reference) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("ftc-bench-blas");
      List<String> options = new ArrayList<>(c.jvmArgs());
      options.addAll(List.of("-Xmx512m", "-Djava.io.tmpdir=" + tmp));
      List<String> cmd = new ArrayList<>(ChildJvm.command(options, BlasProbe.class.getName()));
      cmd.add("--measure");
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().clear();
      pb.environment().putAll(c.environment(System.getenv()));
      pb.environment().put("OPENBLAS_VERBOSE", "2");
      pb.redirectError(tmp.resolve("stderr").toFile());
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return failed(c, "?", PROBE_FAILED + " did not finish within 2 minutes");
      }
      String err = Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);
      String core = cores(err);
      if (p.exitValue() != 0) {
        return failed(c, core, PROBE_FAILED + " exited with " + p.exitValue() + lastLine(err));
      }
      JsonNode json = new ObjectMapper().readTree(out);
      List<BlasSelfCheck.Result> checks =
          new ObjectMapper()
              .convertValue(json.get("checks"), new TypeReference<List<BlasSelfCheck.Result>>() {});
      Optional<String> forced = c.forcedCore();
      if (forced.isPresent() && !core.toLowerCase(java.util.Locale.ROOT).contains(forced.get())) {
        return failed(
            c,
            core,
            "OpenBLAS ran core '"
                + core
                + "', not the one forced (an unknown name falls back): choose a core it knows,"
                + " e.g. bundled:SkylakeX or bundled:Haswell");
      }
      if (reference != null) {
        String mismatch = BlasSelfCheck.firstMismatch(reference, checks);
        if (mismatch != null) {
          return failed(c, core, "computes differently from " + REFERENCE + ": " + mismatch);
        }
      }
      return new Probe(
          new Measured(
              c.name(),
              core,
              json.get("dgemm").asDouble(),
              json.get("sgemm").asDouble(),
              new ObjectMapper().convertValue(json.get("steps"), double[].class),
              null),
          checks);
    } catch (IOException | InterruptedException | RuntimeException e) {
      return failed(c, "?", PROBE_FAILED + " failed: " + e);
    } finally {
      if (tmp != null) {
        try {
          ForkTempDir.deleteRecursively(tmp);
        } catch (IOException e) {
          // a leftover temp folder is harmless
        }
      }
    }
  }

  /** How a failure of the probe itself (not of the configuration) begins. */
  private static final String PROBE_FAILED = "its probe JVM";

  private static Probe failed(BlasConfig c, String core, String why) {
    return new Probe(
        new Measured(c.name(), core, Double.NaN, Double.NaN, new double[0], why), List.of());
  }

  private static String cores(String stderr) {
    Matcher m = Pattern.compile("Core:\\s*(\\S+)").matcher(stderr);
    Set<String> cores = new LinkedHashSet<>();
    while (m.find()) {
      cores.add(m.group(1));
    }
    return cores.isEmpty() ? "?" : String.join(" + ", cores);
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\\R");
    return lines.length == 0 || lines[lines.length - 1].isBlank()
        ? ""
        : " (" + lines[lines.length - 1].strip() + ")";
  }

  /** The cache file of this machine: one per CPU, jblas version and system OpenBLAS file. */
  static Path cacheFile(Optional<Path> systemLibrary) {
    String home = System.getenv("XDG_CACHE_HOME");
    Path dir =
        home != null && !home.isBlank()
            ? Path.of(home, "ftc-bench")
            : Path.of(System.getProperty("user.home"), ".cache", "ftc-bench");
    dir = Path.of(System.getProperty(CACHE_DIR, dir.toString()));
    StringBuilder key = new StringBuilder();
    key.append(EnvironmentStamp.cpuModel()).append('\n');
    key.append(String.join(" ", new TreeSet<>(BlasConfig.cpuFlags()))).append('\n');
    key.append(System.getProperty("os.arch")).append('\n');
    key.append(EnvironmentStamp.jblasVersion()).append('\n');
    systemLibrary.ifPresent(
        lib -> {
          try {
            Path real = lib.toRealPath();
            key.append(real).append(' ').append(Files.size(real)).append(' ');
            key.append(Files.getLastModifiedTime(real).toMillis());
          } catch (IOException e) {
            key.append(lib);
          }
        });
    return dir.resolve("blas-" + sha256(key.toString()).substring(0, 12) + ".json");
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Measured> read(Path cache) {
    Map<String, Measured> known = new LinkedHashMap<>();
    if (Files.isRegularFile(cache)) {
      try {
        Arrays.stream(new ObjectMapper().readValue(cache.toFile(), Measured[].class))
            // a measurement without training steps comes from an older ftc-bench: measure again
            .filter(m -> !m.usable() || (m.stepMillis() != null && m.stepMillis().length > 0))
            .forEach(m -> known.put(m.name(), m));
      } catch (IOException e) {
        // an unreadable cache is measured again and rewritten
      }
    }
    return known;
  }

  /**
   * Remembers the measurements, except failures of the probe itself (a timeout on a busy machine),
   * which the next run tries again; a wrong result or a wrong core is a property of the machine.
   */
  private static void write(Path cache, Map<String, Measured> known, Consumer<String> progress) {
    try {
      Files.createDirectories(cache.getParent());
      List<Measured> lasting =
          known.values().stream()
              .filter(m -> m.usable() || !m.failure().startsWith(PROBE_FAILED))
              .toList();
      AtomicFiles.writeString(
          cache, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(lasting));
    } catch (IOException e) {
      progress.accept(
          "ftc-bench: could not remember the BLAS measurements in " + cache + " (" + e + ")");
    }
  }
}
