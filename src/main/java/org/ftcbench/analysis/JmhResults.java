package org.ftcbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftcbench.results.Csv;
import org.ftcbench.results.TableReader;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A run's jmh.json (JMH's own {@code -rf json} format, unmodified) as a table with one row per
 * benchmark and parameter set, every time converted to seconds per operation, plus the raw samples
 * (forks × iterations, from {@code primaryMetric.rawData}) of each row for the bootstrap.
 *
 * <p>Columns: {@code series} (benchmark and every parameter except N and size, e.g. "trainStep
 * [depth=3, fMode=CACHED]"), {@code benchmark} (the method name), {@code mode}, {@code N}, {@code
 * depth}, {@code K}, {@code size} (missing where the benchmark has no such parameter), {@code
 * other_params}, {@code seconds_per_op}, {@code seconds_low}/{@code seconds_high} (JMH's own
 * confidence interval, 99.9% by default), {@code gflops} (GFLOP/s, see below) and {@code samples}.
 *
 * <p>The suite's own benchmarks (class in {@code org.ftcbench.bench}) are named {@code
 * Class.method} ("TrainStep.step", "Gemm.dgemm"); any other JMH file's benchmarks by their method
 * name, or {@code Class.method} where two classes share one. {@code f_mode} holds the {@code fMode}
 * parameter (CACHED or RECOMPUTE, missing elsewhere), the key of the cached-against-recompute
 * figure.
 *
 * <p><b>GFLOP/s</b> comes only from what the run recorded, first the run's flops.csv (written by
 * {@code bench} beside jmh.json: {@code flops_per_op} of each benchmark and parameter set, joined
 * on jmh.json's full {@code benchmark} name and its {@code params} as sorted {@code name=value}
 * pairs joined by ';'); else a secondary metric whose name contains "flop" (an {@code @AuxCounters}
 * field), read by its unit: per operation ("…/op"), a rate ("…/s", "…/ms", "…/us", "…/ns"), or
 * events per iteration ("#", divided by the iteration time). The one exception is a gemm benchmark
 * ({@link #isGemm}) with parameter {@code size}, a square product C = A B of size × size matrices
 * by its definition (issue 5), which costs 2·size³ FLOPs. Otherwise the column is missing: nothing
 * is estimated.
 */
public final class JmhResults {
  /** The name of a gemm benchmark in a foreign JMH file, whose FLOPs follow from its size. */
  public static final String GEMM = "gemm";

  /** The suite's gemm benchmarks (bench.Gemm), C = A B of size × size matrices. */
  public static final String SUITE_GEMM = "Gemm.dgemm";

  /** The suite's single-precision gemm benchmark. */
  public static final String SUITE_SGEMM = "Gemm.sgemm";

  /** The column of the {@code fMode} parameter (CACHED or RECOMPUTE). */
  public static final String F_MODE = "f_mode";

  /** The package of the suite's own benchmarks, whose names keep their class. */
  static final String SUITE_PACKAGE = "org.ftcbench.bench.";

  /** The run's flops.csv, beside jmh.json. */
  public static final String FLOPS_FILE = "flops.csv";

  /** Whether {@code name} (this table's benchmark column) is a square gemm of side {@code size}. */
  public static boolean isGemm(String name) {
    return GEMM.equals(name) || SUITE_GEMM.equals(name) || SUITE_SGEMM.equals(name);
  }

  /**
   * The precision of a result: its {@code precision} parameter (bench.TrainStep, bench.Backward),
   * float32 for sgemm, else float64 (every benchmark before float32 existed).
   */
  static String precision(String name, Map<String, String> params) {
    return params.getOrDefault("precision", SUITE_SGEMM.equals(name) ? "float32" : "float64");
  }

  private final Table table;
  private final List<double[]> samples;

  private JmhResults(Table table, List<double[]> samples) {
    this.table = table;
    this.samples = samples;
  }

  /** One row per benchmark × parameter set. */
  public Table table() {
    return table;
  }

  /** The raw samples of row {@code row} in seconds per operation (forks × iterations). */
  public double[] samples(int row) {
    return samples.get(row).clone();
  }

  /** Reads {@code dir/jmh.json}; empty (with a notice) when it is missing or does not parse. */
  public static Optional<JmhResults> read(Path dir, String fileName, List<Notice> notices) {
    Path file = dir.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      notices.add(
          new Notice(
              fileName,
              "does not parse as JSON ("
                  + TableReader.abbreviate(String.valueOf(e.getMessage()))
                  + "); the kernel figures are left out"));
      return Optional.empty();
    }
    if (root == null || !root.isArray()) {
      notices.add(
          new Notice(
              fileName,
              "is not JMH's JSON result format (expected an array of results); the kernel figures"
                  + " are left out"));
      return Optional.empty();
    }
    return Optional.of(parse(root, fileName, readFlops(dir, notices), notices));
  }

  /**
   * flops.csv as (benchmark + '\t' + params) → FLOPs per op (0: not counted, no GFLOP/s); empty
   * when the file is missing (a JMH file from elsewhere), with a notice for rows that do not parse.
   */
  static Map<String, Double> readFlops(Path dir, List<Notice> notices) {
    Map<String, Double> flops = new HashMap<>();
    Path file = dir.resolve(FLOPS_FILE);
    if (!Files.isRegularFile(file)) {
      return flops;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      notices.add(
          new Notice(
              FLOPS_FILE,
              "cannot be read ("
                  + TableReader.abbreviate(String.valueOf(e.getMessage()))
                  + "); no GFLOP/s from it"));
      return flops;
    }
    if (lines.isEmpty()) {
      notices.add(new Notice(FLOPS_FILE, "is empty; no GFLOP/s from it"));
      return flops;
    }
    List<String> header = Csv.parse(lines.get(0));
    int b = header.indexOf("benchmark");
    int p = header.indexOf("params");
    int f = header.indexOf(Columns.FLOPS_PER_OP);
    if (b < 0 || p < 0 || f < 0) {
      notices.add(
          new Notice(
              FLOPS_FILE,
              "has no benchmark, params and flops_per_op columns (header: "
                  + TableReader.abbreviate(lines.get(0))
                  + "); no GFLOP/s from it"));
      return flops;
    }
    int bad = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      try {
        List<String> row = Csv.parse(line);
        double v = Double.parseDouble(row.get(f).strip());
        if (!(v >= 0) || !Double.isFinite(v)) {
          throw new NumberFormatException(row.get(f));
        }
        flops.put(row.get(b) + "\t" + row.get(p), v);
      } catch (RuntimeException e) {
        bad++;
      }
    }
    if (bad > 0) {
      notices.add(
          new Notice(
              FLOPS_FILE,
              bad
                  + (bad == 1 ? " row was" : " rows were")
                  + " left out (flops_per_op is not a number ≥ 0)"));
    }
    return flops;
  }

  static JmhResults parse(JsonNode root, String fileName, List<Notice> notices) {
    return parse(root, fileName, Map.of(), notices);
  }

  static JmhResults parse(
      JsonNode root, String fileName, Map<String, Double> flops, List<Notice> notices) {
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
    List<double[]> samples = new ArrayList<>();

    Map<String, String> shortNames = shortNames(root);
    int skipped = 0;
    String firstSkip = null;
    int unmatched = 0;
    String firstUnmatched = null;
    for (int i = 0; i < root.size(); i++) {
      JsonNode r = root.get(i);
      String full = r.path("benchmark").asText("");
      JsonNode pm = r.path("primaryMetric");
      String unit = pm.path("scoreUnit").asText("");
      double score = pm.path("score").asDouble(Double.NaN);
      TimeScale scale = TimeScale.of(unit);
      if (full.isEmpty() || scale == null || !Double.isFinite(score)) {
        skipped++;
        if (firstSkip == null) {
          firstSkip =
              "entry "
                  + (i + 1)
                  + " ('"
                  + full
                  + "', unit '"
                  + unit
                  + "'): "
                  + (scale == null ? "the unit is not a time or rate" : "no score");
        }
        continue;
      }
      String name = shortNames.get(full);
      Map<String, String> params = new TreeMap<>();
      r.path("params")
          .fields()
          .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      Integer pn = intParam(params, "N");
      Integer pd = intParam(params, "depth");
      Integer pk = intParam(params, "K");
      Integer ps = intParam(params, "size");
      List<String> rest = new ArrayList<>();
      params.forEach(
          (key, v) -> {
            if (!key.equals("N") && !key.equals("size")) {
              rest.add(key + "=" + v);
            }
          });
      String restText = String.join(", ", rest);
      series.append(restText.isEmpty() ? name : name + " [" + restText + "]");
      benchmark.append(name);
      mode.append(r.path("mode").asText(""));
      appendInt(n, pn);
      appendInt(depth, pd);
      appendInt(k, pk);
      appendInt(size, ps);
      other.append(
          String.join(
              ", ",
              rest.stream().filter(s -> !s.startsWith("depth=") && !s.startsWith("K=")).toList()));
      double sec = scale.seconds(score);
      seconds.append(sec);
      JsonNode ci = pm.path("scoreConfidence");
      double a = scale.seconds(ci.path(0).asDouble(Double.NaN));
      double b = scale.seconds(ci.path(1).asDouble(Double.NaN));
      // a throughput interval inverts into a time interval with its ends swapped; a lower end at
      // or below zero (few samples, wide interval) has no time per op: leave it missing
      low.append(positiveOrNaN(Math.min(a, b)));
      high.append(positiveOrNaN(Math.max(a, b)));
      double[] raw = flatten(pm.path("rawData"), scale);
      if (raw.length == 0) {
        raw = new double[] {sec};
      }
      samples.add(raw);
      count.append(raw.length);
      String key = full + "\t" + joinKey(params);
      // 0 FLOPs per op (certify: construction is not BLAS work) has no rate
      Double perOp = flops.get(key);
      double g =
          perOp == null ? gflops(r, name, ps, sec) : perOp > 0 ? perOp / sec / 1e9 : Double.NaN;
      gflops.append(g);
      fMode.append(params.getOrDefault("fMode", ""));
      precision.append(precision(name, params));
      if (!flops.isEmpty() && !flops.containsKey(key)) {
        unmatched++;
        if (firstUnmatched == null) {
          firstUnmatched = name + " " + joinKey(params);
        }
      }
    }
    if (unmatched > 0) {
      notices.add(
          new Notice(
              FLOPS_FILE,
              "has no row for "
                  + unmatched
                  + (unmatched == 1 ? " result" : " results")
                  + " of "
                  + fileName
                  + " (first: "
                  + firstUnmatched
                  + "); their GFLOP/s is left out unless JMH recorded FLOPs"));
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
    return new JmhResults(t, samples);
  }

  /** flops.csv's params: {@code name=value} sorted by name, joined by ';' ("" for none). */
  static String joinKey(Map<String, String> sortedParams) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(sortedParams).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(";", parts);
  }

  /**
   * Class.method for the suite's benchmarks; method names ("forward") for others, or Class.method
   * where two classes share a method name.
   */
  private static Map<String, String> shortNames(JsonNode root) {
    Map<String, List<String>> byMethod = new HashMap<>();
    for (JsonNode r : root) {
      String full = r.path("benchmark").asText("");
      byMethod.computeIfAbsent(last(full, 1), x -> new ArrayList<>());
      if (!byMethod.get(last(full, 1)).contains(full)) {
        byMethod.get(last(full, 1)).add(full);
      }
    }
    Map<String, String> names = new HashMap<>();
    byMethod.forEach(
        (method, fulls) ->
            fulls.forEach(
                f ->
                    names.put(
                        f,
                        fulls.size() == 1 && !f.startsWith(SUITE_PACKAGE) ? method : last(f, 2))));
    return names;
  }

  private static String last(String full, int parts) {
    String[] p = full.split("\\.");
    int from = Math.max(0, p.length - parts);
    return String.join(".", java.util.Arrays.copyOfRange(p, from, p.length));
  }

  private static double gflops(JsonNode r, String name, Integer size, double secondsPerOp) {
    var it = r.path("secondaryMetrics").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getKey().toLowerCase(Locale.ROOT).contains("flop")) {
        continue;
      }
      JsonNode m = e.getValue();
      double score = m.path("score").asDouble(Double.NaN);
      String unit = m.path("scoreUnit").asText("").strip();
      if (!Double.isFinite(score) || score <= 0) {
        continue;
      }
      if (unit.endsWith("/op")) {
        return score / secondsPerOp / 1e9;
      }
      TimeScale rate = TimeScale.of(unit);
      if (rate != null && rate.throughput) {
        return score / rate.unitSeconds / 1e9;
      }
      if (unit.equals("#")) {
        // events counted over one measurement iteration: divide the per-iteration mean by its time
        double iterationSeconds = durationSeconds(r.path("measurementTime").asText(""));
        JsonNode raw = m.path("rawData");
        double[] perIteration = flatten(raw, TimeScale.IDENTITY);
        if (Double.isFinite(iterationSeconds) && perIteration.length > 0) {
          double mean = java.util.Arrays.stream(perIteration).average().orElse(Double.NaN);
          return mean / iterationSeconds / 1e9;
        }
      }
    }
    if (isGemm(name) && size != null) {
      // C = A B with A, B size × size: size² outputs, each a size-long dot product (2·size FLOPs)
      return 2.0 * size * size * size / secondsPerOp / 1e9;
    }
    return Double.NaN;
  }

  private static final Pattern DURATION = Pattern.compile("([0-9.]+)\\s*(ns|us|ms|s|min)");

  /** "150 ms" → 0.15; NaN if it is not a JMH duration. */
  static double durationSeconds(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "ns" -> v * 1e-9;
      case "us" -> v * 1e-6;
      case "ms" -> v * 1e-3;
      case "min" -> v * 60;
      default -> v;
    };
  }

  private static double[] flatten(JsonNode raw, TimeScale scale) {
    List<Double> v = new ArrayList<>();
    if (raw.isArray()) {
      for (JsonNode fork : raw) {
        for (JsonNode x : fork) {
          double s = scale.seconds(x.asDouble(Double.NaN));
          if (Double.isFinite(s)) {
            v.add(s);
          }
        }
      }
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Integer intParam(Map<String, String> params, String key) {
    String v = params.get(key);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
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

  /** A JMH score unit: time per operation ("us/op") or operations per time ("ops/ms"). */
  private record TimeScale(double unitSeconds, boolean throughput) {
    static final TimeScale IDENTITY = new TimeScale(1, false);

    static TimeScale of(String unit) {
      String u = unit.strip();
      Matcher t = Pattern.compile("(ns|us|µs|ms|s|min)/op").matcher(u);
      if (t.matches()) {
        return new TimeScale(unitOf(t.group(1)), false);
      }
      Matcher r = Pattern.compile("[^/]+/(ns|us|µs|ms|s|min)").matcher(u);
      if (r.matches()) {
        return new TimeScale(unitOf(r.group(1)), true);
      }
      return null;
    }

    private static double unitOf(String u) {
      return switch (u) {
        case "ns" -> 1e-9;
        case "us", "µs" -> 1e-6;
        case "ms" -> 1e-3;
        case "min" -> 60;
        default -> 1;
      };
    }

    /** A score in this unit as seconds per operation. */
    double seconds(double score) {
      return throughput ? unitSeconds / score : score * unitSeconds;
    }
  }
}
