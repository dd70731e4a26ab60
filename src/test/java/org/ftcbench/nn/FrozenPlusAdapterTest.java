package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class FrozenPlusAdapterTest {

  private static <A> FrozenPlusAdapter<A> training(
      long seed, FrozenPlusAdapter.FMode mode, int blockRows, int k, Kernels<A> kernels) {
    Random rng = new Random(seed);
    DenseNetwork f = RandomNetworks.network(rng, 3, 4, 12);
    DoubleMatrix x = RandomNetworks.gaussian(rng, k, 4);
    DoubleMatrix y = RandomNetworks.gaussian(rng, k, 1);
    DenseNetwork g = DenseNetwork.heInitialised(new Random(seed + 1), 4, 5, 5, 1);
    return new FrozenPlusAdapter<>(
        f,
        Weights.copyOf(g, kernels),
        x,
        y,
        mode,
        new Adam<>(kernels, AdamConfig.withLearningRate(0.01)),
        blockRows);
  }

  private static List<double[]> parameters(FrozenPlusAdapter<?> t) {
    DenseNetwork g = new DenseNetwork(t.adapter().widths());
    t.adapter().copyTo(g);
    return g.parameters().stream().map(m -> m.data).toList();
  }

  @Test
  void cachedAndRecomputedFGiveIdenticalParametersStepForStep() {
    for (Precision precision : Precision.values()) {
      for (int blockRows : new int[] {7, 50, 64}) {
        FrozenPlusAdapter<?> cached =
            training(5, FrozenPlusAdapter.FMode.CACHED, blockRows, 50, precision.kernels());
        FrozenPlusAdapter<?> recompute =
            training(5, FrozenPlusAdapter.FMode.RECOMPUTE, blockRows, 50, precision.kernels());
        for (int s = 0; s < 30; s++) {
          assertThat(recompute.step()).isEqualTo(cached.step());
          List<double[]> expected = parameters(cached);
          List<double[]> actual = parameters(recompute);
          for (int p = 0; p < expected.size(); p++) {
            assertThat(actual.get(p)).containsExactly(expected.get(p));
          }
        }
      }
    }
  }

  @Test
  void theLossIsTheMeanSquaredErrorOfFPlusG() {
    Random rng = new Random(9);
    DenseNetwork f = RandomNetworks.network(rng, 2, 3, 6);
    DenseNetwork g = RandomNetworks.network(rng, 3, 3, 6);
    DoubleMatrix x = RandomNetworks.gaussian(rng, 20, 3);
    DoubleMatrix y = RandomNetworks.gaussian(rng, 20, 1);
    double expected = 0;
    double[][] rows = x.toArray2();
    for (int i = 0; i < 20; i++) {
      double r =
          ReferenceNetwork.evaluate(f, rows[i]) + ReferenceNetwork.evaluate(g, rows[i]) - y.get(i);
      expected += r * r / 20;
    }
    FrozenPlusAdapter<double[]> t =
        new FrozenPlusAdapter<>(
            f,
            Weights.of(g),
            x,
            y,
            FrozenPlusAdapter.FMode.RECOMPUTE,
            Adam.float64(AdamConfig.defaults()),
            6);
    assertThat(t.lossAndGradient())
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
  }

  /** After warm-up a training step allocates nothing on the Java heap, in either mode. */
  @Test
  void aTrainingStepAllocatesNothingAfterWarmUp() {
    for (Precision precision : Precision.values()) {
      for (FrozenPlusAdapter.FMode mode : FrozenPlusAdapter.FMode.values()) {
        FrozenPlusAdapter<?> t = training(2, mode, 64, 300, precision.kernels());
        long allocated = HeapAllocation.afterWarmUp(t::step, 20_000, 1000);
        assertThat(allocated)
            .as("bytes allocated by 1000 %s steps in %s", mode, precision.label())
            .isLessThan(1000);
      }
    }
  }
}
