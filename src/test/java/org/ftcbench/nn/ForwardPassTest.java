package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class ForwardPassTest {

  @Property(tries = 60)
  void matchesTheReferenceOnRandomNetworksAndBlocks(
      @ForAll @IntRange(min = 1, max = 4) int depth,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @IntRange(min = 1, max = 40) int k,
      @ForAll @IntRange(min = 1, max = 17) int blockRows,
      @ForAll long seed) {
    Random rng = new Random(seed);
    DenseNetwork net = RandomNetworks.network(rng, depth, d, 9);
    DoubleMatrix x = RandomNetworks.gaussian(rng, k, d);
    DoubleMatrix out = new DoubleMatrix(k, 1);
    new ForwardPass(net, blockRows).forward(x, out);
    double[][] rows = x.toArray2();
    for (int i = 0; i < k; i++) {
      double expected = ReferenceNetwork.evaluate(net, rows[i]);
      assertThat(out.get(i)).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
    }
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
  }
}
