package org.ftcbench.nn;

import org.jblas.DoubleMatrix;

/**
 * Evaluates a {@link DenseNetwork} on the rows of X (K × d), one block of at most {@code blockRows}
 * rows at a time, so memory is O(blockRows × Σ d_l) whatever K is.
 *
 * <p>The workspace (one activation buffer per hidden layer, column-major blockRows × d_l) is
 * allocated once here; {@link #forwardBlock} then allocates nothing. It reads the network's live
 * parameters, so it stays valid while an optimizer updates them in place.
 */
public final class ForwardPass {
  private final DenseNetwork net;
  private final int blockRows;

  /** hidden[l] holds H_l = relu(A_l) for the current block, l = 1 … L−1 (index 0 unused). */
  final double[][] hidden;

  /**
   * The current block's rows of X, contiguous (rows × d). jblas's JNI copies every array argument
   * in full on each call, so passing X itself with an offset would copy all K rows per block: with
   * K = 100,000 that is 8 MB in and out for every block of 64 rows.
   */
  final double[] inputBlock;

  private final double[] output;

  public ForwardPass(DenseNetwork net, int blockRows) {
    if (blockRows < 1) {
      throw new IllegalArgumentException("blockRows must be ≥ 1, got " + blockRows);
    }
    this.net = net;
    this.blockRows = blockRows;
    int layers = net.depth();
    this.hidden = new double[layers][];
    for (int l = 1; l < layers; l++) {
      hidden[l] = new double[blockRows * net.width(l)];
    }
    this.output = new double[blockRows];
    this.inputBlock = new double[blockRows * net.inputDim()];
  }

  /**
   * A block size that keeps the workspace near 16 MB (2²¹ doubles, shared by all layers) and
   * between 64 and 8192 rows: large enough that BLAS runs at speed, small enough that a 30,000
   * neuron adapter on 100,000 samples still fits in memory.
   */
  public static int defaultBlockRows(int[] widths) {
    long perRow = 1;
    for (int w : widths) {
      perRow += w;
    }
    long rows = (1L << 21) / perRow;
    return (int) Math.max(64, Math.min(8192, rows));
  }

  public int blockRows() {
    return blockRows;
  }

  public DenseNetwork network() {
    return net;
  }

  /**
   * Evaluates rows [r0, r0 + rows) of x and returns the internal output buffer, whose first {@code
   * rows} entries are g(x_i). The buffer is overwritten by the next call.
   */
  public double[] forwardBlock(DoubleMatrix x, int r0, int rows) {
    if (rows < 1 || rows > blockRows || r0 < 0 || r0 + rows > x.rows) {
      throw new IllegalArgumentException(
          "block ["
              + r0
              + ", "
              + (r0 + rows)
              + ") of "
              + x.rows
              + " rows with blockRows "
              + blockRows);
    }
    Shapes.require(x, x.rows, net.inputDim(), "X");
    int layers = net.depth();
    int d = net.inputDim();
    // X_blk = X[r0 : r0 + rows, :]  (rows × d), column by column
    for (int j = 0; j < d; j++) {
      System.arraycopy(x.data, r0 + j * x.rows, inputBlock, j * rows, rows);
    }
    double[] in = inputBlock;
    int inOff = 0;
    int inLd = rows;
    for (int l = 1; l <= layers; l++) {
      int out = net.width(l);
      int fanIn = net.width(l - 1);
      double[] a = l < layers ? hidden[l] : output;
      // A_l = H_{l-1} W_lᵀ  (rows × d_l)
      Blas.multiplyTransposed(
          rows, out, fanIn, in, inOff, inLd, net.weight(l).data, out, 0.0, a, rows);
      double[] b = net.bias(l).data;
      // H_l = relu(A_l + 1 b_lᵀ), in place; the output layer stays linear. Math.max, not a
      // branch: ReLU signs are random, and a mispredicted branch per entry costs ~5 ns, 30× the
      // vectorised max (it dominated a step at K = 1000, m = 96).
      for (int j = 0; j < out; j++) {
        double bj = b[j];
        int col = j * rows;
        if (l < layers) {
          for (int i = 0; i < rows; i++) {
            a[col + i] = Math.max(a[col + i] + bj, 0.0);
          }
        } else {
          for (int i = 0; i < rows; i++) {
            a[col + i] += bj;
          }
        }
      }
      in = a;
      inOff = 0;
      inLd = rows;
    }
    return output;
  }

  /** out = g(X) for all K rows (out is K × 1). */
  public void forward(DoubleMatrix x, DoubleMatrix out) {
    Shapes.require(out, x.rows, 1, "out");
    for (int r0 = 0; r0 < x.rows; r0 += blockRows) {
      int rows = Math.min(blockRows, x.rows - r0);
      double[] o = forwardBlock(x, r0, rows);
      System.arraycopy(o, 0, out.data, r0, rows);
    }
  }
}
