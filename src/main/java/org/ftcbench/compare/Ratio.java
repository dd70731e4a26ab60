package org.ftcbench.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ratio B/A of two runs' mean scores, with a percentile bootstrap interval: resample each run's
 * raw samples with replacement (independently, as the runs are), recompute the ratio of means, and
 * take the 2.5th and 97.5th percentiles of {@link #RESAMPLES} replicates. Seeded, so the same
 * samples always give the same interval.
 *
 * @param ratio mean(B) / mean(A)
 * @param low lower end of the 95% interval
 * @param high upper end of the 95% interval
 */
public record Ratio(double ratio, double low, double high) {
  /** Enough replicates that the 2.5% tails hold 50 values each. */
  public static final int RESAMPLES = 2000;

  public static Ratio of(double[] a, double[] b, long seed) {
    double point = mean(b) / mean(a);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] replicates = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      replicates[r] = resampledMean(b, rng) / resampledMean(a, rng);
    }
    Arrays.sort(replicates);
    return new Ratio(
        point, replicates[(int) (0.025 * RESAMPLES)], replicates[(int) (0.975 * RESAMPLES) - 1]);
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double resampledMean(double[] x, SplittableRandom rng) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[rng.nextInt(x.length)];
    }
    return s / x.length;
  }
}
