package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class AdamTest {

  /** Adam written out per scalar, straight from Kingma and Ba's Algorithm 1. */
  private static double[] referenceAdam(double[] theta, double[][] gradsPerStep, AdamConfig c) {
    double[] th = theta.clone();
    double[] m = new double[th.length];
    double[] v = new double[th.length];
    for (int t = 1; t <= gradsPerStep.length; t++) {
      for (int i = 0; i < th.length; i++) {
        double g = gradsPerStep[t - 1][i];
        m[i] = c.beta1() * m[i] + (1 - c.beta1()) * g;
        v[i] = c.beta2() * v[i] + (1 - c.beta2()) * g * g;
        double mHat = m[i] / (1 - Math.pow(c.beta1(), t));
        double vHat = v[i] / (1 - Math.pow(c.beta2(), t));
        th[i] -= c.learningRate() * mHat / (Math.sqrt(vHat) + c.epsilon());
      }
    }
    return th;
  }

  @Test
  void matchesThePerScalarReference() {
    Random rng = new Random(3);
    AdamConfig config = new AdamConfig(0.01, 0.8, 0.99, 1e-7);
    DoubleMatrix theta = RandomNetworks.gaussian(rng, 3, 2);
    double[] start = theta.data.clone();
    double[][] grads = new double[25][];
    Adam<double[]> adam = Adam.float64(config);
    float[] theta32 = new float[theta.length];
    Adam<float[]> adam32 = new Adam<>(Kernels.float32(), config);
    for (int s = 0; s < grads.length; s++) {
      DoubleMatrix g = RandomNetworks.gaussian(rng, 3, 2);
      grads[s] = g.data.clone();
      adam.update(List.of(theta.data), List.of(g.data));
      float[] g32 = new float[g.length];
      Kernels.float32().fromDoubles(g.data, g32);
      if (s == 0) {
        Kernels.float32().fromDoubles(start, theta32);
      }
      adam32.update(List.of(theta32), List.of(g32));
    }
    double[] expected = referenceAdam(start, grads, config);
    for (int i = 0; i < expected.length; i++) {
      assertThat(theta.data[i])
          .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-14));
      // float32: 25 steps of about η each, every one rounded to ~6e-8 relative
      assertThat((double) theta32[i])
          .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-5));
    }
  }

  /**
   * A fixed small regression: 64 points of t = sin(3 x1) + x2 in d = 2, a 2-16-16-1 network. Adam
   * with η = 0.01 for 1500 steps brings the MSE from about 1 to below 0.01.
   */
  @Test
  void drivesASmallRegressionBelowOneHundredth() {
    Random rng = new Random(11);
    DoubleMatrix x = RandomNetworks.gaussian(rng, 64, 2);
    DoubleMatrix t = new DoubleMatrix(64, 1);
    for (int i = 0; i < 64; i++) {
      t.data[i] = Math.sin(3 * x.get(i, 0)) + x.get(i, 1);
    }
    DenseNetwork g = DenseNetwork.heInitialised(rng, 2, 16, 16, 1);
    FrozenPlusAdapter<double[]> training =
        new FrozenPlusAdapter<>(
            new DenseNetwork(2, 0, 1),
            Weights.of(g),
            x,
            t,
            FrozenPlusAdapter.FMode.CACHED,
            Adam.float64(AdamConfig.withLearningRate(0.01)),
            64);
    double first = training.step();
    double last = first;
    for (int s = 0; s < 1500; s++) {
      last = training.step();
    }
    assertThat(first).isGreaterThan(0.3);
    assertThat(last).isLessThan(0.01);
  }
}
