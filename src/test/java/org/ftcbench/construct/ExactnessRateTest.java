package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ftcbench.data.FineTuningTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How often each construction is exact within {@link Tolerance} on small random tasks (K ≤ 150, all
 * placements and target kinds of {@link RandomTasks}), over a fixed set of 400 seeded tasks.
 *
 * <p>Every construction is checked exactly and must be exact on all of them, Appendix A included
 * (with double weights and a float64 check it had missed on about 5% of them).
 */
class ExactnessRateTest {

  @ParameterizedTest
  @EnumSource(Construction.class)
  void exactOnAlmostEveryRandomSmallTaskAndNeverSilentlyWrong(Construction c) {
    Random rng = new Random(20261126);
    int exact = 0;
    int total = 400;
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      int k = 1 + rng.nextInt(150);
      int n = Math.round(k * rng.nextInt(101) / 100f);
      int d = 1 + rng.nextInt(6);
      long seed = rng.nextInt(1_000_000);
      RandomTasks.Placement p =
          RandomTasks.Placement.values()[rng.nextInt(RandomTasks.Placement.values().length)];
      RandomTasks.Targets t =
          RandomTasks.Targets.values()[rng.nextInt(RandomTasks.Targets.values().length)];
      FineTuningTask task = RandomTasks.task(k, n, d, seed, p, t);
      CertifiedAdapter r = Certifier.certify(task, c, seed, ClipSettings.defaults());
      double residual = r.verification().maxAbsResidual();
      boolean within = residual <= r.verification().tolerance();
      assertThat(r.verification().passed()).as("reported verdict").isEqualTo(within);
      assertThat((long) r.neurons()).isLessThanOrEqualTo(c.upperBound(task.n(), task.k()));
      if (within) {
        exact++;
      } else {
        misses.add(String.format("K=%d N=%d d=%d %s/%s: %.2g", k, n, d, p, t, residual));
      }
    }
    System.out.printf(
        "%s: exact on %d of %d random tasks; misses %s%n", c.label(), exact, total, misses);
    assertThat(exact)
        .as("%s exact on %d of %d: %s", c.label(), exact, total, misses)
        .isEqualTo(total);
  }
}
