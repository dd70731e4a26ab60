package org.ftcbench.construct;

import java.util.Arrays;

/**
 * One layer-2 neuron of the 3-layer constructions: the linear system of Sohn et al. 2024, Eqs.
 * 32–35 (paper notes §3.4), solved in closed form.
 *
 * <p>On top of the ramps u_j of {@link IntervalLayer} the pre-activation of a layer-2 neuron is
 * F(c) = F_1 + Σ_j ω_j u_j(c): a continuous piecewise-linear function of c = aᵀx that is linear on
 * each group interval, starts at F_1 and rises by 2ω_j across interval j. The neuron is assigned
 * one point per group, at ramp position u*_j ∈ (0, 2), with target t_j; the conditions F = t_j
 * there are the paper's system K[W2; b2] = targets, and they fix everything but one degree of
 * freedom, solved by a chain over consecutive groups (gotcha (a) of the notes):
 *
 * <pre>ω_j = (t_j − F_j) / u*_j,   F_{j+1} = F_j + 2 ω_j,   F_1 = φ.</pre>
 *
 * So ω = µ + φν is affine in φ, and the paper's λν (ν the null vector, positive once the
 * alternating orientations are taken into account) is φν here. Every non-assigned point of group j
 * must be pushed into the clipping region, |F| ≥ θ, on the side its activation requires (gotcha
 * (c)): within group j, F(q) = t_j + ω_j (u_j(q) − u*_j), so group j needs ω_j ≥ R⁺_j or ω_j ≤
 * −R⁻_j, where the nearest non-assigned neighbours on each side decide R⁺_j and R⁻_j. Each group
 * thus forbids one open interval of φ; this class returns the feasible φ of smallest magnitude,
 * which keeps the weights (the λ scaling) as small as the constraints allow.
 */
final class LayerTwoSystem {
  private LayerTwoSystem() {}

  /**
   * F(c) = f1 + Σ_j ω_j u_j(c), ω_j = omega_j + omegaLow_j in double-double: the weights reach
   * 10⁶–10¹⁰ and a double alone cannot place F at an assigned point to 1e−8.
   */
  record Row(double f1, double[] omega, double[] omegaLow) {
    /** A row whose weights are doubles. */
    Row(double f1, double[] omega) {
      this(f1, omega, new double[omega.length]);
    }
  }

  /**
   * Solves one neuron.
   *
   * @param uStar u*_j ∈ (0, 2), the ramp position of the assigned point of group j
   * @param uStarLow its double-double low part: the ramp the written network computes exactly
   * @param target t_j, its target
   * @param needPos R⁺_j: ω_j > 0 needs ω_j ≥ R⁺_j (0: no constraint, ∞: ω_j > 0 forbidden)
   * @param needNeg R⁻_j: ω_j < 0 needs ω_j ≤ −R⁻_j (likewise)
   */
  static Row solve(
      double[] uStar, double[] uStarLow, double[] target, double[] needPos, double[] needNeg) {
    int n = uStar.length;
    double[] mu = new double[n];
    double[] nu = new double[n];
    double a = 0; // F_j = a + φ b
    double b = 1;
    for (int j = 0; j < n; j++) {
      if (!(uStar[j] > 0 && uStar[j] < 2)) {
        throw new IllegalStateException("assigned point " + j + " at u* = " + uStar[j]);
      }
      mu[j] = (target[j] - a) / uStar[j];
      nu[j] = -b / uStar[j];
      a += 2 * mu[j];
      b += 2 * nu[j];
    }
    double[][] forbidden = new double[n][];
    for (int j = 0; j < n; j++) {
      // ω_j = µ_j + φ ν_j ∈ (−R⁻_j, R⁺_j) is forbidden
      double p = (needPos[j] - mu[j]) / nu[j];
      double q = (-needNeg[j] - mu[j]) / nu[j];
      forbidden[j] = new double[] {Math.min(p, q), Math.max(p, q)};
    }
    double phi = smallestOutside(forbidden);
    if (!Double.isFinite(phi)) {
      throw new IllegalStateException(
          "no layer-2 solution: the clipping constraints exclude every φ");
    }
    // recompute the chain at φ directly, in double-double: ω_j = (t_j − F_j)/u*_j, F_{j+1} = F_j +
    // 2ω_j, so F hits every target to ~1e−30 of the weights, not 1e−16
    double[] omega = new double[n];
    double[] omegaLow = new double[n];
    DoubleDouble f = new DoubleDouble().add(phi);
    DoubleDouble step = new DoubleDouble();
    for (int j = 0; j < n; j++) {
      step.setZero().add(target[j]).add(-f.hi(), -f.lo()).divideBy(uStar[j], uStarLow[j]);
      omega[j] = step.hi();
      omegaLow[j] = step.lo();
      f.add(2 * step.hi(), 2 * step.lo());
    }
    for (double w : omega) {
      if (!Double.isFinite(w)) {
        throw new IllegalStateException("layer-2 weights overflow: the chain is ill-conditioned");
      }
    }
    return new Row(phi, omega, omegaLow);
  }

  /** The number of smallest magnitude outside the union of the open intervals (lo, hi). */
  static double smallestOutside(double[][] intervals) {
    double[][] s = Arrays.stream(intervals).filter(iv -> iv[0] < iv[1]).toArray(double[][]::new);
    Arrays.sort(s, (x, y) -> Double.compare(x[0], y[0]));
    // merge overlapping open intervals; touching ones leave their common end point feasible
    double lo = Double.NaN;
    double hi = Double.NaN;
    for (double[] iv : s) {
      if (!Double.isNaN(lo) && iv[0] < hi) {
        hi = Math.max(hi, iv[1]);
        continue;
      }
      if (!Double.isNaN(lo) && lo < 0 && 0 < hi) {
        return closer(lo, hi);
      }
      lo = iv[0];
      hi = iv[1];
    }
    if (!Double.isNaN(lo) && lo < 0 && 0 < hi) {
      return closer(lo, hi);
    }
    return 0;
  }

  private static double closer(double lo, double hi) {
    return -lo <= hi ? lo : hi;
  }
}
