package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

/** {@link SharedRowForward} against the plain dense forward pass ({@link DenseNetwork#predict}). */
class SharedRowForwardTest {

  /**
   * Equal up to rounding: the two passes sum in different orders, and the constructions' sums
   * cancel terms far larger than their result, so the allowance is relative to the magnitudes
   * summed: |W| applied to |x| layer by layer bounds Σ|w||h| at the output.
   */
  private static void assertSameAsDense(DenseNetwork g, DoubleMatrix x) {
    double[] dense = g.predict(x).data;
    double[] shared = new SharedRowForward(g).evaluate(x);
    DenseNetwork abs = g.copy();
    for (DoubleMatrix p : abs.parameters()) {
      org.jblas.MatrixFunctions.absi(p);
    }
    double[] magnitude = abs.predict(org.jblas.MatrixFunctions.abs(x)).data;
    for (int i = 0; i < dense.length; i++) {
      assertThat(shared[i])
          .as("sample %d", i)
          .isCloseTo(dense[i], within(1e-12 * (1 + magnitude[i])));
    }
  }

  /** Random networks in which each layer copies some rows and gives the copies new biases. */
  @Property(tries = 50, seed = "20261127")
  void equalsTheDensePassWithDuplicatedRows(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 3) int hiddenLayers) {
    Random rng = new Random(seed);
    int[] widths = new int[hiddenLayers + 2];
    widths[0] = 1 + rng.nextInt(5);
    for (int l = 1; l <= hiddenLayers; l++) {
      widths[l] = 1 + rng.nextInt(12);
    }
    widths[hiddenLayers + 1] = 1;
    DenseNetwork g = DenseNetwork.heInitialised(rng, widths);
    for (int l = 1; l <= hiddenLayers; l++) {
      DoubleMatrix w = g.weight(l);
      for (int r = 1; r < w.rows; r++) {
        if (rng.nextBoolean()) {
          w.putRow(r, w.getRow(rng.nextInt(r)));
          g.bias(l).put(r, rng.nextGaussian());
        }
      }
    }
    DoubleMatrix x = DoubleMatrix.randn(1 + rng.nextInt(300), widths[0]);
    assertSameAsDense(g, x);
  }

  /** Every construction, and the cost it reports: the distinct rows only. */
  @Test
  void constructionsShareTheirRows() {
    FineTuningTask task =
        RandomTasks.task(300, 30, 4, 7, RandomTasks.Placement.RANDOM, RandomTasks.Targets.UNIFORM);
    for (Construction c : Construction.values()) {
      DenseNetwork g = Certifier.build(task, c, 7, ClipSettings.defaults()).network();
      assertSameAsDense(g, task.x());
      long dense = task.k() * g.parameterCount();
      assertThat(new SharedRowForward(g).multiplyAdds(task.k()))
          .as(c.label())
          .isLessThan(dense / 2);
    }
    // the 2-layer adapter's first layer is one row: K × (d + m)
    DenseNetwork two =
        Certifier.build(task, Construction.TWO_LAYER_INTERPOLANT, 7, ClipSettings.defaults())
            .network();
    assertThat(new SharedRowForward(two).multiplyAdds(task.k()))
        .isEqualTo((long) task.k() * (task.d() + two.neurons()));
  }

  @Test
  void noNeuronsIsTheOutputBias() {
    DenseNetwork g = new DenseNetwork(3, 0, 1);
    g.bias(2).put(0, 0.25);
    assertThat(new SharedRowForward(g).evaluate(DoubleMatrix.randn(5, 3))).containsOnly(0.25);
  }
}
