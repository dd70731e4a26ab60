package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bench tests' tolerances, in one place. */
final class Tolerances {
  private Tolerances() {}

  /**
   * Relative agreement of two evaluations of the same sums in different orders (BLAS blocking
   * against plain loops): a few ulps per term over short sums.
   */
  static final double SAME_SUMS = 1e-12;

  /**
   * The first n entries of {@code actual} are finite and agree with {@code expected}'s within
   * {@link #SAME_SUMS}, relative to 1 + |expected|.
   */
  static void assertSameSums(double[] actual, double[] expected, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(Double.isFinite(actual[i])).as("entry %d = %s", i, actual[i]).isTrue();
      assertThat(actual[i])
          .as("entry %d", i)
          .isCloseTo(expected[i], within(SAME_SUMS * (1 + Math.abs(expected[i]))));
    }
  }
}
