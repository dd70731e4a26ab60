package org.ftcbench.analysis;

/**
 * A power law y = a·N^b fitted on log-log axes (log10 y = log10 a + b log10 N) to one series.
 *
 * <p>The fit uses one point per N: the geometric mean of that N's raw samples ({@link
 * SampleSpread#centre}, the one summary over seeds; seeds, or JMH forks × iterations), so
 * replicates do not inflate the number of points. The analytic interval of b is Student-t with n −
 * 2 degrees of freedom (commons-math3 {@code SimpleRegression}); the bootstrap interval resamples
 * the raw samples within each N, refits, and takes percentiles.
 *
 * @param points distinct N in the fit (each with at least one positive sample)
 * @param samples raw samples behind them
 * @param nonPositive samples (or N values) ≤ 0 that a log axis cannot hold, left out and counted
 * @param missing samples that were missing (NaN, e.g. no width in the grid passed), left out
 * @param a the prefactor
 * @param b the slope
 * @param bLow lower end of b's analytic interval (NaN below 3 points)
 * @param bHigh upper end of b's analytic interval
 * @param bootLow lower end of b's bootstrap interval (NaN when no N has two samples)
 * @param bootHigh upper end of b's bootstrap interval
 * @param r2 coefficient of determination on log-log axes
 * @param n the N of each point, ascending
 * @param y the geometric-mean y of each point
 * @param residuals log10 y − (log10 a + b log10 N) of each point
 * @param upper the same fit on the upper decade alone (N ≥ N_max / factor), or null below 2 points
 *     there
 */
public record PowerLawFit(
    int points,
    int samples,
    int nonPositive,
    int missing,
    double a,
    double b,
    double bLow,
    double bHigh,
    double bootLow,
    double bootHigh,
    double r2,
    double[] n,
    double[] y,
    double[] residuals,
    PowerLawFit upper) {

  /** The fitted value a·N^b. */
  public double predict(double atN) {
    return a * Math.pow(atN, b);
  }

  /** The smallest N in the fit. */
  public double nMin() {
    return n.length == 0 ? Double.NaN : n[0];
  }

  /** The largest N in the fit. */
  public double nMax() {
    return n.length == 0 ? Double.NaN : n[n.length - 1];
  }

  /** Whether there was anything to fit (at least 2 distinct N). */
  public boolean isFitted() {
    return points >= 2 && Double.isFinite(b);
  }

  /** The verdict on the analytic interval. */
  public Verdict verdict() {
    return Verdict.of(b, bLow, bHigh);
  }
}
