package org.ftcbench.compare;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * B/A of two runs' scores with an interval and a test at the level where the variance lives: JVM
 * forks, then iterations within them (Kalibera and Jones, ISMM 2013). Iterations of one fork share
 * its JIT decisions and memory layout, so pooling them as independent samples (what compare did
 * before) leaves the between-fork variance, most of it on a drifting machine, out of the interval.
 *
 * <p>For each run, a replicate of its mean μ̂ draws a forks with replacement and, within each drawn
 * fork i, b_i of its iterations with replacement (the two-stage bootstrap, Davison and Hinkley,
 * "Bootstrap Methods and their Application", 1997, §3.8). Drawn plainly, that counts the iteration
 * noise twice (it is already in the spread of the fork means) and shrinks the fork spread by
 * (a−1)/a. So, with the components of {@link VarianceComponents}, the replicate is
 *
 * <pre>
 *   μ* = (1/a) Σ_k [ μ̂ + c (ȳ_{i_k} − μ̂) + d_{i_k} ē*_{i_k} ],
 *   c² = a/(a−1) · σ̂_b²/s_B²,   d_i² = b_i/(b_i−1) · (s_B² − σ̂_b²)·b/s_W²,
 * </pre>
 *
 * where ē*_i is the mean of b_i residuals y_ij − ȳ_i drawn from fork i: each level contributes its
 * own component once, and Var*(μ*) = s_B²/a, the unbiased variance of μ̂.
 *
 * <p>The standard error SE of ln(B/A) is the standard deviation of {@link #RESAMPLES} replicates
 * ln(μ*_B/μ*_A). With a handful of forks SE itself is uncertain, so the interval and the test use a
 * Student-t with Welch–Satterthwaite degrees of freedom on the fork means, ν = (v_A + v_B)² /
 * (v_A²/(a_A−1) + v_B²/(a_B−1)), v = s_B²/(a μ̂²): the 95% interval is exp(ln(B/A) ± t_ν SE) and p
 * = 2 P(T_ν > |ln(B/A)|/SE). Measured coverage of the 95% interval on simulated two-level data (see
 * the tests and docs/comparing.md): 94–97% from 2 to 10 forks, whichever component dominates. A run
 * with one fork has no fork-level variance: then there is no interval and no test.
 *
 * <p>Seeded: the same raw data and seed give the same interval.
 */
public final class HierarchicalBootstrap {
  /** Replicates per comparison: the standard error to about 1.6% (1/√(2·2000)). */
  public static final int RESAMPLES = 2000;

  /** The interval's confidence. */
  public static final double CONFIDENCE = 0.95;

  private HierarchicalBootstrap() {}

  /** B/A from raw data [fork][iteration] of A and of B. */
  public static Ratio of(double[][] a, double[][] b, long seed) {
    VarianceComponents va = VarianceComponents.of(a);
    VarianceComponents vb = VarianceComponents.of(b);
    double ratio = vb.mean() / va.mean();
    if (!va.hasForkVariance() || !vb.hasForkVariance()) {
      return Ratio.withoutInterval(ratio);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Side sa = new Side(a, va);
    Side sb = new Side(b, vb);
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < RESAMPLES; r++) {
      double x = Math.log(sb.replicate(rng) / sa.replicate(rng));
      sum += x;
      sumSq += x * x;
    }
    double meanRep = sum / RESAMPLES;
    double se = Math.sqrt(Math.max(0, (sumSq - RESAMPLES * meanRep * meanRep) / (RESAMPLES - 1)));
    double nu = welchDegreesOfFreedom(va, vb);
    TDistribution t = new TDistribution(nu);
    double q = t.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double log = Math.log(ratio);
    double p;
    if (se == 0) {
      p = log == 0 ? 1 : 0;
    } else {
      p = 2 * t.cumulativeProbability(-Math.abs(log) / se);
    }
    return new Ratio(ratio, Math.exp(log - q * se), Math.exp(log + q * se), p, se, nu);
  }

  /**
   * ν of Welch–Satterthwaite for ln μ̂_B − ln μ̂_A, with v = s_B²/(a μ̂²) the relative variance of
   * each mean; a + a − 2 when neither mean varies (every fork alike).
   */
  static double welchDegreesOfFreedom(VarianceComponents a, VarianceComponents b) {
    double va = a.varianceOfMean() / (a.mean() * a.mean());
    double vb = b.varianceOfMean() / (b.mean() * b.mean());
    if (va + vb == 0) {
      return a.forks() + b.forks() - 2;
    }
    return (va + vb) * (va + vb) / (va * va / (a.forks() - 1) + vb * vb / (b.forks() - 1));
  }

  /** One run's data, its fork effects and residuals scaled once for all replicates. */
  private static final class Side {
    private final double mean;
    private final double[] forkEffects; // c (ȳ_i − μ̂)
    private final double[][] residuals; // d_i (y_ij − ȳ_i)

    Side(double[][] raw, VarianceComponents v) {
      int a = raw.length;
      mean = v.mean();
      double sB2 = v.forkMeanVariance();
      double c = sB2 > 0 ? Math.sqrt(a / (a - 1.0) * v.betweenVariance() / sB2) : 0;
      // the share of the fork-mean variance that iteration noise explains, in [0, 1]
      double share =
          v.withinVariance() > 0 ? v.withinPart() * v.iterations() / v.withinVariance() : 0;
      forkEffects = new double[a];
      residuals = new double[a][];
      for (int i = 0; i < a; i++) {
        double forkMean = v.forkMeans()[i];
        forkEffects[i] = c * (forkMean - mean);
        int n = raw[i].length;
        double d = n > 1 ? Math.sqrt(n / (n - 1.0) * share) : 0;
        residuals[i] = new double[n];
        for (int j = 0; j < n; j++) {
          residuals[i][j] = d * (raw[i][j] - forkMean);
        }
      }
    }

    /** μ*: a forks drawn with replacement, and within each its iterations with replacement. */
    double replicate(SplittableRandom rng) {
      int a = forkEffects.length;
      double sum = 0;
      for (int k = 0; k < a; k++) {
        int i = rng.nextInt(a);
        double[] res = residuals[i];
        double within = 0;
        for (int j = 0; j < res.length; j++) {
          within += res[rng.nextInt(res.length)];
        }
        sum += mean + forkEffects[i] + within / res.length;
      }
      return sum / a;
    }
  }
}
