package org.ftcbench.nn;

import java.util.List;
import org.jblas.DoubleMatrix;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1), per scalar θ with gradient g at step t:
 *
 * <pre>
 *   m ← β1 m + (1 − β1) g          v ← β2 v + (1 − β2) g²
 *   θ ← θ − η · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
 * </pre>
 *
 * The moment buffers are allocated at the first update, for the shapes it sees; later updates
 * allocate nothing.
 */
public final class Adam implements Optimizer {
  private final AdamConfig config;
  private double[][] firstMoment;
  private double[][] secondMoment;
  private int step;

  public Adam(AdamConfig config) {
    this.config = config;
  }

  /** The number of updates done so far (t). */
  public int steps() {
    return step;
  }

  @Override
  public void update(List<DoubleMatrix> params, List<DoubleMatrix> grads) {
    if (firstMoment == null) {
      firstMoment = new double[params.size()][];
      secondMoment = new double[params.size()][];
      for (int p = 0; p < params.size(); p++) {
        firstMoment[p] = new double[params.get(p).length];
        secondMoment[p] = new double[params.get(p).length];
      }
    }
    if (params.size() != firstMoment.length) {
      throw new IllegalArgumentException(
          "Adam was started on " + firstMoment.length + " parameters, now given " + params.size());
    }
    step++;
    double b1 = config.beta1();
    double b2 = config.beta2();
    double correction1 = 1 - Math.pow(b1, step);
    double correction2 = 1 - Math.pow(b2, step);
    double lr = config.learningRate();
    double eps = config.epsilon();
    for (int p = 0; p < params.size(); p++) {
      double[] theta = params.get(p).data;
      double[] g = grads.get(p).data;
      double[] m = firstMoment[p];
      double[] v = secondMoment[p];
      if (g.length != theta.length || m.length != theta.length) {
        throw new IllegalArgumentException(
            "parameter "
                + p
                + " has "
                + theta.length
                + " entries, its gradient "
                + g.length
                + ", Adam's state "
                + m.length);
      }
      for (int i = 0; i < theta.length; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        theta[i] -= lr * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + eps);
      }
    }
  }
}
