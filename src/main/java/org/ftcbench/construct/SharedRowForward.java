package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * The float64 forward pass of a plain ReLU network that computes each <em>distinct</em> weight row
 * once: a_j = relu(w_{r(j)}ᵀh + b_j), where r(j) is the distinct row equal (bit for bit) to row j.
 *
 * <p>The constructions expand every special activation into ReLUs that share one input row and
 * differ only in their biases: the 2-layer interpolant's m neurons all read aᵀx (W1 = 1_m aᵀ); a
 * hard-tanh is 2 ReLUs, σ_L 4, a U2 bump 3, and U2's 3N bumps reuse the rows of U1's √K layer-2
 * neurons. A dense pass pays for every copy: U2 at N = 10,000, K = 100,000 has 30,000 layer-2 ReLUs
 * reading 632 inputs, 1.9e12 multiply-adds, about 10 minutes. Computing the 316 distinct rows once
 * costs 2e10. The function is the same, and so is every dot product; only BLAS's summation order
 * can differ (by a few ulps).
 *
 * <p>Blocks of rows keep memory at about {@link #BLOCK_DOUBLES} doubles per layer whatever K is.
 * Workspaces are allocated once per block size, not per block.
 */
final class SharedRowForward {
  /** About 128 MB per activation buffer. */
  static final long BLOCK_DOUBLES = 1L << 24;

  private final DenseNetwork g;

  /** Per layer l (index l − 1): the distinct rows, transposed (d_{l−1} × r_l), for one gemm. */
  private final DoubleMatrix[] distinctRowsT;

  /** Per layer: which distinct row each of the d_l neurons reads. */
  private final int[][] rowOf;

  SharedRowForward(DenseNetwork g) {
    this.g = g;
    int layers = g.depth();
    distinctRowsT = new DoubleMatrix[layers];
    rowOf = new int[layers][];
    for (int l = 1; l <= layers; l++) {
      DoubleMatrix w = g.weight(l);
      PreciseNetwork.DistinctRows rows = PreciseNetwork.of(g).distinctRows(l);
      DoubleMatrix t = new DoubleMatrix(w.columns, rows.count());
      for (int u = 0; u < rows.count(); u++) {
        for (int c = 0; c < w.columns; c++) {
          t.put(c, u, w.get(rows.representative()[u], c));
        }
      }
      distinctRowsT[l - 1] = t;
      rowOf[l - 1] = rows.rowOf();
    }
  }

  /** Multiply-adds of one pass over K samples: K × Σ_l (distinct rows_l × d_{l−1}). */
  long multiplyAdds(long k) {
    long perSample = 0;
    for (DoubleMatrix t : distinctRowsT) {
      perSample += (long) t.rows * t.columns;
    }
    return Math.multiplyHigh(k, perSample) != 0 ? Long.MAX_VALUE : k * perSample;
  }

  /** g(x_i) for every row of x. */
  double[] evaluate(DoubleMatrix x) {
    int k = x.rows;
    int widest = 1;
    for (int l = 0; l <= g.depth(); l++) {
      widest = Math.max(widest, g.widths()[l]);
    }
    int block = (int) Math.max(1, Math.min(k, BLOCK_DOUBLES / widest));
    double[] out = new double[k];
    Workspace ws = null;
    for (int r0 = 0; r0 < k; r0 += block) {
      int rows = Math.min(block, k - r0);
      if (ws == null || ws.rows != rows) {
        ws = new Workspace(rows);
      }
      System.arraycopy(ws.pass(x, r0), 0, out, r0, rows);
    }
    return out;
  }

  /** The activations of one block of rows, for every layer. */
  private final class Workspace {
    final int rows;
    final DoubleMatrix input;
    final DoubleMatrix[] pre; // rows × r_l: the distinct rows' dot products
    final DoubleMatrix[] act; // rows × d_l: relu(pre[r(j)] + b_j), or + b_j for the output

    Workspace(int rows) {
      this.rows = rows;
      input = new DoubleMatrix(rows, g.inputDim());
      pre = new DoubleMatrix[g.depth()];
      act = new DoubleMatrix[g.depth()];
      for (int l = 1; l <= g.depth(); l++) {
        pre[l - 1] = new DoubleMatrix(rows, distinctRowsT[l - 1].columns);
        act[l - 1] = new DoubleMatrix(rows, g.width(l));
      }
    }

    double[] pass(DoubleMatrix x, int r0) {
      for (int c = 0; c < x.columns; c++) {
        System.arraycopy(x.data, c * x.rows + r0, input.data, c * rows, rows);
      }
      DoubleMatrix h = input;
      for (int l = 1; l <= g.depth(); l++) {
        // pre (rows × r_l) = h (rows × d_{l−1}) · distinct rowsᵀ (d_{l−1} × r_l)
        if (pre[l - 1].columns > 0) {
          h.mmuli(distinctRowsT[l - 1], pre[l - 1]);
        }
        double[] p = pre[l - 1].data;
        double[] a = act[l - 1].data;
        double[] b = g.bias(l).data;
        int[] map = rowOf[l - 1];
        boolean hidden = l < g.depth();
        for (int j = 0; j < map.length; j++) {
          int from = map[j] * rows;
          int to = j * rows;
          for (int i = 0; i < rows; i++) {
            double v = p[from + i] + b[j];
            a[to + i] = hidden && v < 0 ? 0 : v; // relu; a NaN stays NaN
          }
        }
        h = act[l - 1];
      }
      return h.data;
    }
  }
}
