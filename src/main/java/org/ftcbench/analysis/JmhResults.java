package org.ftcbench.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ftcbench.results.JmhFile;
import org.ftcbench.results.JmhResult;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A run's jmh.json (JMH's own {@code -rf json} format, unmodified) as a table with one row per
 * benchmark and parameter set, every time converted to seconds per operation, plus the raw samples
 * (forks × iterations, from {@code primaryMetric.rawData}) of each row for the bootstrap.
 *
 * <p>Columns: {@code series} (benchmark and every parameter except N and size, e.g. "TrainStep.step
 * [K=10000, depth=3, fMode=CACHED, precision=float64]"), {@code benchmark} (the method name),
 * {@code mode}, {@code N}, {@code depth}, {@code K}, {@code size} (missing where the benchmark has
 * no such parameter), {@code other_params}, {@code seconds_per_op}, {@code seconds_low}/{@code
 * seconds_high} (JMH's own confidence interval, 99.9% by default), {@code gflops} (GFLOP/s, see
 * below) and {@code samples}.
 *
 * <p>The suite's own benchmarks (class in {@code org.ftcbench.bench}) are named {@code
 * Class.method} ("TrainStep.step", "Gemm.dgemm"); any other JMH file's benchmarks by their method
 * name, or {@code Class.method} where two classes share one. {@code f_mode} holds the {@code fMode}
 * parameter (CACHED or RECOMPUTE, missing elsewhere), the key of the cached-against-recompute
 * figure.
 *
 * <p><b>GFLOP/s</b> comes only from what the run recorded: first the FLOPs per operation of the
 * run's flops.csv, attached to each result ({@link JmhResult#flopsPerOp}, counted by bench.Flops
 * from the benchmark's shapes); else a secondary metric whose name contains "flop" (an
 * {@code @AuxCounters} field), read by its unit: per operation ("…/op"), a rate ("…/s", "…/ms",
 * "…/us", "…/ns"), or events per iteration ("#", divided by the iteration time). Otherwise the
 * column is missing: nothing is estimated, and no benchmark's kind is guessed from its name.
 */
public final class JmhResults {
  /** The suite's gemm benchmarks (bench.Gemm), C = A B of size × size matrices. */
  public static final String SUITE_GEMM = "Gemm.dgemm";

  /** The suite's single-precision gemm benchmark. */
  public static final String SUITE_SGEMM = "Gemm.sgemm";

  /** The column of the {@code fMode} parameter (CACHED or RECOMPUTE). */
  public static final String F_MODE = "f_mode";

  /** The package of the suite's own benchmarks, whose names keep their class. */
  static final String SUITE_PACKAGE = "org.ftcbench.bench.";

  /**
   * Whether {@code name} (this table's benchmark column) is the suite's square gemm (bench.Gemm).
   */
  public static boolean isGemm(String name) {
    return SUITE_GEMM.equals(name) || SUITE_SGEMM.equals(name);
  }

  /**
   * The precision of a result: its {@code precision} parameter (bench.TrainStep, bench.Backward),
   * float32 for sgemm, else float64 (every benchmark before float32 existed).
   */
  static String precision(String name, Map<String, String> params) {
    return params.getOrDefault("precision", SUITE_SGEMM.equals(name) ? "float32" : "float64");
  }

  private final Table table;
  private final List<JmhResult> results;

  private JmhResults(Table table, List<JmhResult> results) {
    this.table = table;
    this.results = List.copyOf(results);
  }

  /** One row per benchmark × parameter set. */
  public Table table() {
    return table;
  }

  /** The result of row {@code row}, as jmh.json and flops.csv recorded it. */
  public JmhResult result(int row) {
    return results.get(row);
  }

