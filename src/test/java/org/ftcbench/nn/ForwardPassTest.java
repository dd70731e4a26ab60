package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class ForwardPassTest {

  /**
   * Both precisions against the slow reference, on random networks of depth 1 to 4, random block
   * sizes (a partial last block included) and widths down to 1. float64 agrees to 1e-12; float32 is
   * compared with the reference evaluated on the float-rounded network and inputs, to 1e-5 of the
   * magnitudes it adds up ({@link ReferenceNetwork#magnitude}).
   */
  @Property(tries = 80)
  void matchesTheReferenceOnRandomNetworksAndBlocks(
      @ForAll Precision precision, @ForAll("cases") RandomNetworks.Case c) {
    Random rng = new Random(c.seed());
    DenseNetwork net = RandomNetworks.network(rng, c.depth(), c.d(), 9);
    DoubleMatrix x = RandomNetworks.gaussian(rng, c.k(), c.d());
    double[] out = forward(net, x, c.blockRows(), precision.kernels());
    boolean single = precision == Precision.FLOAT32;
    DenseNetwork reference = single ? ReferenceNetwork.roundedToFloat(net) : net;
    double[][] rows = x.toArray2();
    for (int i = 0; i < c.k(); i++) {
      if (single) {
        for (int j = 0; j < c.d(); j++) {
          rows[i][j] = (float) rows[i][j];
        }
      }
      double expected = ReferenceNetwork.evaluate(reference, rows[i]);
      double tolerance =
          single
              ? 1e-5 * ReferenceNetwork.magnitude(reference, rows[i])
              : 1e-12 * (1 + Math.abs(expected));
      assertThat(out[i])
          .as("g(x_%d) in %s", i, precision.label())
          .isCloseTo(expected, within(tolerance));
    }
  }

  @Provide
  Arbitrary<RandomNetworks.Case> cases() {
    return RandomNetworks.cases(6, 40, 17);
  }

  /** g(X) in the precision of {@code kernels}, returned in double. */
  static <A> double[] forward(DenseNetwork net, DoubleMatrix x, int blockRows, Kernels<A> kernels) {
    A xa = kernels.allocate(x.length);
    kernels.fromDoubles(x.data, xa);
    A out = kernels.allocate(x.rows);
    new ForwardPass<>(Weights.copyOf(net, kernels), blockRows).forward(xa, x.rows, out);
    double[] result = new double[x.rows];
    kernels.toDoubles(out, result);
    return result;
  }

  @Test
  void aNetworkWithoutNeuronsIsItsOutputBias() {
    DenseNetwork net = new DenseNetwork(3, 0, 1);
    net.bias(2).put(0, 0.25);
    DoubleMatrix out = net.predict(DoubleMatrix.rand(5, 3));
    assertThat(out.data).containsOnly(0.25);
  }

  @Test
  void aWidthOneOutputLayerIsNotTreatedAsAScalar() {
    // jblas treats a 1×1 matrix as a scalar in mmul; our kernels must not.
    DenseNetwork net = new DenseNetwork(1, 1, 1);
    net.weight(1).put(0, 0, 2.0);
    net.weight(2).put(0, 0, 3.0);
    net.bias(1).put(0, -1.0);
    DoubleMatrix x = new DoubleMatrix(new double[] {0.0, 1.0, 2.0});
    assertThat(net.predict(x).data).containsExactly(0.0, 3.0, 9.0);
    assertThat(forward(net, x, 2, Kernels.float32())).containsExactly(0.0, 3.0, 9.0);
  }

  /** A ReLU mask is exact at the smallest positive numbers, where h·c ≥ 1 needs c = 2^1074. */
  @Test
  void subnormalActivationsCountAsActive() {
    for (Precision precision : Precision.values()) {
      double tiny = precision == Precision.FLOAT64 ? Double.MIN_VALUE : Float.MIN_VALUE;
      DenseNetwork net = new DenseNetwork(1, 1, 1);
      net.weight(1).put(0, 0, 1.0);
      net.weight(2).put(0, 0, 1.0);
      DoubleMatrix x = new DoubleMatrix(new double[] {tiny, 0.0, -tiny});
      DoubleMatrix t = new DoubleMatrix(new double[] {1.0, 1.0, 1.0});
      // ∂ℓ/∂b_1 = (2/K) Σ_i (g_i − t_i) w_2 1[h_i > 0]: the first sample (h = tiny) counts, the
      // others (h = 0) do not
      double[] gradient = MseGradientTest.gradient(net, x, t, 3, precision.kernels()).get(1);
      assertThat(gradient[0]).as(precision.label()).isCloseTo((2.0 / 3) * (tiny - 1), within(1e-6));
    }
  }
}
