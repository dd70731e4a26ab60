package org.ftcbench.nn;

import org.jblas.DoubleMatrix;

/**
 * Trains an adapter g so that f + g fits targets y, with f frozen: the loss is
 *
 * <pre>
 *   ℓ_FT(g) = (1/K) Σ_i (f(x_i) + g(x_i) − y_i)² = (1/K) Σ_i (g(x_i) − z_i)²,   z = y − f(X).
 * </pre>
 *
 * Because f is frozen, {@link FMode#CACHED} computes z once and every step only touches g. {@link
 * FMode#RECOMPUTE} evaluates f on every block of every step, as a naive implementation would; the
 * benchmarks compare the two. Both form z_i = y_i − f(x_i) with the same blocks and the same BLAS
 * calls, so they produce bit-identical parameters step for step.
 */
public final class FrozenPlusAdapter {
  /** Whether f's outputs are computed once or on every step. */
  public enum FMode {
    CACHED,
    RECOMPUTE
  }

  private final DenseNetwork adapter;
  private final java.util.List<DoubleMatrix> adapterParameters;
  private final DoubleMatrix x;
  private final DoubleMatrix y;
  private final FMode mode;
  private final Optimizer optimizer;
  private final MseGradient gradient;
  private final ForwardPass frozen;

  /** CACHED: z = y − f(X) for all K rows. RECOMPUTE: z for the current block only. */
  private final double[] residual;

  /**
   * @param f the frozen network (never modified)
   * @param g the adapter, trained in place
   * @param x inputs, K × d
   * @param y targets, K × 1
   */
  public FrozenPlusAdapter(
      DenseNetwork f,
      DenseNetwork g,
      DoubleMatrix x,
      DoubleMatrix y,
      FMode mode,
      Optimizer optimizer,
      int blockRows) {
    Shapes.require(y, x.rows, 1, "y");
    if (f.inputDim() != x.columns || g.inputDim() != x.columns) {
      throw new IllegalArgumentException(
          "f takes d = "
              + f.inputDim()
              + ", g takes d = "
              + g.inputDim()
              + ", X has "
              + x.columns
              + " columns");
    }
    this.adapter = g;
    this.adapterParameters = g.parameters();
    this.x = x;
    this.y = y;
    this.mode = mode;
    this.optimizer = optimizer;
    this.gradient = new MseGradient(g, blockRows);
    this.frozen = new ForwardPass(f, blockRows);
    if (mode == FMode.CACHED) {
      residual = new double[x.rows];
      for (int r0 = 0; r0 < x.rows; r0 += blockRows) {
        int rows = Math.min(blockRows, x.rows - r0);
        residualOfBlock(r0, rows, residual, r0);
      }
    } else {
      residual = new double[blockRows];
    }
  }

  /** z_i = y_i − f(x_i) for rows [r0, r0 + rows), written to dst[dOff …]. */
  private void residualOfBlock(int r0, int rows, double[] dst, int dOff) {
    double[] fx = frozen.forwardBlock(x, r0, rows);
    for (int i = 0; i < rows; i++) {
      dst[dOff + i] = y.data[r0 + i] - fx[i];
    }
  }

  /** One full-batch step: computes ℓ_FT and its gradient at the current g, then updates g. */
  public double step() {
    double loss = lossAndGradient();
    optimizer.update(adapterParameters, gradient.gradients());
    return loss;
  }

  /** ℓ_FT at the current g, leaving its gradient in {@link #gradients()}; g is not changed. */
  public double lossAndGradient() {
    gradient.zero();
    int blockRows = gradient.forwardPass().blockRows();
    double sumSq = 0;
    for (int r0 = 0; r0 < x.rows; r0 += blockRows) {
      int rows = Math.min(blockRows, x.rows - r0);
      if (mode == FMode.CACHED) {
        sumSq += gradient.accumulateBlock(x, r0, rows, residual, r0, x.rows);
      } else {
        residualOfBlock(r0, rows, residual, 0);
        sumSq += gradient.accumulateBlock(x, r0, rows, residual, 0, x.rows);
      }
    }
    return sumSq / x.rows;
  }

  public java.util.List<DoubleMatrix> gradients() {
    return gradient.gradients();
  }

  public DenseNetwork adapter() {
    return adapter;
  }

  public FMode mode() {
    return mode;
  }
}
