package org.ftcbench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fork-level interval against a simulated two-level process with known components: run X's
 * iteration j of fork i is μ_X (1 + α_i + ε_ij), α_i ~ N(0, σ_b²), ε_ij ~ N(0, σ_w²), so the true
 * B/A is μ_B/μ_A exactly. Over many simulated comparisons a 95% interval must contain it about 95%
 * of the time.
 */
class HierarchicalBootstrapTest {
  private static final double TRUE_RATIO = 1.5;

  /** A run of a forks × b iterations around mean mu. */
  private static double[][] run(
      SplittableRandom rng, double mu, int a, int b, double sigmaB, double sigmaW) {
    double[][] y = new double[a][b];
    for (int i = 0; i < a; i++) {
      double alpha = sigmaB * gaussian(rng);
      for (int j = 0; j < b; j++) {
        y[i][j] = mu * (1 + alpha + sigmaW * gaussian(rng));
      }
    }
    return y;
  }

  private static double gaussian(SplittableRandom rng) {
    // Box–Muller: SplittableRandom has no nextGaussian in Java 17
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble()))
        * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** The share of comparisons whose interval contains the true ratio. */
  private static double coverage(int comparisons, int a, int b, double sigmaB, double sigmaW) {
    SplittableRandom rng = new SplittableRandom(2024);
    int hits = 0;
    for (int k = 0; k < comparisons; k++) {
      Ratio r =
          HierarchicalBootstrap.of(
              run(rng, 10, a, b, sigmaB, sigmaW),
              run(rng, 10 * TRUE_RATIO, a, b, sigmaB, sigmaW),
              k);
      if (r.low() <= TRUE_RATIO && TRUE_RATIO <= r.high()) {
        hits++;
      }
    }
    return (double) hits / comparisons;
  }

  @Test
  void coverageIsNominalWhenForksVaryMoreThanIterations() {
    // quick-like: 5 forks × 3 iterations; fork-to-fork 5%, iteration 2% (JVM benchmarks)
    assertThat(coverage(500, 5, 3, 0.05, 0.02)).isBetween(0.93, 0.97);
  }

  @Test
  void coverageIsNominalWhenIterationsAreTheNoise() {
    // no fork effect at all: the iteration noise must not be counted twice (plain two-stage
    // resampling covers 98% here)
    assertThat(coverage(500, 5, 3, 0.0, 0.05)).isBetween(0.93, 0.97);
  }

  @Test
  void coverageWithTwoForksIsConservative() {
    // two forks: Welch's ν is 1 to 2, and the interval errs wide (98.6% here; a plain percentile
    // interval of the two-stage bootstrap covers 70%)
    assertThat(coverage(500, 2, 3, 0.05, 0.02)).isBetween(0.93, 0.99);
  }

  /**
   * What compare did before: every iteration an independent sample, a percentile bootstrap of the
   * pooled samples. With forks varying more than iterations, its interval misses the true ratio far
   * more often than 5% of the time: the reason for the fork-level interval.
   */
  @Test
  void poolingIterationsUndercoversWhenForksVary() {
    SplittableRandom rng = new SplittableRandom(2024);
    int hits = 0;
    int comparisons = 300;
    for (int k = 0; k < comparisons; k++) {
      double[] a = pooled(run(rng, 10, 5, 3, 0.05, 0.02));
      double[] b = pooled(run(rng, 10 * TRUE_RATIO, 5, 3, 0.05, 0.02));
      double[] reps = new double[2000];
      for (int r = 0; r < reps.length; r++) {
        reps[r] = resampledMean(b, rng) / resampledMean(a, rng);
      }
      Arrays.sort(reps);
      if (reps[50] <= TRUE_RATIO && TRUE_RATIO <= reps[1949]) {
        hits++;
      }
    }
    assertThat((double) hits / comparisons).isLessThan(0.80);
  }

  private static double[] pooled(double[][] y) {
    return Arrays.stream(y).flatMapToDouble(Arrays::stream).toArray();
  }

  private static double resampledMean(double[] x, SplittableRandom rng) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[rng.nextInt(x.length)];
    }
    return s / x.length;
  }

  @Test
  void theBootstrapVarianceIsTheUnbiasedVarianceOfTheMeans() {
    // Var*(ln μ*_B/μ*_A) ≈ s_B,A²/(a μ_A²) + s_B,B²/(a μ_B²): each level counted once
    SplittableRandom rng = new SplittableRandom(7);
    for (double[] sigmas : new double[][] {{0.05, 0.02}, {0.0, 0.05}, {0.03, 0.03}}) {
      double[][] a = run(rng, 10, 6, 4, sigmas[0], sigmas[1]);
      double[][] b = run(rng, 20, 6, 4, sigmas[0], sigmas[1]);
      VarianceComponents va = VarianceComponents.of(a);
      VarianceComponents vb = VarianceComponents.of(b);
      double expected =
          Math.sqrt(
              va.varianceOfMean() / (va.mean() * va.mean())
                  + vb.varianceOfMean() / (vb.mean() * vb.mean()));
      Ratio r = HierarchicalBootstrap.of(a, b, 3);
      assertThat(r.logStandardError()).isCloseTo(expected, within(0.08 * expected));
    }
  }

  @Test
  void seededAndWithoutIntervalForASingleFork() {
    SplittableRandom rng = new SplittableRandom(1);
    double[][] a = run(rng, 10, 4, 3, 0.05, 0.02);
    double[][] b = run(rng, 12, 4, 3, 0.05, 0.02);
    assertThat(HierarchicalBootstrap.of(a, b, 5)).isEqualTo(HierarchicalBootstrap.of(a, b, 5));
    Ratio one = HierarchicalBootstrap.of(new double[][] {{1, 1.1, 0.9}}, b, 5);
    assertThat(one.hasInterval()).isFalse();
    assertThat(one.pValue()).isNaN();
    assertThat(one.ratio()).isCloseTo(VarianceComponents.of(b).mean(), within(1e-12));
  }

  @Test
  void identicalRunsGiveRatioOneAndNoEvidence() {
    double[][] a = {{10, 10.2, 9.9}, {10.5, 10.4, 10.6}, {9.8, 9.7, 9.9}};
    Ratio r = HierarchicalBootstrap.of(a, a, 1);
    assertThat(r.ratio()).isEqualTo(1.0);
    assertThat(r.low()).isLessThan(1);
    assertThat(r.high()).isGreaterThan(1);
    assertThat(r.pValue()).isGreaterThan(0.5);
  }

  @Test
  void varianceComponentsOfAKnownTable() {
    // fork means 2 and 4 (μ̂ = 3), within-fork deviations ±1: s_W² = 1 (pooled over 2 × (3−1)
    // df: (1+0+1+1+0+1)/4), s_B² = 2, σ̂_b² = 2 − 1/3
    double[][] y = {{1, 2, 3}, {3, 4, 5}};
    VarianceComponents v = VarianceComponents.of(y);
    assertThat(v.mean()).isEqualTo(3.0);
    assertThat(v.withinVariance()).isCloseTo(1.0, within(1e-12));
    assertThat(v.forkMeanVariance()).isCloseTo(2.0, within(1e-12));
    assertThat(v.betweenVariance()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(v.varianceOfMean()).isCloseTo(1.0, within(1e-12));
  }
}
