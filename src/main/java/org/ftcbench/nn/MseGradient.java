package org.ftcbench.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jblas.DoubleMatrix;

/**
 * The mean-squared error ℓ = (1/K) Σ_i (g(x_i) − t_i)² of a {@link DenseNetwork} and its gradient
 * with respect to every W_l and b_l, by back-propagation over row blocks.
 *
 * <p>With δ_L = (2/K)(g(X) − t) and δ_{l-1} = (δ_l W_l) ⊙ 1[H_{l-1} > 0]:
 *
 * <pre>
 *   ∂ℓ/∂W_l = δ_lᵀ H_{l-1}      ∂ℓ/∂b_l = δ_lᵀ 1
 * </pre>
 *
 * summed over the blocks. Workspaces (one δ buffer per layer, one gradient per parameter) are
 * allocated once here; {@link #compute} allocates nothing.
 */
public final class MseGradient {
  private final DenseNetwork net;
  private final ForwardPass forward;

  /** delta[l] is δ_l for the current block (blockRows × d_l), l = 1 … L. */
  private final double[][] delta;

  private final List<DoubleMatrix> gradients;

  public MseGradient(DenseNetwork net, int blockRows) {
    this.net = net;
    this.forward = new ForwardPass(net, blockRows);
    int layers = net.depth();
    this.delta = new double[layers + 1][];
    List<DoubleMatrix> g = new ArrayList<>(2 * layers);
    for (int l = 1; l <= layers; l++) {
      delta[l] = new double[blockRows * net.width(l)];
      g.add(new DoubleMatrix(net.width(l), net.width(l - 1)));
      g.add(new DoubleMatrix(net.width(l), 1));
    }
    this.gradients = Collections.unmodifiableList(g);
  }

  /** ∂ℓ/∂W_1, ∂ℓ/∂b_1, …, in the order of {@link DenseNetwork#parameters()}. */
  public List<DoubleMatrix> gradients() {
    return gradients;
  }

  public ForwardPass forwardPass() {
    return forward;
  }

  /** Sets every gradient to zero before a new accumulation. */
  public void zero() {
    for (int p = 0; p < gradients.size(); p++) { // indexed: an iterator would allocate
      java.util.Arrays.fill(gradients.get(p).data, 0.0);
    }
  }

  /**
   * ℓ at the current parameters, with the gradients of ℓ left in {@link #gradients()}.
   *
   * @param x inputs, K × d
   * @param t targets, K × 1
   */
  public double compute(DoubleMatrix x, DoubleMatrix t) {
    Shapes.require(t, x.rows, 1, "targets");
    zero();
    double sumSq = 0;
    for (int r0 = 0; r0 < x.rows; r0 += forward.blockRows()) {
      int rows = Math.min(forward.blockRows(), x.rows - r0);
      sumSq += accumulateBlock(x, r0, rows, t.data, r0, x.rows);
    }
    return sumSq / x.rows;
  }

  /**
   * Adds the gradient contribution of rows [r0, r0 + rows) of x to {@link #gradients()}.
   *
   * @param target the block's targets are {@code target[tOff … tOff + rows)}
   * @param totalRows K, the number of rows the loss averages over
   * @return Σ (g(x_i) − t_i)² over the block
   */
  public double accumulateBlock(
      DoubleMatrix x, int r0, int rows, double[] target, int tOff, int totalRows) {
    double[] out = forward.forwardBlock(x, r0, rows);
    int layers = net.depth();
    // δ_L = (2/K)(g − t)
    double[] dOut = delta[layers];
    double scale = 2.0 / totalRows;
    double sumSq = 0;
    for (int i = 0; i < rows; i++) {
      double r = out[i] - target[tOff + i];
      sumSq += r * r;
      dOut[i] = scale * r;
    }
    for (int l = layers; l >= 1; l--) {
      int outW = net.width(l);
      int inW = net.width(l - 1);
      double[] h = l == 1 ? forward.inputBlock : forward.hidden[l - 1];
      double[] d = delta[l];
      // dW_l += δ_lᵀ H_{l-1}  (d_l × d_{l-1})
      Blas.accumulateTransposedProduct(
          outW, inW, rows, d, rows, h, 0, rows, gradients.get(2 * (l - 1)).data, outW);
      // db_l += δ_lᵀ 1
      double[] db = gradients.get(2 * (l - 1) + 1).data;
      for (int j = 0; j < outW; j++) {
        double s = 0;
        int col = j * rows;
        for (int i = 0; i < rows; i++) {
          s += d[col + i];
        }
        db[j] += s;
      }
      if (l > 1) {
        double[] prev = delta[l - 1];
        // δ_{l-1} = (δ_l W_l) ⊙ 1[H_{l-1} > 0]  (rows × d_{l-1})
        Blas.multiply(rows, inW, outW, d, rows, net.weight(l).data, outW, prev, rows);
        double[] hp = forward.hidden[l - 1];
        int n = rows * inW;
        // 1[H > 0] without a branch (see ForwardPass): H ≥ 0 after the ReLU, and ⌈min(H, 1)⌉ is
        // exactly 1 for every H > 0 (subnormals included) and 0 for H = 0
        for (int i = 0; i < n; i++) {
          prev[i] *= Math.ceil(Math.min(hp[i], 1.0));
        }
      }
    }
    return sumSq;
  }
}
