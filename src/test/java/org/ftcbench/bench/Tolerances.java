package org.ftcbench.bench;

/** The bench tests' tolerances, in one place. */
final class Tolerances {
  private Tolerances() {}

  /**
   * Relative agreement of two evaluations of the same sums in different orders (BLAS blocking
   * against plain loops): a few ulps per term over short sums.
   */
  static final double SAME_SUMS = 1e-12;
}
