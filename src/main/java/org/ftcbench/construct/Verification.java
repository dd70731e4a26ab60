package org.ftcbench.construct;

import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.DenseNetwork;

/**
 * Checks a certificate: max_i |(f + g)(x_i) − y'_i| (Eq. 2) over all K samples.
 *
 * <p>Two evaluations of g. The float64 forward pass ({@link SharedRowForward}: each distinct weight
 * row once, row blocks, bounded memory whatever K is) is what a user of the adapter sees: the
 * weights rounded to double. The exact one ({@link ExactForward}, double-double, low parts of the
 * weights included) is what the certificate's weights define, and it decides the certificate. The
 * float64 pass is not good enough for that: it cancels terms of size |W| · (range of aᵀx), 10⁸ and
 * more at K = 10^5, and loses 1e−7 and more of an accuracy that the weights do not lack.
 *
 * @param maxAbsResidual max_i |(f + g)(x_i) − y'_i|, the certificate: exact if {@link #exact}
 * @param maxAbsResidualOfG max_i |g(x_i) − z_i|, what a check of the exported adapter against its
 *     residual targets sees (the same evaluation; equal up to the rounding of adding f)
 * @param float64Residual max_i |(f + g)(x_i) − y'_i| with g's float64 forward pass
 * @param exact whether g was evaluated exactly (double-double) for the first two
 * @param tolerance the allowed residual ({@link Tolerance#of})
 * @param maxAbsWeight the largest |parameter| of g, the conditioning indicator
 */
public record Verification(
    double maxAbsResidual,
    double maxAbsResidualOfG,
    double float64Residual,
    boolean exact,
    double tolerance,
    double maxAbsWeight) {

  /** Whether the residual is within the tolerance. */
  public boolean passed() {
    return maxAbsResidual <= tolerance;
  }

  /** Which arithmetic decided the certificate, for printing. */
  public String arithmetic() {
    return exact ? "exact" : "float64";
  }

  /**
   * Evaluates f + g on every sample of a task, for a g whose parameters are doubles; the exact
   * evaluation uses first-layer row 0 as the direction (right for the 2-layer interpolant).
   */
  public static Verification of(FineTuningTask task, DenseNetwork g) {
    double[] a = g.depth() >= 2 && g.width(1) > 0 ? g.weight(1).getRow(0).data : null;
    return of(task, PreciseNetwork.of(g), a);
  }

  /**
   * Evaluates f + g on every sample of the task: exactly when every first-layer row of g is a
   * multiple of the projection direction a ({@link ExactForward#alongDirection}), else in float64.
   */
  public static Verification of(FineTuningTask task, PreciseNetwork weights, double[] a) {
    int k = task.k();
    DenseNetwork f = task.f();
    DenseNetwork g = weights.network();
    double[] fx = f.predict(task.x()).data;
    double[] gFloat = new SharedRowForward(g).evaluate(task.x());
    double[] gExact =
        g.neurons() == 0
            ? ExactForward.dense(weights, task.x())
            : ExactForward.alongDirection(weights, a, task.x());
    boolean exact = gExact != null;
    double[] gx = exact ? gExact : gFloat;
    double[] y = task.yPrime().data;
    double[] z = task.z().data;
    DoubleDouble sum = new DoubleDouble();
    double worst = 0;
    double worstG = 0;
    double worstFloat = 0;
    double maxZ = 0;
    double maxY = 0;
    for (int i = 0; i < k; i++) {
      // f(x_i) + g(x_i) − y'_i without a rounding of its own, so that an exact g stays exact
      worst = worse(worst, Math.abs(sum.setZero().add(fx[i]).add(gx[i]).add(-y[i]).value()));
      worstG = worse(worstG, Math.abs(gx[i] - z[i]));
      worstFloat = worse(worstFloat, Math.abs(fx[i] + gFloat[i] - y[i]));
      maxZ = Math.max(maxZ, Math.abs(z[i]));
      maxY = Math.max(maxY, Math.abs(y[i]));
    }
    return new Verification(
        worst, worstG, worstFloat, exact, Tolerance.of(maxZ, maxY), g.maxAbsParameter());
  }

  /** The larger of the two, where a NaN residual counts as infinitely bad (it must fail). */
  private static double worse(double worst, double r) {
    return r <= worst ? worst : Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
  }
}
