package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;

/**
 * Turns a run's tables into the series the report fits against N:
 *
 * <ul>
 *   <li>certified neurons per depth: for each (N, K, seed) the fewest neurons over that depth's
 *       construction rows (the certified 3-layer width is the minimum over U1, U2, U3: Theorem 5.1;
 *       Appendix A is {@link Columns#COMPARISON_ONLY});
 *   <li>the theorem bounds per depth: the smallest upper_bound and the largest lower_bound over the
 *       same rows;
 *   <li>certified parameters: the params of the row with the fewest neurons;
 *   <li>trained minimum width per depth × criterion: capacity.csv's m_min over seeds;
 *   <li>kernel time per benchmark × parameters: every JMH raw sample, in seconds per op.
 * </ul>
 *
 * Each certify/capacity series is split by {@link Regime}, so that sweeps with different K rules
 * are never fitted together.
 */
public final class SeriesBuilder {
  private SeriesBuilder() {}

  /** Every series of the run, in report order. */
  public static List<ScalingSeries> all(RunData run) {
    List<ScalingSeries> out = new ArrayList<>();
    run.certify().ifPresent(t -> out.addAll(certified(t)));
    run.capacity().ifPresent(t -> out.addAll(trained(t)));
    run.jmh().ifPresent(j -> out.addAll(kernels(j)));
    return out;
  }

