package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;

/**
 * The certified 2-layer adapter (Sohn et al. 2024, Theorem 4.1 upper bound, Theorem 4.4, Lemma 4.5,
 * Eq. 6): g(x) = W2 σ(1_m aᵀx + b1) + b2, the one-dimensional piecewise-linear interpolant through
 * the kept points (w_k, t_k) = (c_{j_k}, z_{j_k}), k = 1 … |J|, of the kept set J ({@link
 * KeptSet}), with m = |J| − 1 ReLUs that all share the input weight a.
 *
 * <ul>
 *   <li>b1_k = −w_k for k = 1 … m: neuron k bends at w_k;
 *   <li>b2 = t_1 (the paper's base case writes "b1 = z1", a typo for b2);
 *   <li>W2_k = s_k − s_{k−1} with s_k = (t_{k+1} − t_k)/(w_{k+1} − w_k) and s_0 = 0: the <em>slope
 *       increments</em>. The paper's induction appends the new slope s_k itself, which is wrong as
 *       soon as two slopes differ (docs/paper-notes.md §3.3, [P-typo]); a test pins the fix.
 * </ul>
 *
 * <p>A removed point lies between two kept endpoints of the same unchanged block, both with target
 * 0, where the interpolant is linear, so it is 0 there too. m = |J| − 1 = K − 1 − Σ max{|P| − 2, 0}
 * (Eq. 12) ≤ min{3N + 1, K − 1}. When every target is 0 (N = 0, or z = 0 on all of T), g = 0 with
 * no neurons at all.
 *
 * <p><b>Exact in the weights it stores.</b> The slopes reach |z|/(smallest gap between
 * projections), 1e8 at K = 10^5 and 1e13 for clusters of near-duplicate inputs, so knots and slope
 * increments rounded to double would miss the targets by slope · ulp(c) (the knots) and 1e−16 ·
 * slope · (range of c) (the weights): 6e−5 on clusters of spread 1e−10. Instead:
 *
 * <ol>
 *   <li>The knot of kept point k is its exact projection C_k = aᵀx_{j_k}, stored as the
 *       double-double bias −C_k ({@link Projection#cLow}), so every kept point sits on its knot.
 *       The last kept point is no knot: the last line aims at it.
 *   <li>The output weights are solved one by one against the function the stored weights before
 *       them define ({@link PiecewiseLinear}), and stored in double-double (plus a third double
 *       where that matters): after a steep segment of slope S the next weight is about −S, and a
 *       double would resolve the following slope only to 1.1e−16 · S.
 * </ol>
 *
 * The float64 network (the weights rounded to double) still cancels 1e8-sized terms; {@link
 * Verification} evaluates the stored weights exactly ({@link ExactForward}).
 */
public final class TwoLayerInterpolant {
  private TwoLayerInterpolant() {}

  /** The adapter for the projected task; its parameters are double-double numbers. */
  public static PreciseNetwork build(Projection p) {
    int d = p.a().length;
    if (allZero(p.z())) {
      return PreciseNetwork.of(new DenseNetwork(d, 0, 1));
    }
    int[] j = KeptSet.of(p.changed());
    int m = j.length - 1;
    double[] c = p.c();
    double[] knotHi = new double[m];
    double[] knotLo = new double[m];
    PiecewiseLinear.Piece[] pieces = new PiecewiseLinear.Piece[m];
    for (int k = 0; k < m; k++) {
      knotHi[k] = c[j[k]];
      knotLo[k] = p.cLow()[j[k]];
      // g is linear from kept point k to kept point k + 1 and passes through the latter
      pieces[k] = new PiecewiseLinear.Through(c[j[k + 1]], p.cLow()[j[k + 1]], p.z()[j[k + 1]]);
    }
    double maxZ = 0;
    for (double v : p.z()) {
      maxZ = Math.max(maxZ, Math.abs(v));
    }
    PiecewiseLinear.Solution s =
        new PiecewiseLinear(knotHi, knotLo, p.gap(0, c.length - 1), NEGLIGIBLE * maxZ)
            .solve(p.z()[j[0]], pieces);
    DenseNetwork g = new DenseNetwork(d, m, 1);
    DenseNetwork low = new DenseNetwork(d, m, 1);
    DenseNetwork third = s.hasThird() ? new DenseNetwork(d, m, 1) : null;
    double[] w1 = g.weight(1).data; // m × d, column-major
    for (int k = 0; k < m; k++) {
      for (int col = 0; col < d; col++) {
        w1[col * m + k] = p.a()[col];
      }
      // neuron k: relu(aᵀx − C_k), C_k in double-double
      g.bias(1).data[k] = -knotHi[k];
      low.bias(1).data[k] = -knotLo[k];
    }
    System.arraycopy(s.hi(), 0, g.weight(2).data, 0, m);
    System.arraycopy(s.lo(), 0, low.weight(2).data, 0, m);
    if (third != null) {
      System.arraycopy(s.third(), 0, third.weight(2).data, 0, m);
    }
    g.bias(2).data[0] = s.biasHi();
    low.bias(2).data[0] = s.biasLo();
    return new PreciseNetwork(g, low, third);
  }

  /**
   * What a stored parameter may leave out, relative to max |z|: 1e−12 of the tolerance ({@link
   * Tolerance#RELATIVE}).
   */
  static final double NEGLIGIBLE = 1e-20;

  static boolean allZero(double[] v) {
    for (double x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
