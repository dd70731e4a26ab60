package org.ftcbench.nn;

import org.jblas.DoubleMatrix;

/**
 * Trains a {@link LoraWeights} so that the adapted f fits targets y: full-batch steps on
 *
 * <pre>
 *   ℓ_FT = (1/K) Σ_i (f_{W + BA}(x_i) − y_i)²
 * </pre>
 *
 * with the optimizer updating the trainable parameters only (A_l, B_l and, in that variant, b_l); W
 * and the output layer are read, never written. Unlike {@link FrozenPlusAdapter} there is no
 * residual z = y − f(X) to cache: a low-rank change of W moves f's output itself, so every step
 * runs the whole network. X and y are rounded to the kernels' precision once, here.
 *
 * @param <A> the array type of the precision
 */
public final class LoraFineTuning<A> {
  private final LoraWeights<A> lora;
  private final LoraGradient<A> gradient;
  private final Optimizer<A> optimizer;
  private final A x;
  private final A y;
  private final int k;

  /**
   * @param x inputs, K × d
   * @param y targets, K × 1
   */
  public LoraFineTuning(
      LoraWeights<A> lora, DoubleMatrix x, DoubleMatrix y, Optimizer<A> optimizer, int blockRows) {
    Shapes.require(y, x.rows, 1, "y");
    if (lora.base().width(0) != x.columns) {
      throw new IllegalArgumentException(
          "f takes d = " + lora.base().width(0) + ", X has " + x.columns + " columns");
    }
    Kernels<A> kernels = lora.kernels();
    this.lora = lora;
    this.gradient = new LoraGradient<>(lora, blockRows);
    this.optimizer = optimizer;
    this.k = x.rows;
    this.x = kernels.allocate(x.length);
    kernels.fromDoubles(x.data, this.x);
    this.y = kernels.allocate(y.length);
    kernels.fromDoubles(y.data, this.y);
  }

  /** One full-batch step: ℓ_FT and its gradient at the current parameters, then an update. */
  public double step() {
    double loss = loss();
    update();
    return loss;
  }

  /** Updates the trainable parameters with the gradient of the last {@link #loss()}. */
  public void update() {
    optimizer.update(lora.trainable(), gradient.gradients());
  }

  /** ℓ_FT at the current parameters (its gradient is computed too and left unused). */
  public double loss() {
    return gradient.compute(x, k, y);
  }

  public LoraWeights<A> weights() {
    return lora;
  }
}
