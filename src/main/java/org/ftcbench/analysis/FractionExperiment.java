package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;

/**
 * The pre-training-quality experiment (docs/experiments.md, profile keys sweep.fraction.*): at one
 * fixed K the changed fraction N/K runs up to 1, where fine-tuning is memorization of all K
 * samples. Its rows are found by that: a K of the paper's setting (Gaussian inputs, additive
 * adapters) at which some task has N = K.
 *
 * <p>At N = K, Theorem 4.1 gives K − 2 ≤ m* ≤ K − 1 for a 2-layer adapter (Remark 2: Yun et al.'s
 * and Zhang et al.'s memorization results), and Theorem 5.1 gives √(2(K − 2) + 1/4) − 1/2 ≤ m* ≤
 * 4√K for a 3-layer one (U1, Yun et al.'s memorizer): about K against about √K. In between the
 * theorems say Θ(N) and Θ(√N).
 *
 * @param k the fixed K
 * @param trained trained m_min against N/K, per depth and criterion (capacity.csv)
 * @param certified the certified width against N/K, per depth ({@link CertifiedWidths})
 * @param memorization the theorems' bounds at N = K, per depth
 * @param checks every construction's neurons at N = K beside its formula (certify.csv)
 * @param fits power laws of the widths against N, trained then certified, with the verdict rules
 */
