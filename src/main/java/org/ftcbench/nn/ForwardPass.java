package org.ftcbench.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a dense ReLU network ({@link Weights}) on the rows of X (K × d, column-major), one
 * block of at most {@code blockRows} rows at a time, so memory is O(blockRows × Σ d_l) whatever K
 * is:
 *
 * <pre>
 *   H_0 = X_blk      H_l = relu(H_{l−1} W_lᵀ + 1 b_lᵀ)  (l ≤ T = L − 1)      g = H_T w_L + b_L
 * </pre>
 *
 * The hidden products go to BLAS; the last hidden layer's bias and ReLU, the scalar output and the
 * ReLU mask 1[H_T &gt; 0] that back-propagation needs are one fused pass ({@link
 * Kernels#reluOutputAndMask}), so H_T itself is never stored. Every block before it keeps a column
 * of ones after its d_l columns, [H_l | 1], so that {@link MseGradient} gets each bias gradient
 * from the same BLAS product as its weight gradient.
 *
 * <p>The workspace is allocated once here; {@link #forwardBlock} then allocates nothing. It reads
 * the live parameters, so it stays valid while an optimizer updates them in place.
 *
 * @param <A> the array type of the precision
 */
public final class ForwardPass<A> extends AbstractBlockModel<A> {
  /** The activations one block may hold at most (see {@link #defaultBlockRows}). */
  static final long BLOCK_BYTES = 4L << 20;

  private final Weights<A> net;

  /**
   * blocks.get(l) for the current block: [X_blk | 1] for l = 0, [H_l | 1] for 0 &lt; l &lt; T (rows
   * × (d_l + 1)), and the mask 1[H_T &gt; 0] for l = T ≥ 1 (rows × d_T).
   */
  private final List<A> blocks = new ArrayList<>();

  private final A output;
  private final A scratch;

  public ForwardPass(Weights<A> net, int blockRows) {
    super(net.kernels(), blockRows);
    if (net.width(net.depth()) != 1) {
      throw new IllegalArgumentException(
          "the output must be scalar, widths " + java.util.Arrays.toString(net.widths()));
    }
    this.net = net;
    int last = net.depth() - 1;
    for (int l = 0; l <= last; l++) {
      int columns = l == 0 || l < last ? net.width(l) + 1 : net.width(l);
      blocks.add(kernels.allocate(blockRows * columns));
    }
    this.output = kernels.allocate(blockRows);
    this.scratch = kernels.allocate(blockRows);
  }

  /** A float64 pass over {@code net}'s live parameters. */
  public static ForwardPass<double[]> of(DenseNetwork net, int blockRows) {
    return new ForwardPass<>(Weights.of(net), blockRows);
  }

  /**
   * Rows per block: {@code rowsTarget} rounded so that the K rows split into equal blocks. Equal
   * blocks matter because jblas hands each array to BLAS whole: a workspace larger than the block
   * it holds would be copied in and out on every call for nothing.
   */
  public static int equalBlocks(int k, int rowsTarget) {
    int blocks = Math.max(1, (k + rowsTarget - 1) / rowsTarget);
    return Math.max(1, (k + blocks - 1) / blocks);
  }

  /**
   * Rows per block: at most 1024, and fewer where one block's activations (Σ d_l numbers a row)
   * would pass {@link #BLOCK_BYTES}; at least 64. Measured on a Zen 5 core (K = 10^4, both
   * precisions, widths 32 to 512, depths 2 and 3): 500–1000 rows were fastest everywhere, 64 rows
   * 15–30% slower (each BLAS call's fixed cost and its copy of W_l spread over fewer rows), 2000
   * rows up to 14% slower at m = 512 in float64. This holds once jblas's per-call copies stay off
   * fresh pages (the allocator settings of bench.BlasConfig, which every launched JVM has).
   */
  public static int defaultBlockRows(int[] widths, Precision precision) {
    long perRow = 1;
    for (int w : widths) {
      perRow += w;
    }
    long rows = BLOCK_BYTES / (precision.bytes() * perRow);
    return (int) Math.max(64, Math.min(1024, rows));
  }

  /** {@link #defaultBlockRows(int[], Precision)} in float64. */
  public static int defaultBlockRows(int[] widths) {
    return defaultBlockRows(widths, Precision.FLOAT64);
  }

  public Weights<A> weights() {
    return net;
  }

  /**
   * The current block's [H_l | 1] for l &lt; T ([X_blk | 1] for l = 0) and the mask 1[H_T &gt; 0]
   * for l = T, all with leading dimension rows.
   */
  A block(int l) {
    return blocks.get(l);
  }

  /**
   * Evaluates rows [r0, r0 + rows) of x (xRows × d, column-major) and returns the internal output
   * buffer, whose first {@code rows} entries are g(x_i). The buffer is overwritten by the next
   * call.
   */
  @Override
  public A forwardBlock(A x, int xRows, int r0, int rows) {
    int d = net.width(0);
    requireBlock(x, xRows, d, r0, rows);
    int last = net.depth() - 1; // T, the last hidden layer (0: no hidden layer)
    // [X_blk | 1] = [X[r0 : r0 + rows, :] | 1]  (rows × (d + 1)), column by column
    A in = blocks.get(0);
    for (int j = 0; j < d; j++) {
      System.arraycopy(x, r0 + j * xRows, in, j * rows, rows);
    }
    kernels.fill(in, d * rows, rows, 1.0);
    if (last == 0) {
      kernels.scalarOutput(in, rows, d, net.weight(1), net.bias(1), output);
      return output;
    }
    for (int l = 1; l <= last; l++) {
      A a = blocks.get(l);
      int width = net.width(l);
      // A_l = H_{l-1} W_lᵀ  (rows × d_l)
      kernels.gemm(
          false,
          true,
          rows,
          width,
          net.width(l - 1),
          in,
          0,
          rows,
          net.weight(l),
          width,
          0.0,
          a,
          rows);
      if (l < last) {
        // [H_l | 1] = [relu(A_l + 1 b_lᵀ) | 1], in place
        kernels.addBiasRelu(a, rows, width, net.bias(l));
        kernels.fill(a, width * rows, rows, 1.0);
        in = a;
      } else {
        // H_T = relu(A_T + 1 b_Tᵀ);  g = H_T w_L + b_L;  A_T ← 1[H_T > 0]
        kernels.reluOutputAndMask(
            a, rows, width, net.bias(l), net.weight(l + 1), net.bias(l + 1), output, scratch);
      }
    }
    return output;
  }
}
