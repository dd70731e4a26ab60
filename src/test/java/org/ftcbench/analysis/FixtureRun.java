package org.ftcbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ftcbench.bench.BenchPlan;
import org.ftcbench.bench.BenchPoint;
import org.ftcbench.bench.BenchSettings;
import org.ftcbench.bench.BenchmarkName;
import org.ftcbench.construct.Construction;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.Csv;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;

/**
 * A small but complete run folder in docs/design.md's formats, for the analysis and report tests:
 * certify.csv and capacity.csv/cells.csv follow the paper's formulas with seeded noise (so the
 * fitted slopes are known: depth 2 ≈ 1, depth 3 ≈ 0.5), and jmh.json is real JMH output (see
 * FixtureKernels.java.txt beside it) named as the suite's benchmarks, with their flops.csv ({@link
 * #writeJmh}).
 */
public final class FixtureRun {
  private FixtureRun() {}

  public static final int[] CERTIFY_N = {10, 30, 100, 300, 1000, 3000, 10000};
  public static final int[] SCALING_N = {10, 20, 50, 100, 200, 500, 1000};
  public static final String[] CRITERIA = {"paper", "relative:0.1", "relative:0.01"};

  /** Writes every file of a run into {@code dir} (created). */
  public static Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(RunFolder.ENV), env());
      Files.writeString(dir.resolve(RunFolder.CERTIFY), certify());
      Files.writeString(dir.resolve(RunFolder.CAPACITY), capacity());
      Files.writeString(dir.resolve(RunFolder.CELLS), cells());
      writeJmh(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The points of the suite's benchmarks that the stand-in kernels of FixtureKernels.java.txt were
   * measured for, as bench plans them ({@link BenchPlan}): trainStep at K = 10⁴, depth 2 and 3, N =
   * 10…3000, both f modes, float64; plainJava and its jblas twin at rows = 256 (the stand-ins' K);
   * dgemm at sizes 64…512.
   */
  static final List<BenchPoint> POINTS =
      BenchPlan.points(
          new BenchSettings(
              List.of(BenchmarkName.TRAIN_STEP, BenchmarkName.PLAIN_JAVA, BenchmarkName.GEMM),
              2,
              1,
              150,
              3,
              150,
              10_000,
              List.of(10, 100, 1000, 3000),
              List.of(2, 3),
              List.of(FMode.CACHED, FMode.RECOMPUTE),
              List.of(Precision.FLOAT64),
              List.of(64, 128, 256, 512),
              List.of(2, 3),
              List.of(10, 100, 1000, 3000),
              List.of(256),
              List.of(),
              false,
              List.of()));

  /** The suite's benchmark method each stand-in kernel was measured for. */
  private static final Map<String, String> STAND_IN_FOR =
      Map.of(
          "trainStep", "step",
          "forward", "jblas",
          "forwardPlainJava", "plainJava",
          "gemm", "dgemm");

  /**
   * Writes {@code dir/jmh.json}, real JMH output of the stand-in kernels (FixtureKernels.java.txt)
   * under the names and parameters of the suite's benchmarks they stand for (each result becomes
   * the one {@link #POINTS} point of its method whose parameters include the stand-in's), and
   * {@code dir/flops.csv} as bench writes it for those points.
   */
  public static void writeJmh(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode results;
    try (InputStream in = FixtureRun.class.getResourceAsStream("jmh.json")) {
      results = (ArrayNode) json.readTree(in);
    }
    for (JsonNode r : results) {
      ObjectNode result = (ObjectNode) r;
      String standIn = result.path("benchmark").asText();
      String method = STAND_IN_FOR.get(standIn.substring(standIn.lastIndexOf('.') + 1));
      Map<String, String> params = new TreeMap<>();
      result
          .path("params")
          .fields()
          .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      List<BenchPoint> match =
          POINTS.stream()
              .filter(p -> p.method().equals(method))
              .filter(p -> p.params().entrySet().containsAll(params.entrySet()))
              .toList();
      if (match.size() != 1) {
        throw new IllegalStateException(standIn + " " + params + " matches " + match);
      }
      result.put("benchmark", match.get(0).jmhName());
      ObjectNode real = result.putObject("params");
      match.get(0).params().forEach(real::put);
      result.putObject("secondaryMetrics"); // the stand-ins' FLOP counters: the suite has flops.csv
    }
    Files.writeString(dir.resolve(RunFolder.JMH), json.writeValueAsString(results) + "\n");
    Files.writeString(dir.resolve(RunFolder.FLOPS), BenchPlan.flopsCsv(POINTS));
  }

  static String env() {
    return """
        {
          "machine" : "fixture-host-test-cpu",
          "host" : "fixture-host",
          "cpu_model" : "Test CPU @ 3.0GHz",
          "cores" : 2,
          "memory_bytes" : 8589934592,
          "os" : "Debian GNU/Linux 12 (bookworm)",
          "kernel" : "6.1.0",
          "arch" : "amd64",
          "jvm_vendor" : "Debian",
          "jvm_version" : "17.0.15+6-Debian-1deb12u1",
          "jvm_flags" : [ "-Xmx2g", "-XX:+UseParallelGC" ],
          "jblas_version" : "1.2.5",
          "jblas_flavor" : "sse3",
          "git_commit" : "0123456789ab",
          "profile" : "quick",
          "start" : "2026-11-26T23:57:48Z",
          "end" : "2026-11-27T00:05:12Z",
          "load_average" : 1.25
        }
        """;
  }

  static String certify() {
    Random rng = new Random(1);
    List<String> lines = new ArrayList<>();
    lines.add(Csv.line(ResultFiles.CERTIFY.header()));
    int d = 10;
    for (int n : CERTIFY_N) {
      int k = 2 * n;
      for (long seed = 1; seed <= 2; seed++) {
        double upper2 = Math.min(3 * n + 1, k - 1);
        double lower2 = Math.min(3 * n, k - 2);
        int m2 = (int) Math.round(upper2 * (0.6 + 0.1 * rng.nextDouble()));
        lines.add(
            certifyLine(
                Construction.TWO_LAYER_INTERPOLANT,
                n,
                k,
                d,
                seed,
                m2,
                (d + 2) * m2 + 1,
                upper2,
                lower2,
                1e-12,
                ResultFiles.GAUSSIAN,
                1000.0));
        double sk = Math.ceil(Math.sqrt(k));
        double s3 = Math.ceil(Math.sqrt(3 * n + 2) * (0.9 + 0.1 * rng.nextDouble()));
        double upper3 =
            Math.min(
                2 * Math.sqrt(k) + Math.min(2 * Math.sqrt(k), 3 * n), 6 * Math.sqrt(3 * n + 2));
        double lower3 = Math.sqrt(2 * Math.min(3 * n, k - 2) + 0.25) - 0.5;
        // the hidden widths (d1, d2) of U1, U2, U3 and Appendix A
        double[][] widths = {
          {2 * sk, 2 * sk}, {2 * sk, 3 * n}, {2 * s3, 4 * s3}, {2 * n + 2, 2 * n + 2}
        };
        for (int i = 0; i < THREE_LAYER.size(); i++) {
          double d1 = widths[i][0];
          double d2 = widths[i][1];
          lines.add(
              certifyLine(
                  THREE_LAYER.get(i),
                  n,
                  k,
                  d,
                  seed,
                  d1 + d2,
                  params3(d, d1, d2),
                  upper3,
                  lower3,
                  1e-12,
                  ResultFiles.GAUSSIAN,
                  1000.0));
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static final List<Construction> THREE_LAYER =
      List.of(
          Construction.U1_YUN,
          Construction.U2_BUMP,
          Construction.U3_KEPT_SET,
          Construction.APPENDIX_A);

  private static double params3(int d, double d1, double d2) {
    return d1 * d + d1 + d2 * d1 + d2 + d2 + 1;
  }

  /** A certify.csv line of a fixture, built in 3.5 ms and verified in 1.25 ms. */
  static String certifyLine(
      Construction c,
      int n,
      int k,
      int d,
      long seed,
      double neurons,
      double params,
      double upper,
      double lower,
      double residual,
      String data,
      double maxAbsWeight) {
    return ResultFiles.CERTIFY.line(
        List.of(
            c.depth(),
            c.label(),
            n,
            k,
            d,
            seed,
            (long) neurons,
            (long) params,
            upper,
            lower,
            residual,
            3.5,
            1.25,
            data,
            maxAbsWeight));
  }

  /** Trained minimum width: about 1.2·N^0.5 (depth 3) and 0.8·N (depth 2), with seeded noise. */
  static String capacity() {
    Random rng = new Random(2);
    List<String> lines = new ArrayList<>();
    lines.add(Csv.line(ResultFiles.CAPACITY.header()));
    for (int depth = 2; depth <= 3; depth++) {
      for (int n : SCALING_N) {
        for (String crit : CRITERIA) {
          for (long seed = 1; seed <= 3; seed++) {
            lines.add(capacityRow(depth, n, 2 * n, seed, crit, rng));
          }
        }
      }
    }
    for (int n = 10; n <= 490; n += 40) {
      lines.add(capacityRow(3, n, 1000, 1, "paper", rng));
    }
    for (int k : new int[] {200, 1000, 10000}) {
      for (long seed = 1; seed <= 3; seed++) {
        lines.add(capacityRow(3, 100, k, seed, "relative:0.1", rng));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String capacityRow(int depth, int n, int k, long seed, String crit, Random rng) {
    double base = depth == 2 ? 0.8 * n : 1.2 * Math.sqrt(n);
    double tight = crit.equals("relative:0.01") ? 1.5 : 1.0;
    double m = Math.max(1, Math.round(base * tight * Math.exp(0.15 * rng.nextGaussian())));
    String mMin = String.valueOf((long) m);
    if (crit.equals("paper") && (double) n / k * (2.0 / 3) <= 0.04) {
      mMin = "0"; // g = 0 already passes: the paper criterion's blind spot at small N/K
    }
    if (depth == 2 && n == 1000 && seed == 3 && crit.equals("relative:0.01")) {
      mMin = ""; // no width in the grid passed
    }
    return capacityLine(
        depth,
        n,
        k,
        10,
        seed,
        crit,
        mMin,
        (double) n / k * 2 / 3,
        "float64",
        "gaussian",
        "additive");
  }

  /**
   * A capacity.csv line of a fixture: the task, its m_min (empty: no width passed) and initial
   * loss, a loss at m_min of 5% of it, 2,000 steps and 150 ms.
   */
  static String capacityLine(
      int depth,
      int n,
      int k,
      int d,
      long seed,
      String criterion,
      Object mMin,
      double initialLoss,
      String precision,
      String data,
      String adapter) {
    return ResultFiles.CAPACITY.line(
        List.of(
            depth,
            n,
            k,
            d,
            seed,
            criterion,
            mMin,
            initialLoss * 0.05,
            initialLoss,
            2000,
            150,
            precision,
            data,
            adapter));
  }

  /** The Fig. 9 grid: depth 3, K = 1000, N = 10 … 490, m = 6 … 48. */
  static String cells() {
    Random rng = new Random(3);
    List<String> lines = new ArrayList<>();
    lines.add(Csv.line(ResultFiles.CELLS.header()));
    for (int n = 10; n <= 490; n += 20) {
      for (int m = 6; m <= 48; m += 6) {
        double init = n / 1000.0 * 2 / 3;
        double loss =
            init * Math.exp(-m / (1.2 * Math.sqrt(n))) * Math.exp(0.1 * rng.nextGaussian());
        lines.add(
            ResultFiles.CELLS.line(
                List.of(
                    3,
                    n,
                    1000,
                    10,
                    m,
                    1,
                    loss,
                    init,
                    2000,
                    40,
                    "float64",
                    "gaussian",
                    "additive")));
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
