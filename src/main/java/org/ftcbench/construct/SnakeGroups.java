package org.ftcbench.construct;

import java.util.Arrays;

/**
 * The grouping shared by U1, U2 and U3 (Yun et al. 2019 as used by Sohn et al. 2024, Fig. 6 and
 * Fig. 8; paper notes §3.6–§3.8): the defining points (all samples, or the kept set J) in sorted
 * order are cut into n1 = ⌈M/n2⌉ consecutive groups of n2 = ⌈√M⌉ points (square roots rounded up),
 * and layer-2 neuron k is assigned the k-th point of every group in <em>snake order</em>: even
 * groups (0-based) ascending in c, odd groups descending.
 *
 * <p>Interval j of layer 1 runs between the midpoints to the neighbouring groups (Eq. 28); the
 * outer ends are padded by one mean spacing. Points that are not defining points (the removed
 * points of U3) lie inside some interval and are clipped like every non-assigned point. If the last
 * group is short, neurons beyond its size are assigned a virtual point with target 0 inside that
 * interval, beyond its last real point in snake order (notes §3.6 step 3).
 */
final class SnakeGroups {
  private final Projection p;
  private final int[] pos;
  final int n1;
  final int n2;
  final IntervalLayer layer;

  /** slot[g][k]: the sorted position assigned to neuron k in group g, or −1 for a virtual point. */
  private final int[][] slot;

  /** How points are matched to layer-2 neurons. */
  enum Assignment {
    /** Yun's snake order; required by U1, whose output sums the clip signs. */
    SNAKE,
    /**
     * Any one point per group and neuron, chosen so that no neuron's chain of weights grows along
     * the line (for the sign-free U2 and U3).
     */
    BALANCED
  }

  /**
   * @param p the projected task
   * @param positions the defining points, ascending sorted positions
   */
  SnakeGroups(Projection p, int[] positions, Assignment assignment) {
    this.p = p;
    this.pos = positions.clone();
    int m = positions.length;
    this.n2 = ceilSqrt(m);
    this.n1 = (m + n2 - 1) / n2;
    double[] c = p.c();
    double cMin = c[0];
    double cMax = c[c.length - 1];
    double pad = c.length > 1 ? (cMax - cMin) / (c.length - 1) : 1.0;
    double[] bounds = new double[n1 + 1];
    bounds[0] = c[pos[0]] - pad;
    bounds[n1] = c[pos[m - 1]] + pad;
    for (int g = 1; g < n1; g++) {
      // the midpoint: then the boundary pair's factors (2 − u)/u cancel exactly in every chain
      bounds[g] = 0.5 * (c[pos[g * n2 - 1]] + c[pos[g * n2]]);
    }
    double[] lower = java.util.Arrays.copyOfRange(bounds, 0, n1);
    double[] upper = java.util.Arrays.copyOfRange(bounds, 1, n1 + 1);
    this.layer = new IntervalLayer(lower, upper, cMin, cMax);
    this.slot = new int[n1][n2];
    for (int g = 0; g < n1; g++) {
      for (int k = 0; k < n2; k++) {
        slot[g][k] = snake(k, g);
      }
    }
    if (assignment == Assignment.BALANCED) {
      balance();
    }
  }

  private int snake(int k, int g) {
    int size = groupSize(g);
    if (k >= size) {
      return -1;
    }
    int within = ascending(g) ? k : size - 1 - k;
    return pos[g * n2 + within];
  }

  /**
   * Greedy balancing. For large weights the chain of {@link LayerTwoSystem} gives |ω_{g+1}| ≈ |ω_g|
   * (2 − u*_g) / u*_{g+1}, so log|ω| of each neuron is a running sum; group by group, the neuron
   * whose running sum (including its pending factor 2 − u*_g) is largest receives the point with
   * the largest u*, and so on down, which keeps all running sums together. The snake does the same
   * when the points of every group are evenly spaced; for unevenly spaced points (the kept set of
   * U3) its chains can grow by e^30 and more.
   */
  private void balance() {
    double[] level = new double[n2];
    Integer[] chains = new Integer[n2];
    for (int g = 0; g < n1; g++) {
      int[] points = new int[n2];
      double[] u = new double[n2];
      for (int k = 0; k < n2; k++) {
        points[k] = slot[g][k];
        u[k] = layer.u(g, assignedC(k, g));
      }
      Integer[] byU = new Integer[n2];
      for (int k = 0; k < n2; k++) {
        byU[k] = k;
        chains[k] = k;
      }
      java.util.Arrays.sort(byU, (x, y) -> Double.compare(u[y], u[x]));
      java.util.Arrays.sort(chains, (x, y) -> Double.compare(level[y], level[x]));
      int[] next = new int[n2];
      double[] nextLevel = new double[n2];
      for (int r = 0; r < n2; r++) {
        int k = chains[r];
        int s = byU[r];
        next[k] = points[s];
        // log|ω_g| of chain k, then the factor (2 − u*_g) it passes on to the next group
        double omega = level[k] - Math.log(u[s]);
        nextLevel[k] = omega + Math.log(2 - u[s]);
      }
      slot[g] = next;
      System.arraycopy(nextLevel, 0, level, 0, n2);
    }
  }