public record FractionExperiment(
    int k,
    List<Curve> trained,
    List<Curve> certified,
    List<Memorization> memorization,
    List<FormulaCheck> checks,
    List<SeriesFit> fits) {

  /**
   * The theorems' bounds on m* at N = K.
   *
   * @param text the bounds and where they come from
   */
  public record Memorization(int depth, double low, double high, String text) {}

  /**
   * A construction at N = K: its neurons and its own formula (certify.csv's upper_bound).
   *
   * @param comparisonOnly Appendix A, never the certified width
   */
  public record FormulaCheck(
      int depth,
      String construction,
      long seed,
      double neurons,
      double formula,
      double lowerBound,
      boolean comparisonOnly) {
    /** Whether the built network has exactly the formula's neurons. */
    public boolean equalsFormula() {
      return neurons == formula;
    }
  }

  /** One experiment per K that has a task with N = K, ascending K (none: an empty list). */
  public static List<FractionExperiment> of(RunData whole, FitSettings settings) {
    RunData run = whole.paperSetting();
    TreeSet<Integer> ks = new TreeSet<>();
    run.capacity().ifPresent(t -> ks.addAll(memorizationKs(t)));
    run.certify().ifPresent(t -> ks.addAll(memorizationKs(t)));
    List<FractionExperiment> out = new ArrayList<>();
    for (int k : ks) {
      Table capacity = run.capacity().map(t -> atK(t, k)).orElse(null);
      Table certify = run.certify().map(t -> atK(t, k)).orElse(null);
      List<Curve.Sample> trained = new ArrayList<>();
      List<SeriesFit> fits = new ArrayList<>();
      if (capacity != null) {
        for (Table g :
            capacity
                .sortOn(Columns.DEPTH, Columns.CRITERION)
                .splitOn(Columns.DEPTH, Columns.CRITERION)
                .asTableList()) {
          int depth = g.intColumn(Columns.DEPTH).getInt(0);
          String name = "trained, depth " + depth + ", " + g.stringColumn(Columns.CRITERION).get(0);
          trained.addAll(byFraction(g, name, depth, k, Columns.M_MIN));
          fits.add(
              fit(
                  ScalingSeries.Kind.TRAINED,
                  name,
                  depth,
                  g.stringColumn(Columns.CRITERION).get(0),
                  k,
                  RunFolder.CAPACITY,
                  "m_min per seed",
                  SeriesBuilder.samplesByN(g, Columns.M_MIN),
                  settings));
        }
      }
      List<Curve.Sample> certified = new ArrayList<>();
      List<FormulaCheck> checks = new ArrayList<>();
      if (certify != null) {
        Table widths = CertifiedWidths.perSeed(certify);
        for (Table g : widths.sortOn(Columns.DEPTH).splitOn(Columns.DEPTH).asTableList()) {
          int depth = g.intColumn(Columns.DEPTH).getInt(0);
          String name = "certified, depth " + depth;
          certified.addAll(byFraction(g, name, depth, k, Columns.NEURONS));
          fits.add(
              fit(
                  ScalingSeries.Kind.CERTIFIED,
                  name,
                  depth,
                  "",
                  k,
                  RunFolder.CERTIFY,
                  "the fewest neurons over the depth's constructions",
                  SeriesBuilder.samplesByN(g, Columns.NEURONS),
                  settings));
        }
        checks = checks(certify, k);
      }
      out.add(
          new FractionExperiment(
              k,
              Curve.of(trained, RunFolder.CAPACITY, true),
              Curve.of(certified, RunFolder.CERTIFY, true),
              List.of(twoLayer(k), threeLayer(k)),
              checks,
              fits));
    }
    return out;
  }

  /** Each row's {@code column} against N/K, as samples of the curve {@code name}. */
  private static List<Curve.Sample> byFraction(
      Table g, String name, int depth, int k, String column) {
    List<Curve.Sample> out = new ArrayList<>();
    for (int i = 0; i < g.rowCount(); i++) {
      out.add(
          new Curve.Sample(
              name,
              depth,
              g.intColumn(Columns.N).getInt(i) / (double) k,
              g.numberColumn(column).getDouble(i)));
    }
    return out;
  }

  /** 2-layer, N = K: K − 2 ≤ m* ≤ K − 1 (Theorem 4.1; Remark 2). */
  static Memorization twoLayer(int k) {
    return new Memorization(2, k - 2, k - 1, "K − 2 ≤ m* ≤ K − 1 (Theorem 4.1 at N = K, Remark 2)");
  }

  /** 3-layer, N = K: √(2(K − 2) + 1/4) − 1/2 ≤ m* ≤ 4√K (Theorem 5.1 at N = K, U1). */
  static Memorization threeLayer(int k) {
    return new Memorization(
        3,
        Math.sqrt(2.0 * (k - 2) + 0.25) - 0.5,
        4 * Math.sqrt(k),
        "√(2(K − 2) + 1/4) − 1/2 ≤ m* ≤ 4√K (Theorem 5.1 at N = K; Yun et al. 2019)");
  }

  private static SeriesFit fit(
      ScalingSeries.Kind kind,
      String name,
      int depth,
      String criterion,
      int k,
      String source,
      String what,
      SortedMap<Double, double[]> byN,
      FitSettings settings) {
    String expected =
        depth == 2 ? "1 (Θ(N), Thm 4.1) until N nears K" : "0.5 (Θ(√N), Thm 5.1), capped at 4√K";
    ScalingSeries s =
        new ScalingSeries(
            kind,
            name + ", K = " + k,
            depth,
            criterion,
            "K = " + k,
            source,
            what,
            expected,
            new TreeMap<>(byN));
    return new SeriesFit(s, PowerLaw.fit(s.samples(), settings));
  }

  private static List<FormulaCheck> checks(Table certify, int k) {
    Table atN =
        certify
            .where(certify.intColumn(Columns.N).isEqualTo(k))
            .sortOn(Columns.DEPTH, Columns.CONSTRUCTION, Columns.SEED);
    List<FormulaCheck> out = new ArrayList<>();
    for (int i = 0; i < atN.rowCount(); i++) {
      String c = atN.stringColumn(Columns.CONSTRUCTION).get(i);
      out.add(
          new FormulaCheck(
              atN.intColumn(Columns.DEPTH).getInt(i),
              c,
              atN.longColumn(Columns.SEED).isMissing(i) ? 0 : atN.longColumn(Columns.SEED).get(i),
              atN.numberColumn(Columns.NEURONS).getDouble(i),
              atN.numberColumn(Columns.UPPER_BOUND).getDouble(i),
              atN.numberColumn(Columns.LOWER_BOUND).getDouble(i),
              c.equals(Columns.COMPARISON_ONLY)));
    }
    return out;
  }

  /** The K at which a row has N = K. */
  private static List<Integer> memorizationKs(Table t) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (!t.intColumn(Columns.N).isMissing(i)
          && t.intColumn(Columns.N).getInt(i) == t.intColumn(Columns.K).getInt(i)) {
        out.add(t.intColumn(Columns.K).getInt(i));
      }
    }
    return out;
  }

  private static Table atK(Table t, int k) {
    return t.where(
        t.intColumn(Columns.K)
            .isEqualTo(k)
            .and(t.intColumn(Columns.DEPTH).isNotMissing())
            .and(t.intColumn(Columns.N).isNotMissing()));
  }
}
