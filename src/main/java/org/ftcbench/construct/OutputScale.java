package org.ftcbench.construct;

/**
 * The 3-layer theory assumes z_i ∈ [−1, 1] (Sohn et al. 2024, Section 5, following Yun et al.).
 * Larger targets are handled by building g' for z / s with s = max_i |z_i| and returning g = s · g'
 * (the output layer multiplied by s), rather than failing.
 */
final class OutputScale {
  private OutputScale() {}

  /** s = max(1, max_i |z_i|). */
  static double of(double[] z) {
    double s = 1;
    for (double v : z) {
      s = Math.max(s, Math.abs(v));
    }
    return s;
  }

  static double[] scaled(double[] z, double s) {
    double[] t = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      t[i] = z[i] / s;
    }
    return t;
  }
}
