package org.ftcbench.construct;

import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;

/**
 * Checks a certificate: evaluates f + g on all K samples with {@link ForwardPass} in row blocks
 * (memory O(block × width), whatever K is) and measures max_i |(f + g)(x_i) − y'_i| (Eq. 2).
 *
 * @param maxAbsResidual max_i |(f + g)(x_i) − y'_i|, the certificate
 * @param maxAbsResidualOfG max_i |g(x_i) − z_i|, what a check of the exported adapter against its
 *     residual targets sees (equal up to the rounding of adding f)
 * @param tolerance the allowed residual ({@link Tolerance#of})
 * @param maxAbsWeight the largest |parameter| of g, the conditioning indicator of the λ scaling
 */
public record Verification(
    double maxAbsResidual, double maxAbsResidualOfG, double tolerance, double maxAbsWeight) {

  /** Whether the residual is within the tolerance. */
  public boolean passed() {
    return maxAbsResidual <= tolerance;
  }

  /** Evaluates f + g on every sample of the task. */
  public static Verification of(FineTuningTask task, DenseNetwork g) {
    int k = task.k();
    DenseNetwork f = task.f();
    int block = Math.min(ForwardPass.defaultBlockRows(g.widths()), k);
    ForwardPass gPass = new ForwardPass(g, block);
    ForwardPass fPass =
        new ForwardPass(f, Math.min(block, ForwardPass.defaultBlockRows(f.widths())));
    double[] fBlock = new double[block];
    double worst = 0;
    double worstG = 0;
    double maxZ = 0;
    double maxY = 0;
    double[] y = task.yPrime().data;
    double[] z = task.z().data;
    for (int r0 = 0; r0 < k; r0 += block) {
      int rows = Math.min(block, k - r0);
      for (int f0 = 0; f0 < rows; f0 += fPass.blockRows()) {
        int fr = Math.min(fPass.blockRows(), rows - f0);
        System.arraycopy(fPass.forwardBlock(task.x(), r0 + f0, fr), 0, fBlock, f0, fr);
      }
      double[] gOut = gPass.forwardBlock(task.x(), r0, rows);
      for (int i = 0; i < rows; i++) {
        double r = Math.abs(fBlock[i] + gOut[i] - y[r0 + i]);
        // a NaN residual must fail, so compare with ! >
        if (!(r <= worst)) {
          worst = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
        }
        double rg = Math.abs(gOut[i] - z[r0 + i]);
        if (!(rg <= worstG)) {
          worstG = Double.isNaN(rg) ? Double.POSITIVE_INFINITY : rg;
        }
        maxZ = Math.max(maxZ, Math.abs(z[r0 + i]));
        maxY = Math.max(maxY, Math.abs(y[r0 + i]));
      }
    }
    return new Verification(worst, worstG, Tolerance.of(maxZ, maxY), g.maxAbsParameter());
  }
}
