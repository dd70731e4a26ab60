package org.ftcbench.analysis;

/**
 * Settings of the power-law fits, each with its reason.
 *
 * @param confidence coverage of both intervals of the slope b: 0.95, the usual level, so that
 *     "excludes 1" means what a reader expects
 * @param bootstrapReplicates resamples for the bootstrap interval: 2000 puts the Monte Carlo error
 *     of a 2.5% percentile near ±0.35 percentage points, small next to the interval itself, and
 *     costs milliseconds per series
 * @param seed seed of the bootstrap's generator: the same result files give the same report
 * @param upperDecadeFactor the upper-decade fit uses the points with N ≥ N_max / this factor: 10, a
 *     decade, where fixed costs (JNI calls, per-sample overheads, the +2 of 3N + 2) no longer
 *     flatten the curve
 */
public record FitSettings(
    double confidence, int bootstrapReplicates, long seed, double upperDecadeFactor) {
  public FitSettings {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence = " + confidence + ": choose 0 < c < 1");
    }
    if (bootstrapReplicates < 1) {
      throw new IllegalArgumentException("bootstrapReplicates = " + bootstrapReplicates);
    }
    if (!(upperDecadeFactor > 1)) {
      throw new IllegalArgumentException("upperDecadeFactor = " + upperDecadeFactor);
    }
  }

  public static FitSettings defaults() {
    return new FitSettings(0.95, 2000, 20240701L, 10);
  }
}
