package org.ftcbench.compare;

/**
 * What a comparison says about one point, from A's point of view ("B is … than A").
 *
 * <ul>
 *   <li>{@code SAME}: the whole 95% interval of B/A lies within the noise floor, or the difference
 *       is not significant and the ratio itself is within the noise floor;
 *   <li>{@code FASTER} / {@code SLOWER}: the Mann–Whitney test is significant (p &lt; α) and the
 *       interval excludes 1;
 *   <li>{@code INCONCLUSIVE}: anything else, e.g. a large ratio on too few or too noisy samples.
 * </ul>
 */
public enum Label {
  FASTER,
  SLOWER,
  SAME,
  INCONCLUSIVE;

  /** The significance level of the U test. */
  public static final double ALPHA = 0.05;

  /**
   * Applies the rules above.
   *
   * @param r B/A with its interval
   * @param p two-sided p-value of the U test
   * @param noiseFloor e.g. 0.05 for ±5%
   * @param higherIsBetter true for throughput scores, false for time per operation
   */
  public static Label of(Ratio r, double p, double noiseFloor, boolean higherIsBetter) {
    double lo = 1 / (1 + noiseFloor);
    double hi = 1 + noiseFloor;
    if (r.low() >= lo && r.high() <= hi) {
      return SAME;
    }
    boolean excludesOne = r.low() > 1 || r.high() < 1;
    if (p < ALPHA && excludesOne) {
      boolean bLarger = r.ratio() > 1;
      return bLarger == higherIsBetter ? FASTER : SLOWER;
    }
    if (r.ratio() >= lo && r.ratio() <= hi) {
      return SAME;
    }
    return INCONCLUSIVE;
  }

  public String word() {
    return name().toLowerCase();
  }
}
