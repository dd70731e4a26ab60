package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerTwoSystemTest {

  @Test
  void theChainHitsEveryTargetAndEveryRequirement() {
    Random rng = new Random(3);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + rng.nextInt(12);
      double[] u = new double[n];
      double[] t = new double[n];
      double[] pos = new double[n];
      double[] neg = new double[n];
      for (int j = 0; j < n; j++) {
        u[j] = 0.01 + 1.98 * rng.nextDouble();
        t[j] = 2 * rng.nextDouble() - 1;
        pos[j] = rng.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : 10 * rng.nextDouble();
        neg[j] =
            pos[j] == Double.POSITIVE_INFINITY
                ? 10 * rng.nextDouble()
                : rng.nextInt(3) == 0 ? Double.POSITIVE_INFINITY : 10 * rng.nextDouble();
      }
      LayerTwoSystem.Row row;
      try {
        row = LayerTwoSystem.solve(u, new double[u.length], t, pos, neg);
      } catch (IllegalStateException infeasible) {
        continue;
      }
      double f = row.f1();
      for (int j = 0; j < n; j++) {
        double w = row.omega()[j];
        // F = t_j at the assigned point, and ω_j on an allowed side
        assertThat(f + w * u[j]).isCloseTo(t[j], within(1e-9 * (1 + Math.abs(f))));
        assertThat(w >= pos[j] * (1 - 1e-12) || -w >= neg[j] * (1 - 1e-12)).isTrue();
        f += 2 * w;
      }
    }
  }

  @Test
  void smallestOutsidePicksTheNearestFeasiblePoint() {
    assertThat(LayerTwoSystem.smallestOutside(new double[][] {})).isZero();
    assertThat(LayerTwoSystem.smallestOutside(new double[][] {{1, 2}})).isZero();
    assertThat(LayerTwoSystem.smallestOutside(new double[][] {{-1, 3}})).isEqualTo(-1);
    assertThat(LayerTwoSystem.smallestOutside(new double[][] {{-1, 3}, {-5, -0.5}})).isEqualTo(3);
    assertThat(LayerTwoSystem.smallestOutside(new double[][] {{-1, 0.5}, {0.5, 4}})).isEqualTo(0.5);
  }
}
