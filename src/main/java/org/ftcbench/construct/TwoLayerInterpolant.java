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
 *
 * <p><b>Exact in the weights it stores.</b> The slopes reach |z|/(smallest gap between
 * projections), 1e8 at K = 10^5 (1e10 for near-duplicate inputs), so slope increments computed in
 * double and rounded would miss the targets by about 1e−16 · 1e8 · (range of c) ≈ 1e−7. Instead:
 *
 * <ol>
 *   <li>The knot of kept point k is a double u_k next to its exact projection C_k = aᵀx_{j_k}
 *       (which is rarely a double): rounded down when the segment to its right is the flatter one,
 *       up otherwise, so that C_k lies on the flatter side of its knot and misses by at most
 *       min(|s_{k−1}|, |s_k|) · ulp(C_k). The flatter side of a block endpoint is the block itself
 *       (slope 0), so removed points and block endpoints come out at rounding level; a changed
 *       point only suffers when both its neighbours are very close. The last kept point is no knot:
 *       the line aims at its exact projection.
 *   <li>g interpolates the nodes (u_k, t_k): each output weight is solved from the exact value of
 *       the neurons before it at the next node, in double-double ({@link DoubleDouble}), and kept
 *       in double-double ({@link PreciseNetwork}): after a steep segment of slope S the next weight
 *       is about −S, and a double would resolve the following slope only to 1.1e−16 · S (a changed
 *       sample with a twin 1e−9 away at the sparse end of the line missed by 6.7e−8 that way).
 * </ol>
 *
 * The float64 network (the weights rounded to double) still cancels 1e8-sized terms; {@link
 * Verification} evaluates the double-double weights exactly ({@link ExactForward}).
 */
public final class TwoLayerInterpolant {
  private TwoLayerInterpolant() {}

  /** The adapter for the projected task; its output weights are double-double numbers. */
  public static PreciseNetwork build(Projection p) {
    int d = p.a().length;
    if (allZero(p.z())) {
      return PreciseNetwork.of(new DenseNetwork(d, 0, 1));
    }
    int[] j = KeptSet.of(p.changed());
    int m = j.length - 1;
    double[] u = knots(p, j);
    DenseNetwork g = new DenseNetwork(d, m, 1);
    DenseNetwork low = new DenseNetwork(d, m, 1);
    double[] w1 = g.weight(1).data; // m × d, column-major
    double[] b1 = g.bias(1).data;
    double[] w2 = g.weight(2).data; // 1 × m
    double[] w2Low = low.weight(2).data;
    double b2 = p.z()[j[0]];
    // g = offset + slope · c on the segment being built: slope = Σ W2, offset = b2 − Σ W2_k u_k
    DoubleDouble slope = new DoubleDouble();
    DoubleDouble offset = new DoubleDouble().add(b2);
    DoubleDouble missing = new DoubleDouble();
    DoubleDouble run = new DoubleDouble();
    for (int k = 0; k < m; k++) {
      // the last kept point is no knot: aim at its exact projection
      double nodeHi = k + 1 == m ? p.c()[j[m]] : u[k + 1];
      double nodeLo = k + 1 == m ? p.cLow()[j[m]] : 0;
      // t_{k+1} − (neurons 0 … k−1 at the node); neurons k+1 … are 0 there
      missing.setZero().add(p.z()[j[k + 1]]).add(-offset.hi(), -offset.lo());
      missing.addProduct(-slope.hi(), nodeHi, nodeLo).addProduct(-slope.lo(), nodeHi, nodeLo);
      run.set(nodeHi, nodeLo).add(-u[k]);
      // W2_k = s_k − s_{k−1} of exact arithmetic, kept in double-double
      missing.divideBy(run.hi(), run.lo());
      w2[k] = missing.hi();
      w2Low[k] = missing.lo();
      for (int col = 0; col < d; col++) {
        w1[col * m + k] = p.a()[col];
      }
      b1[k] = -u[k];
      slope.add(w2[k], w2Low[k]);
      offset.addProduct(w2[k], -u[k]).addProduct(w2Low[k], -u[k]);
    }
    g.bias(2).data[0] = b2;
    return new PreciseNetwork(g, low);
  }

  /**
   * The knots u_0 < … < u_m: each the double just below or just above its kept point's exact
   * projection, so that the point lies on its flatter segment (see the class comment).
   */
  static double[] knots(Projection p, int[] j) {
    double[] c = p.c();
    double[] z = p.z();
    double[] u = new double[j.length];
    for (int k = 0; k < j.length; k++) {
      double hi = c[j[k]];
      double lo = p.cLow()[j[k]];
      // left of the first knot g is constant: slope 0
      double left = k == 0 ? 0 : (z[j[k]] - z[j[k - 1]]) / (hi - c[j[k - 1]]);
      double right = k + 1 == j.length ? left : (z[j[k + 1]] - z[j[k]]) / (c[j[k + 1]] - hi);
      boolean down = Math.abs(right) <= Math.abs(left);
      double floor = lo < 0 ? Math.nextDown(hi) : hi; // the largest double ≤ C_k = hi + lo
      double ceiling = lo > 0 ? Math.nextUp(hi) : hi; // the smallest double ≥ C_k
      u[k] = down ? floor : ceiling;
      if (k > 0 && !(u[k] > u[k - 1])) {
        throw new IllegalStateException(
            "kept points " + j[k - 1] + " and " + j[k] + " are within one rounding of each other");
      }
    }
    return u;
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
