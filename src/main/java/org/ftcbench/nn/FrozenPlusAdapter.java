package org.ftcbench.nn;

import java.util.List;
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
 *
 * <p>f always runs in float64 (it is the given model); g trains in the precision of its {@link
 * Weights}, and z is rounded to it once formed.
 *
 * @param <A> the array type of g's precision
 */
public final class FrozenPlusAdapter<A> {
  /** Whether f's outputs are computed once or on every step. */
  public enum FMode {
    CACHED,
    RECOMPUTE
  }

  private final Weights<A> adapter;
  private final Kernels<A> kernels;
  private final DoubleMatrix xDouble;
  private final A x;
  private final DoubleMatrix y;
  private final FMode mode;
  private final Optimizer<A> optimizer;
  private final MseGradient<A> gradient;
  private final ForwardPass<double[]> frozen;

  /** z in double: all K rows (CACHED) or the current block (RECOMPUTE). */
  private final double[] residualDouble;

  /** z in g's precision, the same rows. */
  private final A residual;

  /**
   * @param f the frozen network (never modified)
   * @param g the adapter's parameters, trained in place
   * @param x inputs, K × d
   * @param y targets, K × 1
   */
  public FrozenPlusAdapter(
      DenseNetwork f,
      Weights<A> g,
      DoubleMatrix x,
      DoubleMatrix y,
      FMode mode,
      Optimizer<A> optimizer,
      int blockRows) {
    Shapes.require(y, x.rows, 1, "y");
    if (f.inputDim() != x.columns || g.width(0) != x.columns) {
      throw new IllegalArgumentException(
          "f takes d = "
              + f.inputDim()
              + ", g takes d = "
              + g.width(0)
              + ", X has "
              + x.columns
              + " columns");
    }
    this.adapter = g;
    this.kernels = g.kernels();
    this.xDouble = x;
    this.x = kernels.allocate(x.length);
    kernels.fromDoubles(x.data, this.x);
    this.y = y;
    this.mode = mode;
    this.optimizer = optimizer;
    this.gradient = new MseGradient<>(g, blockRows);
    this.frozen = ForwardPass.of(f, blockRows);
    int residualRows = mode == FMode.CACHED ? x.rows : blockRows;
    this.residualDouble = new double[residualRows];
    this.residual = kernels.allocate(residualRows);
    if (mode == FMode.CACHED) {
      for (int r0 = 0; r0 < x.rows; r0 += blockRows) {
        residualOfBlock(r0, Math.min(blockRows, x.rows - r0), r0);
      }
      kernels.fromDoubles(residualDouble, residual);
    }
  }

  /** z_i = y_i − f(x_i) for rows [r0, r0 + rows), written to residualDouble[dOff …]. */
  private void residualOfBlock(int r0, int rows, int dOff) {
    double[] fx = frozen.forwardBlock(xDouble.data, xDouble.rows, r0, rows);
    for (int i = 0; i < rows; i++) {
      residualDouble[dOff + i] = y.data[r0 + i] - fx[i];
    }
  }

  /** One full-batch step: computes ℓ_FT and its gradient at the current g, then updates g. */
  public double step() {
    double loss = lossAndGradient();
    update();
    return loss;
  }

  /** Updates g with the optimizer from the gradient of the last {@link #lossAndGradient}. */
  public void update() {
    optimizer.update(adapter.parameters(), gradient.gradients());
  }

  /** ℓ_FT at the current g, leaving its gradient in {@link #gradients()}; g is not changed. */
  public double lossAndGradient() {
    gradient.zero();
    int blockRows = gradient.blockRows();
    int k = xDouble.rows;
    double sumSq = 0;
    for (int r0 = 0; r0 < k; r0 += blockRows) {
      int rows = Math.min(blockRows, k - r0);
      if (mode == FMode.CACHED) {
        sumSq += gradient.accumulateBlock(x, k, r0, rows, residual, r0, k);
      } else {
        residualOfBlock(r0, rows, 0);
        kernels.fromDoubles(residualDouble, residual);
        sumSq += gradient.accumulateBlock(x, k, r0, rows, residual, 0, k);
      }
    }
    gradient.finish();
    return sumSq / k;
  }

  public List<A> gradients() {
    return gradient.gradients();
  }

  public Weights<A> adapter() {
    return adapter;
  }

  public FMode mode() {
    return mode;
  }
}
