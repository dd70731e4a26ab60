package org.ftcbench.compare;

/**
 * B/A for one benchmark point, with its 95% interval and the two-sided test of B/A = 1, both at the
 * level of JVM forks ({@link HierarchicalBootstrap}).
 *
 * @param ratio μ̂_B / μ̂_A, the ratio of the means of fork means
 * @param low lower end of the 95% interval (NaN when a run has fewer than two forks)
 * @param high upper end of the 95% interval (NaN likewise)
 * @param pValue two-sided p-value of B/A = 1 (NaN likewise)
 * @param logStandardError the standard error of ln(B/A) (NaN likewise)
 * @param degreesOfFreedom ν of the Student-t the interval and test use (NaN likewise)
 */
public record Ratio(
    double ratio,
    double low,
    double high,
    double pValue,
    double logStandardError,
    double degreesOfFreedom) {

  /** A ratio without interval or test: a run has fewer than two forks. */
  static Ratio withoutInterval(double ratio) {
    return new Ratio(ratio, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Whether there is an interval (both runs have at least two forks). */
  public boolean hasInterval() {
    return !Double.isNaN(low);
  }

  /**
   * The interval's relative half-width, e^(t·SE) − 1: the smallest change whose interval can
   * exclude 1 (NaN without an interval).
   */
  public double halfWidth() {
    return hasInterval() ? Math.sqrt(high / low) - 1 : Double.NaN;
  }
}