  /** ⌈√m⌉ for m ≥ 0, exactly (no floating-point rounding down). */
  static int ceilSqrt(long m) {
    long r = (long) Math.sqrt((double) m);
    while (r * r < m) {
      r++;
    }
    while (r > 0 && (r - 1) * (r - 1) >= m) {
      r--;
    }
    return (int) r;
  }

  int groupSize(int g) {
    return Math.min(n2, pos.length - g * n2);
  }

  /** Whether group g is ascending in c in snake order. */
  static boolean ascending(int g) {
    return g % 2 == 0;
  }

  /** The sorted position assigned to neuron k in group g, or −1 for a virtual point. */
  int assigned(int k, int g) {
    return slot[g][k];
  }

  /** Where the assigned point of neuron k in group g lies on the line. */
  double assignedC(int k, int g) {
    int q = assigned(k, g);
    if (q >= 0) {
      return p.c()[q];
    }
    double[] c = p.c();
    if (ascending(g)) {
      // beyond the last real point in c: between it and the interval's upper end
      int last = lastInside(g);
      return 0.5 * (c[last] + layer.upper(g));
    }
    int first = firstInside(g);
    return 0.5 * (layer.lower(g) + c[first]);
  }

  private int firstInside(int g) {
    int i = insertionPoint(layer.lower(g));
    return i;
  }

  private int lastInside(int g) {
    return insertionPoint(layer.upper(g)) - 1;
  }

  /** The first sorted position with c > value. */
  private int insertionPoint(double value) {
    int i = Arrays.binarySearch(p.c(), value);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /**
   * Solves layer-2 neuron k: every non-assigned point must reach |F| ≥ theta; {@code signed} asks
   * for U1's sides (points after the assigned one in snake order clip to s_k = (−1)^k, points
   * before to −s_k), otherwise either side will do.
   *
   * @param target the (scaled) target of each sorted position
   */
  LayerTwoSystem.Row solve(int k, double[] target, double theta, boolean signed) {
    double[] uStar = new double[n1];
    double[] t = new double[n1];
    double[] needPos = new double[n1];
    double[] needNeg = new double[n1];
    double[] c = p.c();
    double sk = k % 2 == 0 ? 1 : -1;
    for (int g = 0; g < n1; g++) {
      int q = assigned(k, g);
      double cs = assignedC(k, g);
      uStar[g] = layer.u(g, cs);
      t[g] = q >= 0 ? target[q] : 0;
      // nearest data points on each side, inside interval g
      int left;
      int right;
      if (q >= 0) {
        left = q - 1;
        right = q + 1;
      } else {
        right = insertionPoint(cs);
        left = right - 1;
      }
      double sideRight = signed ? (ascending(g) ? sk : -sk) : 0;
      double rp = 0;
      double rn = 0;
      if (right < c.length && c[right] < layer.upper(g)) {
        double du = layer.u(g, c[right]) - uStar[g];
        rp = Math.max(rp, sideRight >= 0 ? (theta - t[g]) / du : Double.POSITIVE_INFINITY);
        rn = Math.max(rn, sideRight <= 0 ? (theta + t[g]) / du : Double.POSITIVE_INFINITY);
      }
      if (left >= 0 && c[left] > layer.lower(g)) {
        double du = uStar[g] - layer.u(g, c[left]);
        double sideLeft = -sideRight;
        rp = Math.max(rp, sideLeft <= 0 ? (theta + t[g]) / du : Double.POSITIVE_INFINITY);
        rn = Math.max(rn, sideLeft >= 0 ? (theta - t[g]) / du : Double.POSITIVE_INFINITY);
      }
      needPos[g] = rp;
      needNeg[g] = rn;
    }
    return LayerTwoSystem.solve(uStar, t, needPos, needNeg);
  }
}
