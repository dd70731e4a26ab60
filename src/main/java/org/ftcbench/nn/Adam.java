package org.ftcbench.nn;

import java.util.List;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1), per scalar θ with gradient g at step t:
 *
 * <pre>
 *   m ← β1 m + (1 − β1) g          v ← β2 v + (1 − β2) g²
 *   θ ← θ − η · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
 * </pre>
 *
 * The moment buffers, in the parameters' precision, are allocated at the first update for the
 * shapes it sees; later updates allocate nothing.
 *
 * @param <A> the array type of the precision
 */
public final class Adam<A> implements Optimizer<A> {
  private final Kernels<A> kernels;
  private final AdamConfig config;
  private A[] firstMoment;
  private A[] secondMoment;
  private int step;

  public Adam(Kernels<A> kernels, AdamConfig config) {
    this.kernels = kernels;
    this.config = config;
  }

  /** Adam in float64. */
  public static Adam<double[]> float64(AdamConfig config) {
    return new Adam<>(Kernels.float64(), config);
  }

  /** The number of updates done so far (t). */
  public int steps() {
    return step;
  }

  @Override
  @SuppressWarnings("unchecked") // arrays of the precision's array type, filled below
  public void update(List<A> params, List<A> grads) {
    if (firstMoment == null) {
      firstMoment = (A[]) new Object[params.size()];
      secondMoment = (A[]) new Object[params.size()];
      for (int p = 0; p < params.size(); p++) {
        firstMoment[p] = kernels.allocate(kernels.length(params.get(p)));
        secondMoment[p] = kernels.allocate(kernels.length(params.get(p)));
      }
    }
    if (params.size() != firstMoment.length || grads.size() != params.size()) {
      throw new IllegalArgumentException(
          "Adam was started on "
              + firstMoment.length
              + " parameters, now given "
              + params.size()
              + " with "
              + grads.size()
              + " gradients");
    }
    step++;
    double correction1 = 1 - Math.pow(config.beta1(), step);
    double correction2 = 1 - Math.pow(config.beta2(), step);
    for (int p = 0; p < params.size(); p++) {
      A theta = params.get(p);
      int n = kernels.length(theta);
      if (kernels.length(grads.get(p)) != n || kernels.length(firstMoment[p]) != n) {
        throw new IllegalArgumentException(
            "parameter "
                + p
                + " has "
                + n
                + " entries, its gradient "
                + kernels.length(grads.get(p))
                + ", Adam's state "
                + kernels.length(firstMoment[p]));
      }
      kernels.adam(
          theta,
          grads.get(p),
          firstMoment[p],
          secondMoment[p],
          config.learningRate(),
          config.beta1(),
          config.beta2(),
          correction1,
          correction2,
          config.epsilon());
    }
  }
}
