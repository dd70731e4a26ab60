package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

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

  /**
   * Every series of the run in the paper's setting ({@link RunData#paperSetting}), in report order.
   */
  public static List<ScalingSeries> all(RunData whole) {
    RunData run = whole.paperSetting();
    List<ScalingSeries> out = new ArrayList<>();
    run.certify().ifPresent(t -> out.addAll(certified(t)));
    run.capacity().ifPresent(t -> out.addAll(trained(t)));
    run.jmh().ifPresent(j -> out.addAll(kernels(j)));
    return out;
  }

  /** Certified neurons, bounds and parameters per depth and regime. */
  public static List<ScalingSeries> certified(Table t) {
    Table widths = CertifiedWidths.perSeed(t);
    List<ScalingSeries> out = new ArrayList<>();
    for (int depth : new TreeSet<>(widths.intColumn(Columns.DEPTH).asSet())) {
      Table d = widths.where(widths.intColumn(Columns.DEPTH).isEqualTo(depth));
      for (Regime regime : Regime.find(nk(d))) {
        Table r = inRegime(d, regime);
        String construction = "min over the depth-" + depth + " constructions";
        out.add(
            series(
                Kind.CERTIFIED,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): neurons, " + construction + "; one sample per seed",
                neuronsExpected(depth, regime),
                byN(r, Columns.NEURONS)));
        out.add(
            series(
                Kind.UPPER_BOUND,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): the smallest upper_bound of the rows",
                neuronsExpected(depth, regime),
                byN(r, Columns.UPPER_BOUND)));
        out.add(
            series(
                Kind.LOWER_BOUND,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): the largest lower_bound of the rows",
                neuronsExpected(depth, regime),
                byN(r, Columns.LOWER_BOUND)));
        out.add(
            series(
                Kind.PARAMS,
                depth,
                "",
                regime.label(),
                "per (N, K, seed): params of the construction with the fewest neurons",
                depth == 2 ? "1 (params ∝ m ∝ N)" : depth == 3 ? "1 (d1·d2 ∝ N)" : "—",
                byN(r, Columns.PARAMS)));
      }
    }
    out.removeIf(s -> s.samples().isEmpty());
    return out;
  }

  /** Trained minimum width per depth, criterion and regime. */
  public static List<ScalingSeries> trained(Table t) {
    Table rows =
        t.where(
            t.intColumn(Columns.DEPTH)
                .isNotMissing()
                .and(t.intColumn(Columns.N).isNotMissing())
                .and(t.intColumn(Columns.K).isNotMissing()));
    List<Table> groups =
        new ArrayList<>(rows.splitOn(Columns.DEPTH, Columns.CRITERION).asTableList());
    groups.sort(
        Comparator.comparingInt((Table g) -> g.intColumn(Columns.DEPTH).getInt(0))
            .thenComparing(g -> g.stringColumn(Columns.CRITERION).get(0)));
    List<ScalingSeries> out = new ArrayList<>();
    for (Table g : groups) {
      int depth = g.intColumn(Columns.DEPTH).getInt(0);
      String criterion = g.stringColumn(Columns.CRITERION).get(0);
      for (Regime regime : Regime.find(nk(g))) {
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
                byN(inRegime(g, regime), Columns.M_MIN)));
      }
    }
    return out;
  }

  /** The (N, K) of each row. */
  static List<int[]> nk(Table t) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(new int[] {t.intColumn(Columns.N).getInt(i), t.intColumn(Columns.K).getInt(i)});
    }
    return out;
  }

  /** The rows whose (N, K) lie in the regime. */
  static Table inRegime(Table t, Regime regime) {
    Selection in = new BitmapBackedSelection();
    for (int i = 0; i < t.rowCount(); i++) {
      if (regime.contains(t.intColumn(Columns.N).getInt(i), t.intColumn(Columns.K).getInt(i))) {
        in.add(i);
      }
    }
    return t.where(in);
  }

  /** N → the column's values, in row order. */
  static SortedMap<Double, double[]> samplesByN(Table t, String column) {
    return samplesBy(t, Columns.N, column);
  }

  /** The key column's values (N, or K) → the column's values, in row order. */
  static SortedMap<Double, double[]> samplesBy(Table t, String key, String column) {
    return toArrays(by(t, key, column));
  }

  private static SortedMap<Double, List<Double>> byN(Table t, String column) {
    return by(t, Columns.N, column);
  }

  private static SortedMap<Double, List<Double>> by(Table t, String key, String column) {
    SortedMap<Double, List<Double>> out = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.computeIfAbsent(t.numberColumn(key).getDouble(i), x -> new ArrayList<>())
          .add(t.numberColumn(column).getDouble(i));
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
}
