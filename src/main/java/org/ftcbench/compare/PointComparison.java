package org.ftcbench.compare;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * One point measured in both runs: ratio B/A with its bootstrap interval, the two-sided
 * Mann–Whitney U test on the raw samples (no normality assumed; commons-math3 uses the normal
 * approximation with a tie correction), and the resulting {@link Label}.
 *
 * @param slowdown how much slower B is than A, as a fraction (0.10 = 10% slower; negative =
 *     faster): B/A − 1 for times, A/B − 1 for throughputs
 */
public record PointComparison(
    BenchmarkPoint point,
    String unit,
    int samplesA,
    int samplesB,
    double meanA,
    double meanB,
    Ratio ratio,
    double pValue,
    Label label,
    double slowdown) {

  public static PointComparison of(
      BenchmarkPoint point, String unit, double[] a, double[] b, double noiseFloor, long seed) {
    Ratio r = Ratio.of(a, b, seed);
    double p = pValue(a, b);
    Label label = Label.of(r, p, noiseFloor, point.higherIsBetter());
    double slowdown = point.higherIsBetter() ? 1 / r.ratio() - 1 : r.ratio() - 1;
    return new PointComparison(
        point, unit, a.length, b.length, Ratio.mean(a), Ratio.mean(b), r, p, label, slowdown);
  }

  /** Two-sided U-test p-value; 1 when every sample is equal (no evidence of a difference). */
  static double pValue(double[] a, double[] b) {
    boolean allEqual = true;
    for (double v : a) {
      allEqual &= v == a[0];
    }
    for (double v : b) {
      allEqual &= v == a[0];
    }
    if (allEqual) {
      return 1.0;
    }
    return new MannWhitneyUTest().mannWhitneyUTest(a, b);
  }
}
