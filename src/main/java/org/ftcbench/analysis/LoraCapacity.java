package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;

/**
 * Everything the LoRA page shows, computed from capacity.csv's LoRA rows (adapter {@code lora:…},
 * {@link LoraSpec}; docs/lora.md): r* is the row's m_min, P* = Σ_{adapted l} r*(D_{l−1} + D_l) (+
 * biases) is computed here ({@link LoraSpec#parameters}), never stored.
 *
 * <p>A row with an empty m_min is a search that reached r = D without passing: it is censored at D
 * (r* > D is all it says), left out of the fits as missing and listed in {@link #censored} so the
 * page marks it at D, never as a number.
 *
 * @param ranks r* against N per variant, depth L, criterion and K regime, with power-law fits
 * @param parameters P* against N, the same series
 * @param additive the additive adapters' P* against N on the same tasks (N, K, d, seed, criterion)
 *     as the LoRA scaling series, per depth and criterion, with fits
 * @param kLines r* against K at fixed N (variant, depth, criterion, N), two or more K
 * @param depthLines r* against f's depth L at fixed (variant, criterion, N, K), two or more L
 * @param censored the censored samples, for marking
 */
public record LoraCapacity(
    List<SeriesFit> ranks,
    List<SeriesFit> parameters,
    List<SeriesFit> additive,
    List<Line> kLines,
    List<Line> depthLines,
    List<Censored> censored) {

  /** The additive adapter's trainable parameters at depth L, input dimension d, width m. */
  @FunctionalInterface
  public interface AdditiveParameters {
    long of(int depth, int d, int m);
  }

  /**
   * One line against another axis than N (K, or L).
   *
   * @param name what it holds fixed, e.g. "all/frozen, L = 3, paper, N = 100"
   * @param byX the axis value → r* samples (one per seed; NaN: censored)
   */
  public record Line(String name, SortedMap<Double, double[]> byX, SampleSpread spread) {
    Line(String name, SortedMap<Double, double[]> byX) {
      this(name, byX, SampleSpread.of(byX, true));
    }
  }

  /**
   * A search that reached r = D without passing.
   *
   * @param series the title of its rank series
   * @param n N
   * @param k K
   * @param width D, where it is drawn (r* > D)
   * @param parametersAtWidth P(D), where it is drawn on the parameter axis (P* > P(D))
   */
  public record Censored(String series, int n, int k, int width, long parametersAtWidth) {}

  public boolean isEmpty() {
    return ranks.isEmpty() && kLines.isEmpty() && depthLines.isEmpty();
  }

  /** The LoRA rows of the run's capacity.csv (none: an empty result). */
  public static LoraCapacity of(
      RunData run, FitSettings settings, AdditiveParameters additiveParameters) {
    Table t = run.capacity().orElse(null);
    if (t == null || !t.containsColumn(ResultFiles.ADAPTER)) {
      return new LoraCapacity(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
    Table rows =
        t.where(
            t.stringColumn(ResultFiles.ADAPTER)
                .startsWith(LoraSpec.PREFIX)
                .and(t.intColumn(Columns.N).isNotMissing())
                .and(t.intColumn(Columns.K).isNotMissing())
                .and(t.intColumn(Columns.DEPTH).isNotMissing()));
    List<SeriesFit> ranks = new ArrayList<>();
    List<SeriesFit> parameters = new ArrayList<>();
    List<Censored> censored = new ArrayList<>();
    Set<String> scalingTasks = new HashSet<>();
    for (Table g : groups(rows, ResultFiles.ADAPTER, Columns.DEPTH, Columns.CRITERION)) {
      LoraSpec spec = LoraSpec.parse(g.stringColumn(ResultFiles.ADAPTER).get(0));
      int depth = g.intColumn(Columns.DEPTH).getInt(0);
      String criterion = g.stringColumn(Columns.CRITERION).get(0);
      for (Regime regime : Regime.find(SeriesBuilder.nk(g))) {
        Table in = SeriesBuilder.inRegime(g, regime);
        SortedMap<Double, double[]> r = SeriesBuilder.samplesByN(in, Columns.M_MIN);
        if (r.size() < 2) {
          continue; // one N is a K-dependence or depth point, drawn there
        }
        String tail =
            ", " + spec.variant() + ", L = " + depth + ", " + criterion + ", " + regime.label();
        ScalingSeries rank =
            new ScalingSeries(
                Kind.LORA_RANK,
                Kind.LORA_RANK.label + tail,
                depth,
                criterion,
                regime.label(),
                RunFolder.CAPACITY,
                "per (N, K, seed): the smallest LoRA rank that trained to criterion "
                    + criterion
                    + " (missing: censored, no rank up to D = "
                    + spec.width()
                    + " passed)",
                "—",
                r);
        ranks.add(new SeriesFit(rank, PowerLaw.fit(r, settings)));
        SortedMap<Double, double[]> p = new TreeMap<>();
        int d = in.intColumn(Columns.D).getInt(0);
        r.forEach((n, v) -> p.put(n, map(v, x -> x == 0 ? 0 : spec.parameters(depth, d, (int) x))));
        ScalingSeries params =
            new ScalingSeries(
                Kind.LORA_PARAMS,
                Kind.LORA_PARAMS.label + tail,
                depth,
                criterion,
                regime.label(),
                RunFolder.CAPACITY,
                "P* = Σ over adapted layers r*(D_in + D_out)"
                    + (spec.trainBiases() ? " + D_out" : "")
                    + " at each sample's r*",
                "—",
                p);
        parameters.add(new SeriesFit(params, PowerLaw.fit(p, settings)));
        for (int i = 0; i < in.rowCount(); i++) {
          scalingTasks.add(task(in, i));
          if (Double.isNaN(in.numberColumn(Columns.M_MIN).getDouble(i))) {
            censored.add(
                new Censored(
                    rank.title(),
                    in.intColumn(Columns.N).getInt(i),
                    in.intColumn(Columns.K).getInt(i),
                    spec.width(),
                    spec.parameters(depth, in.intColumn(Columns.D).getInt(i), spec.width())));
          }
        }
      }
    }
    return new LoraCapacity(
        ranks,
        parameters,
        additive(run, scalingTasks, settings, additiveParameters),
        lines(rows, Columns.K, Columns.N, "N"),
        lines(rows, Columns.DEPTH, Columns.K, "K"),
        censored);
  }

  /** (N, K, d, seed, criterion) of row i: the same task and criterion in either adapter. */
  private static String task(Table t, int i) {
    return t.intColumn(Columns.N).getInt(i)
        + ","
        + t.intColumn(Columns.K).getInt(i)
        + ","
        + t.intColumn(Columns.D).getInt(i)
        + ","
        + t.numberColumn(Columns.SEED).getDouble(i)
        + ","
        + t.stringColumn(Columns.CRITERION).get(i);
  }

  /** The additive rows (paper setting) on the LoRA scaling tasks, as P* series per depth. */
  private static List<SeriesFit> additive(
      RunData run, Set<String> tasks, FitSettings settings, AdditiveParameters count) {
    Table t = run.paperSetting().capacity().orElse(null);
    if (t == null || tasks.isEmpty()) {
      return List.of();
    }
    List<Integer> same = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (!t.intColumn(Columns.N).isMissing(i)
          && !t.intColumn(Columns.K).isMissing(i)
          && tasks.contains(task(t, i))) {
        same.add(i);
      }
    }
    if (same.isEmpty()) {
      return List.of();
    }
    Table rows = t.rows(same.stream().mapToInt(Integer::intValue).toArray());
    List<SeriesFit> out = new ArrayList<>();
    for (Table g : groups(rows, Columns.DEPTH, Columns.CRITERION)) {
      int depth = g.intColumn(Columns.DEPTH).getInt(0);
      String criterion = g.stringColumn(Columns.CRITERION).get(0);
      for (Regime regime : Regime.find(SeriesBuilder.nk(g))) {
        Table in = SeriesBuilder.inRegime(g, regime);
        SortedMap<Double, double[]> p = new TreeMap<>();
        for (int i = 0; i < in.rowCount(); i++) {
          int d = in.intColumn(Columns.D).getInt(i);
          double m = in.numberColumn(Columns.M_MIN).getDouble(i); // NaN: no width passed
          double[] old = p.getOrDefault((double) in.intColumn(Columns.N).getInt(i), new double[0]);
          double[] v = java.util.Arrays.copyOf(old, old.length + 1);
          v[old.length] = Double.isNaN(m) ? Double.NaN : m == 0 ? 0 : count.of(depth, d, (int) m);
          p.put((double) in.intColumn(Columns.N).getInt(i), v);
        }
        ScalingSeries s =
            new ScalingSeries(
                Kind.ADDITIVE_PARAMS,
                Kind.ADDITIVE_PARAMS.label
                    + ", depth "
                    + depth
                    + ", "
                    + criterion
                    + ", "
                    + regime.label(),
                depth,
                criterion,
                regime.label(),
                RunFolder.CAPACITY,
                "the additive adapter's weights and biases at its m_min, on the LoRA sweep's tasks",
                "—",
                p);
        out.add(new SeriesFit(s, PowerLaw.fit(p, settings)));
      }
    }
    return out;
  }

  /**
   * r* against {@code axis} (K, or depth), one line per (adapter, criterion, the other columns
   * fixed) with two or more axis values.
   */
  private static List<Line> lines(Table rows, String axis, String fixed, String fixedName) {
    List<String> by = new ArrayList<>(List.of(ResultFiles.ADAPTER, Columns.CRITERION, fixed));
    if (!axis.equals(Columns.DEPTH)) {
      by.add(1, Columns.DEPTH);
    }
    List<Line> out = new ArrayList<>();
    for (Table g : groups(rows, by.toArray(String[]::new))) {
      if (axis.equals(Columns.DEPTH)) {
        // r* against L at fixed (N, K): one N per line
        for (Table h : groups(g, Columns.N)) {
          add(
              out,
              h,
              axis,
              name(h, false)
                  + ", N = "
                  + h.intColumn(Columns.N).getInt(0)
                  + ", K = "
                  + h.intColumn(Columns.K).getInt(0));
        }
      } else {
        add(out, g, axis, name(g, true) + ", " + fixedName + " = " + g.intColumn(fixed).getInt(0));
      }
    }
    return out;
  }

  private static void add(List<Line> out, Table g, String axis, String name) {
    SortedMap<Double, double[]> byX = SeriesBuilder.samplesBy(g, axis, Columns.M_MIN);
    if (byX.size() >= 2) {
      out.add(new Line(name, byX));
    }
  }

  private static String name(Table g, boolean withDepth) {
    return LoraSpec.parse(g.stringColumn(ResultFiles.ADAPTER).get(0)).variant()
        + (withDepth ? ", L = " + g.intColumn(Columns.DEPTH).getInt(0) : "")
        + ", "
        + g.stringColumn(Columns.CRITERION).get(0);
  }

  /**
   * Shorter first, then alphabetical: whole numbers in numeric order, specs and criteria stable.
   */
  private static final Comparator<String> VALUE_ORDER =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  /** The groups of {@code columns}' values, sorted by them in that order. */
  private static List<Table> groups(Table t, String... columns) {
    if (t.rowCount() == 0) {
      return List.of();
    }
    List<Table> out = new ArrayList<>(t.splitOn(columns).asTableList());
    Comparator<Table> order = null;
    for (String c : columns) {
      Comparator<Table> byC = Comparator.comparing(g -> g.column(c).getString(0), VALUE_ORDER);
      order = order == null ? byC : order.thenComparing(byC);
    }
    out.sort(order);
    return out;
  }

  private static double[] map(double[] v, java.util.function.DoubleUnaryOperator f) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.isNaN(v[i]) ? Double.NaN : f.applyAsDouble(v[i]);
    }
    return out;
  }
}
