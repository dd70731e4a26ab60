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
 *       soon as two slopes differ (paper notes §3.3, [P-typo]); a test pins the fix.
 * </ul>
 *
 * <p>A removed point lies between two kept endpoints of the same unchanged block, both with target
 * 0, where the interpolant is linear, so it is 0 there too. m = |J| − 1 = K − 1 − Σ max{|P| − 2, 0}
 * (Eq. 12) ≤ min{3N + 1, K − 1}. When every target is 0 (N = 0, or z = 0 on all of T), g = 0 with
 * no neurons at all.
 */
public final class TwoLayerInterpolant {
  private TwoLayerInterpolant() {}

  /** The adapter for the projected task. */
  public static DenseNetwork build(Projection p) {
    int d = p.a().length;
    if (allZero(p.z())) {
      return new DenseNetwork(d, 0, 1);
    }
    int[] j = KeptSet.of(p.changed());
    int m = j.length - 1;
    DenseNetwork g = new DenseNetwork(d, m, 1);
    double[] w1 = g.weight(1).data; // m × d, column-major
    double[] b1 = g.bias(1).data;
    double[] w2 = g.weight(2).data; // 1 × m
    double previousSlope = 0;
    for (int k = 0; k < m; k++) {
      double w = p.c()[j[k]];
      double slope = (p.z()[j[k + 1]] - p.z()[j[k]]) / (p.c()[j[k + 1]] - w);
      for (int col = 0; col < d; col++) {
        w1[col * m + k] = p.a()[col];
      }
      b1[k] = -w;
      w2[k] = slope - previousSlope;
      previousSlope = slope;
    }
    g.bias(2).data[0] = p.z()[j[0]];
    return g;
  }

  static boolean allZero(double[] v) {
    for (double x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
