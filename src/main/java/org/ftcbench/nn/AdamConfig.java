package org.ftcbench.nn;

/**
 * Adam's settings (Kingma and Ba 2015, Algorithm 1).
 *
 * @param learningRate η, the step size
 * @param beta1 β1, decay of the first-moment (mean) estimate
 * @param beta2 β2, decay of the second-moment (uncentred variance) estimate
 * @param epsilon ε, guards the division when the second moment is near zero
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double epsilon) {
  public AdamConfig {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("Adam learning rate must be > 0, got " + learningRate);
    }
    if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("Adam betas must lie in [0, 1): " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
    }
  }

  /** Kingma and Ba's defaults (η = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8), which work widely. */
  public static AdamConfig defaults() {
    return new AdamConfig(1e-3, 0.9, 0.999, 1e-8);
  }

  /** The defaults with another step size. */
  public static AdamConfig withLearningRate(double learningRate) {
    AdamConfig d = defaults();
    return new AdamConfig(learningRate, d.beta1, d.beta2, d.epsilon);
  }
}
