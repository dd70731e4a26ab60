package org.ftcbench.bench;

import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * A forward pass in plain Java loops, no BLAS: the same column-major layout and the same per-layer
 * formula as nn.ForwardPass, H_l = relu(H_{l-1} W_lᵀ + 1 b_lᵀ), computed as a sum of scaled columns
 * so that the innermost loop runs down a contiguous column the JIT can vectorise. It exists to show
 * where jblas's fixed cost per native call loses ({@link PlainJavaForward}).
 *
 * <p>The workspace is sized once; {@link #forwardBlock} allocates nothing.
 */
final class PlainForward {
  private final DenseNetwork net;
  private final int blockRows;
  private final double[][] activation;

  PlainForward(DenseNetwork net, int blockRows) {
    this.net = net;
    this.blockRows = blockRows;
    activation = new double[net.depth() + 1][];
    for (int l = 1; l <= net.depth(); l++) {
      activation[l] = new double[blockRows * net.width(l)];
    }
  }

  /**
   * g(x_i) for rows [r0, r0 + rows) of x, in the first {@code rows} entries of the returned buffer
   * (overwritten by the next call).
   */
  double[] forwardBlock(DoubleMatrix x, int r0, int rows) {
    if (rows < 1 || rows > blockRows || r0 < 0 || r0 + rows > x.rows) {
      throw new IllegalArgumentException(
          "block [" + r0 + ", " + (r0 + rows) + ") of " + x.rows + " rows, blockRows " + blockRows);
    }
    if (x.columns != net.inputDim()) {
      throw new IllegalArgumentException(
          "X is " + x.rows + "×" + x.columns + ", the network takes d = " + net.inputDim());
    }
    double[] in = x.data;
    int inOff = r0;
    int inLd = x.rows;
    int layers = net.depth();
    for (int l = 1; l <= layers; l++) {
      int out = net.width(l);
      int fanIn = net.width(l - 1);
      double[] w = net.weight(l).data;
      double[] b = net.bias(l).data;
      double[] a = activation[l];
      // A_l = 1 b_lᵀ + Σ_k H_{l-1}[:, k] W_l[:, k]ᵀ  (rows × d_l)
      for (int j = 0; j < out; j++) {
        java.util.Arrays.fill(a, j * rows, (j + 1) * rows, b[j]);
      }
      for (int k = 0; k < fanIn; k++) {
        int inCol = inOff + k * inLd;
        int wCol = k * out;
        if (rows == 1) {
          // one sample: a += x_k W_l[:, k], contiguous in both a and W_l's column k
          double xk = in[inCol];
          for (int j = 0; j < out; j++) {
            a[j] += xk * w[wCol + j];
          }
          continue;
        }
        for (int j = 0; j < out; j++) {
          // a[:, j] += H_{l-1}[:, k] W_l[j, k], contiguous down both columns
          double wjk = w[wCol + j];
          int col = j * rows;
          for (int i = 0; i < rows; i++) {
            a[col + i] += in[inCol + i] * wjk;
          }
        }
      }
      if (l < layers) {
        // H_l = relu(A_l), in place
        int n = rows * out;
        for (int i = 0; i < n; i++) {
          if (a[i] < 0) {
            a[i] = 0;
          }
        }
      }
      in = a;
      inOff = 0;
      inLd = rows;
    }
    return activation[layers];
  }
}
