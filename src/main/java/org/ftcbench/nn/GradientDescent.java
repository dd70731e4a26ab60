package org.ftcbench.nn;

import java.util.List;
import org.jblas.DoubleMatrix;

/** Plain gradient descent: θ ← θ − η ∇ℓ(θ). */
public final class GradientDescent implements Optimizer {
  private final double learningRate;

  public GradientDescent(double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  @Override
  public void update(List<DoubleMatrix> params, List<DoubleMatrix> grads) {
    for (int p = 0; p < params.size(); p++) {
      DoubleMatrix theta = params.get(p);
      DoubleMatrix g = grads.get(p);
      Shapes.requireSame(theta, g, "parameter " + p, "its gradient");
      // θ ← θ − η g, as an axpy (no temporary)
      org.jblas.SimpleBlas.axpy(-learningRate, g, theta);
    }
  }
}
