package org.ftcbench.compare;

/**
 * What a comparison says about one point, from A's point of view ("B is … than A"), given B/A with
 * its fork-level test ({@link HierarchicalBootstrap}) and the point's noise floor ({@link
 * NoiseFloor}: at least what an A/A comparison on the machine shows):
 *
 * <ul>
 *   <li>{@code SAME}: B/A lies within the noise floor, 1/(1+f) ≤ B/A ≤ 1+f: no change this machine
 *       can tell from its own run-to-run noise, significant or not;
 *   <li>{@code FASTER} / {@code SLOWER}: B/A lies beyond the noise floor and the fork-level test is
 *       significant (p &lt; α; the 95% interval then excludes 1);
 *   <li>{@code INCONCLUSIVE}: beyond the noise floor but not significant (too few forks, or too
 *       noisy), or no test at all (a run with one fork).
 * </ul>
 *
 * The rule follows criterion.rs and asv: a change must be both statistically significant and larger
 * than the noise threshold to be reported.
 */
public enum Label {
  FASTER,
  SLOWER,
  SAME,
  INCONCLUSIVE;

  /** The significance level of the test. */
  public static final double ALPHA = 0.05;

  /**
   * Applies the rules above.
   *
   * @param r B/A with its interval and test
   * @param noiseFloor f, e.g. 0.05 for ±5%
   * @param higherIsBetter true for throughput scores, false for time per operation
   */
  public static Label of(Ratio r, double noiseFloor, boolean higherIsBetter) {
    // the floor's edge belongs to it, in either direction (1/1.05 as well as 1.05)
    if (Math.abs(Math.log(r.ratio())) <= Math.log1p(noiseFloor) * (1 + 1e-12)) {
      return SAME;
    }
    boolean excludesOne = r.low() > 1 || r.high() < 1;
    if (r.pValue() < ALPHA && excludesOne) {
      boolean bLarger = r.ratio() > 1;
      return bLarger == higherIsBetter ? FASTER : SLOWER;
    }
    return INCONCLUSIVE;
  }

  public String word() {
    return name().toLowerCase();
  }
}
