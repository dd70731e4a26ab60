package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.ftcbench.data.FineTuningTask;

/**
 * Every construction interpolates exactly (within {@link Tolerance}) on hundreds of random tasks
 * with all the edge cases, and stays within its theorem's neuron bound.
 *
 * <p>The generator's seed is fixed, so CI runs the same cases every time. With random seeds and
 * double-precision weights the search had found cases that miss the tolerance (U1 on K = 95, N = 9,
 * d = 3 with all changed targets equal: 5.2e-9 against 2.9e-9, weights ~10⁷); with double-double
 * layer-2 weights and exact verification they are exact, and {@link
 * #u1IsExactOnTheTaskWhereDoubleWeightsMissed} pins that case. Appendix A (not in Theorem 5.1) is
 * checked exactly too, but is only for comparison: for it the verdict must be truthful.
 */
class ConstructionPropertyTest {

  private static FineTuningTask task(
      int k, int nPercent, int d, long seed, RandomTasks.Placement p, RandomTasks.Targets t) {
    int n = Math.round(k * nPercent / 100f);
    return RandomTasks.task(k, n, d, seed, p, t);
  }

  /**
   * Every construction of Theorems 4.1 and 5.1 must be exact, by an exact check, on every case;
   * Appendix A's verdict must be truthful; every neuron count within its bound.
   */
  private static CertifiedAdapter check(FineTuningTask task, Construction c, long seed) {
    CertifiedAdapter r = Certifier.certify(task, c, seed, ClipSettings.defaults());
    double residual = r.verification().maxAbsResidual();
    assertThat(r.verification().passed())
        .as("reported verdict of %s", c.label())
        .isEqualTo(residual <= r.verification().tolerance());
    if (c != Construction.APPENDIX_A) {
      assertThat(r.verification().exact()).as("%s checked exactly", c.label()).isTrue();
      assertThat(residual)
          .as("%s on K=%d N=%d d=%d", c.label(), task.k(), task.n(), task.d())
          .isLessThanOrEqualTo(r.verification().tolerance());
    }
    assertThat((long) r.neurons()).isLessThanOrEqualTo(c.upperBound(task.n(), task.k()));
    if (task.z().normmax() == 0) {
      assertThat(r.neurons()).isZero();
    }
    return r;
  }

  /**
   * Every construction on random tasks (2100 tries: 709 interpolant, 329 U1, 318 U2, 325 U3 and 419
   * Appendix A with this seed, more than each had in a property of its own, 400 and 300; the counts
   * are in the test's statistics): the interpolant with exactly Eq. 12's count, U1 within 4⌈√K⌉, U2
   * within 2⌈√K⌉ + 3N, U3 within 6⌈√(3N + 2)⌉ and Appendix A within 4N + 4.
   */
  @Property(tries = 2100, seed = "20261126")
  void everyConstructionIsExactWithinItsBound(
      @ForAll("constructions") Construction construction,
      @ForAll @IntRange(min = 1, max = 150) int k,
      @ForAll @IntRange(min = 0, max = 100) int nPercent,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll RandomTasks.Placement placement,
      @ForAll RandomTasks.Targets targets) {
    Statistics.collect(construction);
    FineTuningTask task = task(k, nPercent, d, seed, placement, targets);
    CertifiedAdapter r = check(task, construction, seed);
    if (construction == Construction.TWO_LAYER_INTERPOLANT && task.z().normmax() != 0) {
      // Eq. 12: exactly K − 1 − Σ max{|P| − 2, 0} for this projection
      Projection p = Projection.of(task.x(), task.z(), task.changed(), seed);
      assertThat((long) r.neurons()).isEqualTo(Bounds.dataDependent(p.changed()));
    }
  }

  /**
   * Every construction is an edge case, so that each meets the tasks' edge cases (by default only
   * the first and the last would be, and U1–U3 would get far fewer tries).
   */
  @Provide
  Arbitrary<Construction> constructions() {
    return Arbitraries.of(Construction.class).edgeCases(edge -> edge.add(Construction.values()));
  }

  /** The case random search found with double weights (see the class comment): now exact. */
  @net.jqwik.api.Example
  void u1IsExactOnTheTaskWhereDoubleWeightsMissed() {
    FineTuningTask task =
        task(95, 9, 3, 54, RandomTasks.Placement.RANDOM, RandomTasks.Targets.ALL_EQUAL);
    CertifiedAdapter r = Certifier.certify(task, Construction.U1_YUN, 54, ClipSettings.defaults());
    assertThat(r.verification().exact()).isTrue();
    assertThat(r.verification().maxAbsResidual()).isLessThan(1e-12);
    assertThat(r.verification().passed()).isTrue();
  }
}
