package org.ftcbench.nn;

import java.util.List;

/**
 * The mean-squared error ℓ = (1/K) Σ_i (g(x_i) − t_i)² of a scalar-output model and its gradient,
 * summed over row blocks of X in a workspace sized once: a step is {@link #zero}, {@link
 * #accumulateBlock} for each block, then {@link #finish}, and allocates nothing. {@link
 * MseGradient} for a dense network, {@link LoraGradient} for its LoRA fine-tuning.
 *
 * @param <A> the array type of the precision
 */
public interface BlockGradient<A> {
  Kernels<A> kernels();

  /** The most rows one block may have. */
  int blockRows();

  /** Starts a step: clears the sums over blocks. */
  void zero();

  /**
   * Adds the contribution of rows [r0, r0 + rows) of x to the step's sums (after {@link #zero},
   * before {@link #finish}).
   *
   * @param target the block's targets are {@code target[tOff … tOff + rows)}
   * @param totalRows K, the number of rows the loss averages over
   * @return Σ (g(x_i) − t_i)² over the block
   */
  double accumulateBlock(A x, int xRows, int r0, int rows, A target, int tOff, int totalRows);

  /** Ends a step: turns the sums over its blocks into {@link #gradients()}. */
  void finish();

  /** ∂ℓ/∂θ, one array per trainable parameter, after {@link #finish}. */
  List<A> gradients();

  /**
   * ℓ at the current parameters, with its gradients left in {@link #gradients()}.
   *
   * @param x inputs, xRows × d (column-major)
   * @param t targets, xRows
   */
  default double compute(A x, int xRows, A t) {
    if (kernels().length(t) != xRows) {
      throw new IllegalArgumentException(
          kernels().length(t) + " targets for " + xRows + " rows of X");
    }
    zero();
    double sumSq = 0;
    for (int r0 = 0; r0 < xRows; r0 += blockRows()) {
      int rows = Math.min(blockRows(), xRows - r0);
      sumSq += accumulateBlock(x, xRows, r0, rows, t, r0, xRows);
    }
    finish();
    return sumSq / xRows;
  }
}
