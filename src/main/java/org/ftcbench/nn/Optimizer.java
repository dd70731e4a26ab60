package org.ftcbench.nn;

import java.util.List;
import org.jblas.DoubleMatrix;

/** One update of parameters θ in place from their gradients ∇ℓ(θ). */
public interface Optimizer {
  /**
   * Updates {@code params} in place. {@code grads.get(i)} is the gradient of {@code params.get(i)}
   * and has its shape.
   */
  void update(List<DoubleMatrix> params, List<DoubleMatrix> grads);
}
