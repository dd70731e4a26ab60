package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ftcbench.data.FineTuningTask;

/**
 * Every construction interpolates exactly (within {@link Tolerance}) on hundreds of random tasks
 * with all the edge cases, and stays within its theorem's neuron bound.
 */
class ConstructionPropertyTest {

  private static FineTuningTask task(
      int k, int nPercent, int d, long seed, RandomTasks.Placement p, RandomTasks.Targets t) {
    int n = Math.round(k * nPercent / 100f);
    return RandomTasks.task(k, n, d, seed, p, t);
  }

  private static CertifiedAdapter check(FineTuningTask task, Construction c, long seed) {
    CertifiedAdapter r = Certifier.certify(task, c, seed, ClipSettings.defaults());
    assertThat(r.verification().maxAbsResidual())
        .as("%s on K=%d N=%d d=%d", c.label(), task.k(), task.n(), task.d())
        .isLessThanOrEqualTo(r.verification().tolerance());
    assertThat((long) r.neurons()).isLessThanOrEqualTo(c.upperBound(task.n(), task.k()));
    if (task.z().normmax() == 0) {
      assertThat(r.neurons()).isZero();
    }
    return r;
  }

  @Property(tries = 400)
  void twoLayerInterpolantIsExactWithEq12Neurons(
      @ForAll @IntRange(min = 1, max = 150) int k,
      @ForAll @IntRange(min = 0, max = 100) int nPercent,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll RandomTasks.Placement placement,
      @ForAll RandomTasks.Targets targets) {
    FineTuningTask task = task(k, nPercent, d, seed, placement, targets);
    CertifiedAdapter r = check(task, Construction.TWO_LAYER_INTERPOLANT, seed);
    if (task.z().normmax() != 0) {
      // Eq. 12: exactly K − 1 − Σ max{|P| − 2, 0} for this projection
      Projection p = Projection.of(task.x(), task.z(), task.changed(), seed);
      assertThat((long) r.neurons()).isEqualTo(Bounds.dataDependent(p.changed()));
    }
  }

  @Property(tries = 300)
  void u1IsExactWithin4CeilSqrtK(
      @ForAll @IntRange(min = 1, max = 150) int k,
      @ForAll @IntRange(min = 0, max = 100) int nPercent,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll RandomTasks.Placement placement,
      @ForAll RandomTasks.Targets targets) {
    check(task(k, nPercent, d, seed, placement, targets), Construction.U1_YUN, seed);
  }

  @Property(tries = 300)
  void u2IsExactWithin2CeilSqrtKPlus3N(
      @ForAll @IntRange(min = 1, max = 150) int k,
      @ForAll @IntRange(min = 0, max = 100) int nPercent,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll RandomTasks.Placement placement,
      @ForAll RandomTasks.Targets targets) {
    check(task(k, nPercent, d, seed, placement, targets), Construction.U2_BUMP, seed);
  }

  @Property(tries = 300)
  void appendixAIsExactWithin4NPlus4(
      @ForAll @IntRange(min = 1, max = 150) int k,
      @ForAll @IntRange(min = 0, max = 100) int nPercent,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll RandomTasks.Placement placement,
      @ForAll RandomTasks.Targets targets) {
    check(task(k, nPercent, d, seed, placement, targets), Construction.APPENDIX_A, seed);
  }

  @Property(tries = 300)
  void u3IsExactWithin6CeilSqrt3NPlus2(
      @ForAll @IntRange(min = 1, max = 150) int k,
      @ForAll @IntRange(min = 0, max = 100) int nPercent,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll RandomTasks.Placement placement,
      @ForAll RandomTasks.Targets targets) {
    check(task(k, nPercent, d, seed, placement, targets), Construction.U3_KEPT_SET, seed);
  }
}
