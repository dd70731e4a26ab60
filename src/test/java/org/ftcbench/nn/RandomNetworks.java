package org.ftcbench.nn;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jblas.DoubleMatrix;

/** Random networks and inputs for tests. */
final class RandomNetworks {
  private RandomNetworks() {}

  /**
   * What a property draws: a network of depth L = {@code depth} on inputs of dimension d, K
   * samples, the kernels' block size, and the seed of the network's and the inputs' values.
   */
  record Case(int depth, int d, int k, int blockRows, long seed) {}

  /** Cases of depth 1 to 4, d ≤ maxD, K ≤ maxK and block sizes ≤ maxBlockRows, all from 1. */
  static Arbitrary<Case> cases(int maxD, int maxK, int maxBlockRows) {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, maxD),
            Arbitraries.integers().between(1, maxK),
            Arbitraries.integers().between(1, maxBlockRows),
            Arbitraries.longs())
        .as(Case::new);
  }

  /** Depth L, input d, hidden widths in [1, maxWidth], with nonzero random biases. */
  static DenseNetwork network(Random rng, int depth, int d, int maxWidth) {
    int[] widths = new int[depth + 1];
    widths[0] = d;
    for (int l = 1; l < depth; l++) {
      widths[l] = 1 + rng.nextInt(maxWidth);
    }
    widths[depth] = 1;
    DenseNetwork net = DenseNetwork.heInitialised(rng, widths);
    for (int l = 1; l <= depth; l++) {
      double[] b = net.bias(l).data;
      for (int i = 0; i < b.length; i++) {
        b[i] = 0.5 * rng.nextGaussian();
      }
    }
    return net;
  }

  static DoubleMatrix gaussian(Random rng, int rows, int cols) {
    DoubleMatrix m = new DoubleMatrix(rows, cols);
    for (int i = 0; i < m.length; i++) {
      m.data[i] = rng.nextGaussian();
    }
    return m;
  }

  /** Rounds every entry of each matrix to float, in place: data both precisions see alike. */
  static void roundToFloat(DoubleMatrix... matrices) {
    for (DoubleMatrix m : matrices) {
      for (int i = 0; i < m.length; i++) {
        m.data[i] = (float) m.data[i];
      }
    }
  }

  static double[][] rowsOf(DoubleMatrix m) {
    return m.toArray2();
  }
}