  /**
   * The series of {@code benchmark} (jmh.json's full name) at {@code params}, N and size aside (the
   * series' axis): e.g. the CACHED twin of a RECOMPUTE trainStep, or the jblas twin of a plainJava
   * forward. Empty when the run did not measure it.
   */
  public Optional<String> series(String benchmark, Map<String, String> params) {
    Map<String, String> wanted = besideTheAxis(params);
    for (int i = 0; i < results.size(); i++) {
      JmhResult r = results.get(i);
      if (r.benchmark().equals(benchmark) && besideTheAxis(r.params()).equals(wanted)) {
        return Optional.of(table.stringColumn(Columns.SERIES).get(i));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> besideTheAxis(Map<String, String> params) {
    Map<String, String> p = new TreeMap<>(params);
    p.remove("N");
    p.remove("size");
    return p;
  }

  /** The raw samples of row {@code row} in seconds per operation (forks × iterations). */
  public double[] samples(int row) {
    return seconds(results.get(row));
  }

  /** Reads {@code dir/jmh.json}; empty (with a notice) when it is missing or does not parse. */
  public static Optional<JmhResults> read(Path dir, String fileName, List<Notice> notices) {
    try {
      return JmhFile.read(dir, problem -> notices.add(new Notice(RunFolder.FLOPS, problem)))
          .map(results -> of(results, fileName, notices));
    } catch (JmhFile.Unusable e) {
      notices.add(new Notice(fileName, e.getMessage() + "; the kernel figures are left out"));
      return Optional.empty();
    }
  }

  /**
   * The table of {@code all}; a result without a benchmark name, a score, or a unit that is a time
   * or a rate is left out, with one notice.
   */
  static JmhResults of(List<JmhResult> all, String fileName, List<Notice> notices) {
    StringColumn series = StringColumn.create(Columns.SERIES);
    StringColumn benchmark = StringColumn.create(Columns.BENCHMARK);
    StringColumn mode = StringColumn.create(Columns.MODE);
    IntColumn n = IntColumn.create(Columns.N);
    IntColumn depth = IntColumn.create(Columns.DEPTH);
    IntColumn k = IntColumn.create(Columns.K);
    IntColumn size = IntColumn.create(Columns.SIZE);
    StringColumn other = StringColumn.create(Columns.OTHER_PARAMS);
    DoubleColumn seconds = DoubleColumn.create(Columns.SECONDS);
    DoubleColumn low = DoubleColumn.create(Columns.SECONDS_LOW);
    DoubleColumn high = DoubleColumn.create(Columns.SECONDS_HIGH);
    DoubleColumn gflops = DoubleColumn.create("gflops");
    StringColumn fMode = StringColumn.create(F_MODE);
    StringColumn precision = StringColumn.create(Columns.PRECISION);
    IntColumn count = IntColumn.create(Columns.SAMPLES);
    List<JmhResult> kept = new ArrayList<>();

    Map<String, String> shortNames = shortNames(all);
    int skipped = 0;
    String firstSkip = null;
    for (int i = 0; i < all.size(); i++) {
      JmhResult r = all.get(i);
      if (r.benchmark().isEmpty() || !r.timed() || !Double.isFinite(r.score())) {
        skipped++;
        if (firstSkip == null) {
          firstSkip =
              "entry "
                  + (i + 1)
                  + " ('"
                  + r.benchmark()
                  + "', unit '"
                  + r.unit()
                  + "'): "
                  + (r.timed() ? "no score" : "the unit is not a time or rate");
        }
        continue;
      }
      kept.add(r);
      String name = shortNames.get(r.benchmark());
      Map<String, String> params = r.params();
      String restText = paramsExcept(params, List.of("N", "size"));
      series.append(restText.isEmpty() ? name : name + " [" + restText + "]");
      benchmark.append(name);
      mode.append(r.mode());
      appendInt(n, r.intParam("N"));
      appendInt(depth, r.intParam("depth"));
      appendInt(k, r.intParam("K"));
      appendInt(size, r.intParam("size"));
      other.append(paramsExcept(params, List.of("N", "size", "depth", "K")));
      double sec = r.secondsPerOp(r.score());
      seconds.append(sec);
      double a = r.secondsPerOp(r.confidenceLow());
      double b = r.secondsPerOp(r.confidenceHigh());
      // a throughput interval inverts into a time interval with its ends swapped; a lower end at
      // or below zero (few samples, wide interval) has no time per op: leave it missing
      low.append(positiveOrNaN(Math.min(a, b)));
      high.append(positiveOrNaN(Math.max(a, b)));
      count.append(seconds(r).length);
      // 0 FLOPs per op (certify: construction is not BLAS work) has no rate
      double perOp = r.flopsPerOp();
      gflops.append(
          Double.isNaN(perOp) ? flopCounter(r, sec) : perOp > 0 ? perOp / sec / 1e9 : Double.NaN);
      fMode.append(params.getOrDefault("fMode", ""));
      precision.append(precision(name, params));
    }
    if (skipped > 0) {
      notices.add(
          new Notice(
              fileName,
              skipped
                  + (skipped == 1 ? " result was" : " results were")
                  + " left out (first: "
                  + firstSkip
                  + ")"));
    }
    Table t =
        Table.create(
            "jmh", series, benchmark, mode, n, depth, k, size, other, seconds, low, high, gflops,
            count, fMode, precision);
    return new JmhResults(t, kept);
  }

  /** A result's finite samples in seconds per operation; its score alone if it has none. */
  private static double[] seconds(JmhResult r) {
    double[] s = Arrays.stream(r.samples()).map(r::secondsPerOp).filter(Double::isFinite).toArray();
    return s.length == 0 ? new double[] {r.secondsPerOp(r.score())} : s;
  }

  /**
   * Class.method for the suite's benchmarks; method names ("forward") for others, or Class.method
   * where two classes share a method name.
   */
  private static Map<String, String> shortNames(List<JmhResult> all) {
    Map<String, List<JmhResult>> byMethod = new HashMap<>();
    for (JmhResult r : all) {
      List<JmhResult> same = byMethod.computeIfAbsent(r.method(), x -> new ArrayList<>());
      if (same.stream().noneMatch(o -> o.benchmark().equals(r.benchmark()))) {
        same.add(r);
      }
    }
    Map<String, String> names = new HashMap<>();
    byMethod.forEach(
        (method, results) ->
            results.forEach(
                r ->
                    names.put(
                        r.benchmark(),
                        results.size() == 1 && !r.benchmark().startsWith(SUITE_PACKAGE)
                            ? method
                            : r.shortName())));
    return names;
  }

  /** GFLOP/s from a secondary metric whose name contains "flop"; NaN if there is none. */
  private static double flopCounter(JmhResult r, double secondsPerOp) {
    for (Map.Entry<String, JmhResult.Metric> e : r.secondary().entrySet()) {
      if (!e.getKey().toLowerCase(Locale.ROOT).contains("flop")) {
        continue;
      }
      JmhResult.Metric m = e.getValue();
      double score = m.score();
      String unit = m.unit();
      if (!Double.isFinite(score) || score <= 0) {
        continue;
      }
      if (unit.endsWith("/op")) {
        return score / secondsPerOp / 1e9;
      }
      double rate = JmhResult.rateSeconds(unit);
      if (!Double.isNaN(rate)) {
        return score / rate / 1e9;
      }
      if (unit.equals("#")) {
        // events counted over one measurement iteration: divide the per-iteration mean by its time
        double[] perIteration =
            Arrays.stream(m.raw())
                .flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite)
                .toArray();
        if (Double.isFinite(r.measurementSeconds()) && perIteration.length > 0) {
          double mean = Arrays.stream(perIteration).average().orElse(Double.NaN);
          return mean / r.measurementSeconds() / 1e9;
        }
      }
    }
    return Double.NaN;
  }

  private static void appendInt(IntColumn c, Integer v) {
    if (v == null) {
      c.appendMissing();
    } else {
      c.append(v);
    }
  }

  private static double positiveOrNaN(double v) {
    return v > 0 && Double.isFinite(v) ? v : Double.NaN;
  }

  /** The parameters other than {@code except}, as "name=value, …" in the map's order. */
  private static String paramsExcept(Map<String, String> params, List<String> except) {
    List<String> kept = new ArrayList<>();
    params.forEach(
        (key, v) -> {
          if (!except.contains(key)) {
            kept.add(key + "=" + v);
          }
        });
    return String.join(", ", kept);
  }
}
