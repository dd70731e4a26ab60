package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.MseGradient;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

/**
 * The FLOP formulas against products that count their own multiply-adds: a naive forward and
 * back-propagation on a tiny network, checked against the jblas kernels so that what is counted is
 * a correct computation.
 */
class FlopsTest {
  /** Naive matrix products over double[rows][cols] that count 2 FLOPs per multiply-add. */
  static final class Counting {
    long flops;

    /** C = A B. */
    double[][] times(double[][] a, double[][] b) {
      double[][] c = new double[a.length][b[0].length];
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < b[0].length; j++) {
          for (int k = 0; k < b.length; k++) {
            c[i][j] += a[i][k] * b[k][j];
            flops += 2;
          }
        }
      }
      return c;
    }
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  static final int[] WIDTHS = {3, 4, 5, 1};
  static final int ROWS = 7;

  final Random rng = new Random(42);
  final DenseNetwork net = DenseNetwork.heInitialised(rng, WIDTHS);
  final DoubleMatrix x = gaussian(ROWS, WIDTHS[0]);
  final DoubleMatrix t = gaussian(ROWS, 1);

  DoubleMatrix gaussian(int rows, int cols) {
    DoubleMatrix m = new DoubleMatrix(rows, cols);
    for (int i = 0; i < m.length; i++) {
      m.data[i] = rng.nextGaussian();
    }
    return m;
  }

  /** Activations H_0 … H_L (rows × d_l), by counted products. */
  double[][][] forward(Counting c) {
    int layers = net.depth();
    double[][][] h = new double[layers + 1][][];
    h[0] = x.toArray2();
    for (int l = 1; l <= layers; l++) {
      // A_l = H_{l-1} W_lᵀ + 1 b_lᵀ
      double[][] a = c.times(h[l - 1], transpose(net.weight(l).toArray2()));
      for (double[] row : a) {
        for (int j = 0; j < row.length; j++) {
          row[j] += net.bias(l).get(j);
          row[j] = l < layers ? Math.max(0, row[j]) : row[j];
        }
      }
      h[l] = a;
    }
    return h;
  }

  @Test
  void forwardCountsOneProductPerLayer() {
    Counting c = new Counting();
    double[][][] h = forward(c);
    DoubleMatrix fast = net.predict(x);
    double[] slow = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      slow[i] = h[net.depth()][i][0];
    }
    Tolerances.assertSameSums(slow, fast.data, ROWS);
    assertThat(Flops.forward(WIDTHS, ROWS)).isEqualTo(c.flops).isEqualTo(2L * 7 * (12 + 20 + 5));
  }

  @Test
  void lossAndGradientCountsThreeProductsPerLayerButTheFirst() {
    Counting c = new Counting();
    double[][][] h = forward(c);
    int layers = net.depth();
    // δ_L = (2/K)(g − t)
    double[][] delta = new double[ROWS][1];
    for (int i = 0; i < ROWS; i++) {
      delta[i][0] = 2.0 / ROWS * (h[layers][i][0] - t.get(i));
    }
    MseGradient<double[]> fast = MseGradient.of(net, ForwardPass.defaultBlockRows(WIDTHS));
    fast.compute(x.data, ROWS, t.data);
    for (int l = layers; l >= 1; l--) {
      // dW_l = δ_lᵀ H_{l-1}
      double[][] dW = c.times(transpose(delta), h[l - 1]);
      DoubleMatrix expected =
          new DoubleMatrix(WIDTHS[l], WIDTHS[l - 1], fast.gradients().get(2 * (l - 1)));
      for (int i = 0; i < dW.length; i++) {
        for (int j = 0; j < dW[0].length; j++) {
          assertThat(dW[i][j])
              .isCloseTo(expected.get(i, j), within(1e-12 * (1 + Math.abs(expected.get(i, j)))));
        }
      }
      if (l > 1) {
        // δ_{l-1} = (δ_l W_l) ⊙ 1[H_{l-1} > 0]
        double[][] prev = c.times(delta, net.weight(l).toArray2());
        for (int i = 0; i < ROWS; i++) {
          for (int j = 0; j < prev[0].length; j++) {
            if (h[l - 1][i][j] <= 0) {
              prev[i][j] = 0;
            }
          }
        }
        delta = prev;
      }
    }
    assertThat(Flops.lossAndGradient(WIDTHS, ROWS)).isEqualTo(c.flops);
  }

  @Test
  void trainStepAddsFsForwardOnlyWhenRecomputing() {
    int[] f = {3, 6, 1};
    long cached = Flops.trainStep(f, WIDTHS, ROWS, FMode.CACHED);
    assertThat(cached).isEqualTo(Flops.lossAndGradient(WIDTHS, ROWS));
    assertThat(Flops.trainStep(f, WIDTHS, ROWS, FMode.RECOMPUTE) - cached)
        .isEqualTo(Flops.forward(f, ROWS));
  }

  @Test
  void gemmCountsTwoNCubed() {
    Counting c = new Counting();
    int n = 5;
    c.times(new double[n][n], new double[n][n]);
    assertThat(Flops.gemm(n)).isEqualTo(c.flops).isEqualTo(250);
  }
}
