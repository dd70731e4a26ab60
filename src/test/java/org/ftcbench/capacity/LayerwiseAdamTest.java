package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.Weights;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class LayerwiseAdamTest {
  /** Adam's first step moves every scalar by η_l · g / (|g| + ε'), i.e. by η_l = η / fan-in. */
  @Test
  void theFirstStepOfLayerLIsEtaOverItsFanIn() {
    DenseNetwork g = DenseNetwork.heInitialised(new Random(1), 5, 7, 12, 1);
    List<DoubleMatrix> before = new ArrayList<>();
    List<DoubleMatrix> grads = new ArrayList<>();
    Random rng = new Random(2);
    for (DoubleMatrix p : g.parameters()) {
      before.add(p.dup());
      // seeded, and |g| ≥ 0.5 so that ε / |g| stays far below the tolerance (jblas's randn drew
      // from a global generator whose state depended on the tests run before, and could come
      // within 1e-3 of 0)
      DoubleMatrix grad = new DoubleMatrix(p.rows, p.columns);
      for (int i = 0; i < grad.length; i++) {
        grad.data[i] = (0.5 + rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
      }
      grads.add(grad);
    }
    Weights<double[]> weights = Weights.of(g);
    LayerwiseAdam<double[]> adam = new LayerwiseAdam<>(weights, AdamConfig.withLearningRate(0.3));
    adam.update(weights.parameters(), grads.stream().map(m -> m.data).toList());
    int[] fanIn = {5, 7, 12};
    for (int l = 1; l <= 3; l++) {
      assertThat(adam.learningRate(l)).isEqualTo(0.3 / fanIn[l - 1]);
      for (int which = 0; which < 2; which++) {
        int p = 2 * (l - 1) + which;
        DoubleMatrix step = g.parameters().get(p).sub(before.get(p));
        for (int i = 0; i < step.length; i++) {
          // Adam's first step: m̂ = g, v̂ = g², so θ moves by −η_l g / (|g| + ε) ≈ −η_l sign(g)
          double gi = grads.get(p).get(i);
          double expected = -(0.3 / fanIn[l - 1]) * gi / (Math.abs(gi) + 1e-8);
          assertThat(step.get(i)).isCloseTo(expected, within(1e-15));
        }
      }
    }
  }
}
