package org.ftcbench.compare;

/**
 * One point measured in both runs: B/A with its fork-level interval and test ({@link
 * HierarchicalBootstrap}), the noise floor applied to it, and the resulting {@link Label}.
 *
 * @param forksA forks of A
 * @param forksB forks of B
 * @param iterationsA measured iterations per fork of A (mean)
 * @param iterationsB the same for B
 * @param meanA μ̂_A, the mean of A's fork means
 * @param meanB μ̂_B
 * @param noiseFloor the floor applied: the default, or the calibrated one when larger
 * @param floorPairs how many A/A pairs the calibrated floor comes from; 0 when the default applied
 * @param slowdown how much slower B is than A, as a fraction (0.10 = 10% slower; negative =
 *     faster): B/A − 1 for times, A/B − 1 for throughputs
 */
public record PointComparison(
    BenchmarkPoint point,
    String unit,
    int forksA,
    int forksB,
    double iterationsA,
    double iterationsB,
    double meanA,
    double meanB,
    Ratio ratio,
    double noiseFloor,
    int floorPairs,
    Label label,
    double slowdown) {

  /**
   * @param a A's raw data [fork][iteration]
   * @param b B's raw data
   * @param floor the floor to apply and the A/A pairs it comes from (0: the default)
   * @param seed the bootstrap's seed
   */
  public static PointComparison of(
      BenchmarkPoint point,
      String unit,
      double[][] a,
      double[][] b,
      double floor,
      int floorPairs,
      long seed) {
    VarianceComponents va = VarianceComponents.of(a);
    VarianceComponents vb = VarianceComponents.of(b);
    Ratio r = HierarchicalBootstrap.of(a, b, seed);
    Label label = Label.of(r, floor, point.higherIsBetter());
    double slowdown = point.higherIsBetter() ? 1 / r.ratio() - 1 : r.ratio() - 1;
    return new PointComparison(
        point,
        unit,
        va.forks(),
        vb.forks(),
        va.iterations(),
        vb.iterations(),
        va.mean(),
        vb.mean(),
        r,
        floor,
        floorPairs,
        label,
        slowdown);
  }

  /** The fork-level test's two-sided p-value (NaN when a run has one fork). */
  public double pValue() {
    return ratio.pValue();
  }

  /**
   * The smallest change this comparison can label at this point: larger than the noise floor and
   * than the interval's half-width (below it the interval cannot exclude 1). A change of exactly
   * this size is labelled about half the time. NaN without an interval.
   */
  public double detectable() {
    return ratio.hasInterval() ? Math.max(noiseFloor, ratio.halfWidth()) : Double.NaN;
  }

  /** "5×3": forks × iterations per fork of one run. */
  static String design(int forks, double iterations) {
    return forks
        + "×"
        + (iterations == Math.rint(iterations)
            ? String.valueOf((long) iterations)
            : String.format(java.util.Locale.ROOT, "%.1f", iterations));
  }

  /** "5×3 / 5×3": both runs' forks × iterations. */
  public String designs() {
    return design(forksA, iterationsA) + " / " + design(forksB, iterationsB);
  }
}