  /** Certified neurons, bounds and parameters per depth and regime. */
  public static List<ScalingSeries> certified(Table t) {
    record Key(int depth, int n, int k, long seed) {}
    record Best(double neurons, double params, double upper, double lower) {}
    Map<Key, Best> best = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (missingInt(t, Columns.DEPTH, i)
          || missingInt(t, Columns.N, i)
          || missingInt(t, Columns.K, i)
          || Columns.COMPARISON_ONLY.equals(t.stringColumn(Columns.CONSTRUCTION).get(i))) {
        continue;
      }
      Key key =
          new Key(
              t.intColumn(Columns.DEPTH).getInt(i),
              t.intColumn(Columns.N).getInt(i),
              t.intColumn(Columns.K).getInt(i),
              seed(t, i));
      double neurons = t.doubleColumn(Columns.NEURONS).getDouble(i);
      double params = t.doubleColumn(Columns.PARAMS).getDouble(i);
      double upper = t.doubleColumn(Columns.UPPER_BOUND).getDouble(i);
      double lower = t.doubleColumn(Columns.LOWER_BOUND).getDouble(i);
      Best old = best.get(key);
      if (old == null) {
        best.put(key, new Best(neurons, params, upper, lower));
      } else {
        boolean fewer = Double.isNaN(old.neurons) || neurons < old.neurons;
        best.put(
            key,
            new Best(
                fewer ? neurons : old.neurons,
                fewer ? params : old.params,
                minIgnoringNaN(old.upper, upper),
                maxIgnoringNaN(old.lower, lower)));
      }
    }
    List<ScalingSeries> out = new ArrayList<>();
    for (int depth : new TreeSet<>(best.keySet().stream().map(Key::depth).toList())) {
      List<int[]> nk =
          best.keySet().stream()
              .filter(k -> k.depth == depth)
              .map(k -> new int[] {k.n, k.k})
              .toList();
      for (Regime regime : Regime.find(nk)) {
        Map<Kind, SortedMap<Double, List<Double>>> by = new LinkedHashMap<>();
        best.forEach(
            (k, b) -> {
              if (k.depth != depth || !regime.contains(k.n, k.k)) {
                return;
              }
              add(by, Kind.CERTIFIED, k.n, b.neurons);
              add(by, Kind.UPPER_BOUND, k.n, b.upper);
              add(by, Kind.LOWER_BOUND, k.n, b.lower);
              add(by, Kind.PARAMS, k.n, b.params);
            });
        String construction = "min over the depth-" + depth + " constructions";
        out.add(
            series(
                Kind.CERTIFIED,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): neurons, " + construction + "; one sample per seed",
                neuronsExpected(depth, regime),
                by.get(Kind.CERTIFIED)));
        out.add(
            series(
                Kind.UPPER_BOUND,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): the smallest upper_bound of the rows",
                neuronsExpected(depth, regime),
                by.get(Kind.UPPER_BOUND)));
        out.add(
            series(
                Kind.LOWER_BOUND,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): the largest lower_bound of the rows",
                neuronsExpected(depth, regime),
                by.get(Kind.LOWER_BOUND)));
        out.add(
            series(
                Kind.PARAMS,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): params of the construction with the fewest neurons",
                depth == 2 ? "1 (params ∝ m ∝ N)" : depth == 3 ? "1 (d1·d2 ∝ N)" : "—",
                by.get(Kind.PARAMS)));
      }
    }
    out.removeIf(s -> s.samples().isEmpty());
    return out;
  }

  /** Trained minimum width per depth, criterion and regime. */
  public static List<ScalingSeries> trained(Table t) {
    List<ScalingSeries> out = new ArrayList<>();
    Map<String, List<Integer>> rowsBy = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (missingInt(t, Columns.DEPTH, i)
          || missingInt(t, Columns.N, i)
          || missingInt(t, Columns.K, i)) {
        continue;
      }
      String key =
          t.intColumn(Columns.DEPTH).getInt(i)
              + "\u0000"
              + t.stringColumn(Columns.CRITERION).get(i);
      rowsBy.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
    }
    List<String> keys = new ArrayList<>(rowsBy.keySet());
    keys.sort(null);
    for (String key : keys) {
      List<Integer> rows = rowsBy.get(key);
      int depth = t.intColumn(Columns.DEPTH).getInt(rows.get(0));
      String criterion = t.stringColumn(Columns.CRITERION).get(rows.get(0));
      List<int[]> nk =
          rows.stream()
              .map(
                  i ->
                      new int[] {
                        t.intColumn(Columns.N).getInt(i), t.intColumn(Columns.K).getInt(i)
                      })
              .toList();
      for (Regime regime : Regime.find(nk)) {
        SortedMap<Double, List<Double>> samples = new TreeMap<>();
        for (int i : rows) {
          int n = t.intColumn(Columns.N).getInt(i);
          if (regime.contains(n, t.intColumn(Columns.K).getInt(i))) {
            samples
                .computeIfAbsent((double) n, x -> new ArrayList<>())
                .add(t.doubleColumn(Columns.M_MIN).getDouble(i));
          }
        }
        out.add(
            series(
                Kind.TRAINED,
                depth,
                criterion,
                regime.label(),
                "per (N, K, seed): the smallest width that trained to criterion "
                    + criterion
                    + "; one sample per seed (missing: no width in the grid passed)",
                trainedExpected(depth),
                samples));
      }
    }
    return out;
  }

  /** The suite's certify benchmark (bench.Certify), whose cost is not g's FLOPs alone. */
  static final String CERTIFY = "Certify.buildAndVerify";

  /** Time per op vs N for every benchmark × parameter set with an N parameter. */
  public static List<ScalingSeries> kernels(JmhResults jmh) {
    Table t = jmh.table();
    Map<String, SortedMap<Double, List<Double>>> by = new LinkedHashMap<>();
    Map<String, Integer> depthOf = new LinkedHashMap<>();
    Map<String, String> benchmarkOf = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.intColumn(Columns.N).isMissing(i)) {
        continue;
      }
      String s = t.stringColumn(Columns.SERIES).get(i);
      double n = t.intColumn(Columns.N).getInt(i);
      List<Double> list =
          by.computeIfAbsent(s, x -> new TreeMap<>()).computeIfAbsent(n, x -> new ArrayList<>());
      for (double v : jmh.samples(i)) {
        list.add(v);
      }
      depthOf.put(
          s, t.intColumn(Columns.DEPTH).isMissing(i) ? 0 : t.intColumn(Columns.DEPTH).getInt(i));
      benchmarkOf.put(s, t.stringColumn(Columns.BENCHMARK).get(i));
    }
    List<ScalingSeries> out = new ArrayList<>();
    by.forEach(
        (s, samples) -> {
          int depth = depthOf.get(s);
          String expected =
              CERTIFY.equals(benchmarkOf.get(s))
                  ? "0 to 1 (fixed O(K log K) projection and sort; verification ∝ parameters)"
                  : depth == 2
                      ? "1 (FLOPs ∝ m ∝ N)"
                      : depth == 3 ? "0.5 to 1 (m ∝ √N, but d1·d2 ∝ N)" : "—";
          out.add(
              new ScalingSeries(
                  Kind.KERNEL,
                  s,
                  depth,
                  "",
                  s,
                  RunFolder.JMH,
                  "JMH raw samples (forks × iterations), seconds per op",
                  expected,
                  toArrays(samples)));
        });
    return out;
  }

  private static String neuronsExpected(int depth, Regime regime) {
    boolean fixedK = regime.fixedK() > 0;
    return switch (depth) {
      case 2 -> fixedK ? "1 until 3N+1 reaches K−1 (Thm 4.1)" : "1 (Θ(N), Thm 4.1)";
      case 3 -> fixedK ? "≤ 0.5, capped at 4√K (Thm 5.1)" : "0.5 (Θ(√N), Thm 5.1)";
      default -> "—";
    };
  }

  private static String trainedExpected(int depth) {
    return switch (depth) {
      case 2 -> "1 if training matches Thm 4.1";
      case 3 -> "0.5 if training matches Thm 5.1 (the paper's Fig. 9)";
      default -> "—";
    };
  }

  private static ScalingSeries series(
      Kind kind,
      int depth,
      String criterion,
      String regime,
      String what,
      String expected,
      SortedMap<Double, List<Double>> samples) {
    SortedMap<Double, List<Double>> s = samples == null ? new TreeMap<>() : samples;
    if (kind != Kind.TRAINED) {
      // bounds and parameters may be absent (optional columns): drop all-missing points
      s.values().removeIf(l -> l.stream().allMatch(v -> Double.isNaN(v)));
    }
    String title =
        kind.label
            + ", depth "
            + depth
            + (criterion.isEmpty() ? "" : ", " + criterion)
            + ", "
            + regime;
    String source = kind == Kind.TRAINED ? RunFolder.CAPACITY : RunFolder.CERTIFY;
    return new ScalingSeries(
        kind, title, depth, criterion, regime, source, what, expected, toArrays(s));
  }

  private static SortedMap<Double, double[]> toArrays(SortedMap<Double, List<Double>> m) {
    SortedMap<Double, double[]> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  private static void add(
      Map<Kind, SortedMap<Double, List<Double>>> by, Kind kind, int n, double v) {
    by.computeIfAbsent(kind, x -> new TreeMap<>())
        .computeIfAbsent((double) n, x -> new ArrayList<>())
        .add(v);
  }

  private static boolean missingInt(Table t, String col, int i) {
    return t.intColumn(col).isMissing(i);
  }

  private static long seed(Table t, int i) {
    return t.longColumn(Columns.SEED).isMissing(i)
        ? Long.MIN_VALUE
        : t.longColumn(Columns.SEED).getLong(i);
  }

  private static double minIgnoringNaN(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double maxIgnoringNaN(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }
}
