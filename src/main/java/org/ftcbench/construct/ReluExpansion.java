package org.ftcbench.construct;

/**
 * A piecewise-linear activation written as ReLUs: σ(s) = constant + Σ_r coef_r · relu(dir_r · s +
 * shift_r), dir_r = ±1. This is how the hard-tanh, bump, σ_L and σ_T of the 3-layer constructions
 * become plain ReLU neurons (docs/design.md, "Exported adapter"): each term is one hidden ReLU that
 * reads the same pre-activation s, and {@code constant} moves into the next layer's bias.
 *
 * <p>Any ReLU form of an activation that is flat on both sides cancels large terms on one side
 * (there, several ReLUs are active and their sum is constant). Each factory therefore takes the
 * side on which it must be exact ("exactBelow": all ReLUs are 0 for s below the kinks), so that the
 * construction can put the cancelling side where the pre-activations are small.
 *
 * @param constant the constant term
 * @param dir the direction of each ReLU's input, +1 or −1
 * @param shift the bias added to dir·s
 * @param coef the output weight of each ReLU
 */
public record ReluExpansion(double constant, double[] dir, double[] shift, double[] coef) {

  /** The number of ReLUs. */
  public int size() {
    return coef.length;
  }

  /** σ(s), evaluated term by term (the slow reference). */
  public double apply(double s) {
    double v = constant;
    for (int r = 0; r < coef.length; r++) {
      v += coef[r] * Math.max(0, dir[r] * s + shift[r]);
    }
    return v;
  }

  /**
   * Hard-tanh σ_H(s) = clip(s, −1, 1) (Eq. 23) as 2 ReLUs: relu(s + 1) − relu(s − 1) − 1, exact for
   * s ≤ −1, or its mirror 1 − relu(1 − s) + relu(−1 − s), exact for s ≥ 1.
   */
  public static ReluExpansion hardTanh(boolean exactBelow) {
    return exactBelow
        ? new ReluExpansion(-1, new double[] {1, 1}, new double[] {1, -1}, new double[] {1, -1})
        : new ReluExpansion(1, new double[] {-1, -1}, new double[] {1, -1}, new double[] {-1, 1});
  }

  /**
   * The bump σ_B of U2 (docs/paper-notes.md §3.7) centred at z with half-width δ: 0 outside [z − δ,
   * z + δ], z at s = z, linear in between; 3 ReLUs: (z/δ)[relu(s − z + δ) − 2 relu(s − z) + relu(s
   * − z − δ)], or the mirror image in s ↦ 2z − s when not exact below.
   */
  public static ReluExpansion bump(double z, double delta, boolean exactBelow) {
    double h = z / delta;
    if (exactBelow) {
      return new ReluExpansion(
          0,
          new double[] {1, 1, 1},
          new double[] {-z + delta, -z, -z - delta},
          new double[] {h, -2 * h, h});
    }
    return new ReluExpansion(
        0,
        new double[] {-1, -1, -1},
        new double[] {z + delta, z, z - delta},
        new double[] {h, -2 * h, h});
  }

  /**
   * The continuous σ_L of U3 (docs/paper-notes.md §3.8, [I✓]; the paper's is discontinuous): s on
   * [−1, 1], linear ramps to 0 on [1, 1 + δ] and [−1 − δ, −1], 0 beyond. 4 ReLUs: −(1/δ) relu(s + 1
   * + δ) + (1 + 1/δ) relu(s + 1) − (1 + 1/δ) relu(s − 1) + (1/δ) relu(s − 1 − δ), or the odd mirror
   * image −σ_L(−s), exact above.
   */
  public static ReluExpansion sigmaL(double delta, boolean exactBelow) {
    double a = 1 / delta;
    double b = 1 + 1 / delta;
    if (exactBelow) {
      return new ReluExpansion(
          0,
          new double[] {1, 1, 1, 1},
          new double[] {1 + delta, 1, -1, -1 - delta},
          new double[] {-a, b, -b, a});
    }
    return new ReluExpansion(
        0,
        new double[] {-1, -1, -1, -1},
        new double[] {1 + delta, 1, -1, -1 - delta},
        new double[] {a, -b, b, -a});
  }

  /**
   * σ_T of Appendix A: s for s < 1, −(1/δ)(s − 1 − δ) on [1, 1 + δ], 0 beyond. Two left-facing
   * ReLUs suffice, (1/δ) relu(1 + δ − s) − (1 + 1/δ) relu(1 − s), exact (all zero) for s ≥ 1 + δ
   * and with no constant. The paper counts σ_T as 2 ReLUs; the paper notes (§3.5, "derived by hand,
   * not run") claim 3 are needed, which this form refutes (a test pins it).
   */
  public static ReluExpansion sigmaT(double delta) {
    return new ReluExpansion(
        0,
        new double[] {-1, -1},
        new double[] {1 + delta, 1},
        new double[] {1 / delta, -1 - 1 / delta});
  }
}
