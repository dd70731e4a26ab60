package org.ftcbench.nn;

import java.util.List;

/**
 * One update of parameters θ in place from their gradients ∇ℓ(θ).
 *
 * @param <A> the array type of the precision
 */
public interface Optimizer<A> {
  /**
   * Updates {@code params} in place. {@code grads.get(i)} is the gradient of {@code params.get(i)}
   * and has its length.
   */
  void update(List<A> params, List<A> grads);
}
