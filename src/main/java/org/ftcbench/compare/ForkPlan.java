package org.ftcbench.compare;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How to spend a benchmark's time between JVM forks and iterations within them, from the measured
 * variance components (Kalibera and Jones, ISMM 2013, §4; Cochran, "Sampling Techniques", 1977,
 * §10.6, two-stage sampling). With f forks of r iterations, relative components b = σ_b²/μ²
 * (between forks) and w = σ_w²/μ² (within a fork), the mean's relative variance and the time are
 *
 * <pre>
 *   Var(μ̂)/μ² = b/f + w/(f r),       T = f (c_f + r c_i),
 * </pre>
 *
 * c_f a fork's fixed cost (JVM start, set-up, warm-up) and c_i one iteration's. At a fixed T the
 * variance is least at r* = √((c_f/c_i)·(w/b)): iterations are worth their cost only while the
 * iteration noise they average out is large against what a new fork brings.
 *
 * @param forkSeconds c_f
 * @param iterationSeconds c_i
 */
public record ForkPlan(double forkSeconds, double iterationSeconds) {
  /** r*, at least 1; infinite when forks do not vary beyond their iterations' noise. */
  public double optimalIterations(double between, double within) {
    if (between <= 0) {
      return within > 0 ? Double.POSITIVE_INFINITY : 1;
    }
    return Math.max(1, Math.sqrt(forkSeconds / iterationSeconds * within / between));
  }

  /** The time of f forks × r iterations. */
  public double seconds(double forks, double iterations) {
    return forks * (forkSeconds + iterations * iterationSeconds);
  }

  /** b/f + w/(f r). */
  public static double relativeVariance(
      double between, double within, double forks, double iterations) {
    return (between + within / iterations) / forks;
  }

  /**
   * One point of a profile.
   *
   * @param between b = σ_b²/μ²
   * @param within w = σ_w²/μ²
   * @param costs its c_f and c_i
   */
  public record Point(double between, double within, ForkPlan costs) {}

  /**
   * One forks × iterations for a whole profile (every point gets the same).
   *
   * @param forks forks per point
   * @param iterations iterations per fork
   * @param seconds the time all points take
   * @param width √(Σ_p t²·Var(μ̂_p)/μ_p²) with t the 97.5% Student-t quantile on 2(f − 1) degrees
   *     of freedom (two runs of f forks compared): how wide the fork-level intervals of an A/B
   *     comparison are, summed over the points
   */
  public record Choice(int forks, int iterations, double seconds, double width) {}

  /** The design f × r for these points: its time and interval width. */
  public static Choice evaluate(List<Point> points, int forks, int iterations) {
    double time = 0;
    double var = 0;
    for (Point p : points) {
      time += p.costs().seconds(forks, iterations);
      var += relativeVariance(p.between(), p.within(), forks, iterations);
    }
    double t =
        forks >= 2
            ? new TDistribution(2.0 * (forks - 1)).inverseCumulativeProbability(0.975)
            : Double.POSITIVE_INFINITY;
    return new Choice(forks, iterations, time, t * Math.sqrt(var));
  }

  /**
   * The design with the narrowest intervals that takes no longer than {@code seconds}: for each r
   * in 1…maxIterations the most forks (at least 2) that fit. The Student-t factor makes a third
   * fork worth much (t = 4.30 with two forks per run, 2.78 with three, 2.31 with five).
   */
  public static Choice choose(List<Point> points, double seconds, int maxIterations) {
    Choice best = null;
    for (int r = 1; r <= maxIterations; r++) {
      double perFork = evaluate(points, 1, r).seconds();
      int f = (int) Math.floor(seconds / perFork * (1 + 1e-9));
      if (f < 2) {
        continue;
      }
      Choice c = evaluate(points, f, r);
      if (best == null || c.width() < best.width()) {
        best = c;
      }
    }
    return best;
  }
}
