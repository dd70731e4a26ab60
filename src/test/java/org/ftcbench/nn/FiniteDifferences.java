package org.ftcbench.nn;

import java.util.List;
import java.util.function.DoubleSupplier;

/** Gradients checked against central finite differences. */
final class FiniteDifferences {
  private FiniteDifferences() {}

  /**
   * ‖analytic − numeric‖ / ‖analytic‖ (the denominator at least 1e-8) over every scalar of {@code
   * params}, with numeric = (ℓ(θ + h) − ℓ(θ − h)) / 2h, each θ perturbed in place and restored;
   * {@code analytic.get(p)} is the gradient of {@code params.get(p)}.
   */
  static double relativeError(
      List<double[]> params, List<double[]> analytic, DoubleSupplier loss, double h) {
    if (analytic.size() != params.size()) {
      throw new IllegalArgumentException(
          analytic.size() + " gradients for " + params.size() + " parameters");
    }
    double sqErr = 0;
    double sqNorm = 0;
    for (int p = 0; p < params.size(); p++) {
      double[] theta = params.get(p);
      double[] gradient = analytic.get(p);
      if (gradient.length != theta.length) {
        throw new IllegalArgumentException(
            "parameter "
                + p
                + " has "
                + theta.length
                + " entries, its gradient "
                + gradient.length);
      }
      for (int i = 0; i < theta.length; i++) {
        double saved = theta[i];
        theta[i] = saved + h;
        double up = loss.getAsDouble();
        theta[i] = saved - h;
        double down = loss.getAsDouble();
        theta[i] = saved;
        double numeric = (up - down) / (2 * h);
        sqErr += (numeric - gradient[i]) * (numeric - gradient[i]);
        sqNorm += gradient[i] * gradient[i];
      }
    }
    return Math.sqrt(sqErr) / Math.max(Math.sqrt(sqNorm), 1e-8);
  }
}
