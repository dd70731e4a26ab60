package org.ftcbench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.PowerLawFit;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.analysis.SeriesFit;

/**
 * One scaling series fitted in both runs: the slope b of y = a·N^b (certified neurons, trained
 * minimum width, parameters, kernel time per op) in A and in B, each with its 95% t interval from
 * {@link Analysis}. The theorem bounds are left out: they are formulas of N and K, the same in
 * every run.
 *
 * @param kind what the series measures
 * @param title the series, e.g. "trained minimum width, depth 3, relative:0.1, K = 2N"
 * @param depth the adapter's depth (0: not applicable)
 * @param expected the slope theory expects, as text, or "—"
 * @param a the fit in run A, or null when A has no such series
 * @param b the fit in run B, or null when B has no such series
 */
public record SlopeComparison(
    Kind kind, String title, int depth, String expected, PowerLawFit a, PowerLawFit b) {

  /** Every fitted series of either run, A's order first, series only in B after. */
  public static List<SlopeComparison> of(Analysis runA, Analysis runB) {
    Map<String, SeriesFit[]> byKey = new LinkedHashMap<>();
    collect(runA, 0, byKey);
    collect(runB, 1, byKey);
    List<SlopeComparison> out = new ArrayList<>();
    for (SeriesFit[] pair : byKey.values()) {
      SeriesFit any = pair[0] != null ? pair[0] : pair[1];
      out.add(
          new SlopeComparison(
              any.series().kind(),
              any.series().title(),
              any.series().depth(),
              any.series().expected(),
              pair[0] == null ? null : pair[0].fit(),
              pair[1] == null ? null : pair[1].fit()));
    }
    return out;
  }

  private static void collect(Analysis run, int side, Map<String, SeriesFit[]> byKey) {
    for (SeriesFit f : run.fits()) {
      Kind k = f.series().kind();
      if (k == Kind.UPPER_BOUND || k == Kind.LOWER_BOUND) {
        continue;
      }
      byKey.computeIfAbsent(k + "\u0000" + f.series().title(), x -> new SeriesFit[2])[side] = f;
    }
  }

  /** Whether both runs have a fitted slope here. */
  public boolean inBoth() {
    return fitted(a) && fitted(b);
  }

  /**
   * Whether the two 95% t intervals do not overlap: a conservative sign that the growth law itself
   * differs between the runs, not just the constant in front of it.
   */
  public boolean disjoint() {
    return inBoth()
        && Double.isFinite(a.bLow())
        && Double.isFinite(b.bLow())
        && (a.bHigh() < b.bLow() || b.bHigh() < a.bLow());
  }

  /** b in B minus b in A, NaN unless both are fitted. */
  public double difference() {
    return inBoth() ? b.b() - a.b() : Double.NaN;
  }

  static boolean fitted(PowerLawFit f) {
    return f != null && f.isFitted();
  }
}
