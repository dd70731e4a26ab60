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
 *
 * <p>Conditioning. Neuron k's weights form a chain ({@link LayerTwoSystem}): for large weights
 * |ω_{g+1}| ≈ |ω_g| (2 − u*_g)/u*_{g+1}, and one scale φ must meet the steepest requirement of all
 * groups, so any drift of the chain multiplies every other weight. The snake keeps the chain level
 * when each group's points are evenly spaced; the kept set of U3 is not, and there the chains grow
 * by e^30 and more. {@link Assignment} offers two remedies for the activations that do not care
 * about the clipping side. The midpoint boundaries are kept: moving them to balance the chains was
 * tried and is worse (the pair of points next to a boundary then gets very different ramp
 * positions).
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
    BALANCED,
    /**
     * Only the changed points are interpolated; the other slots of a group are virtual points with
     * target 0 in the group's widest gap, and the assignment is balanced as in BALANCED. For
     * activations that are 0 on both clipping sides (σ_L, bumps) every unchanged point is then
     * clipped to the output 0, which is its target, so the unchanged kept points need no
     * assignment, and their nearest neighbours (removed points at the smallest gaps of all) no
     * longer force steep slopes.
     */
    CHANGED_ONLY
  }

  /** Where the virtual point of neuron k in group g lies ([g][k]; unused for real points). */
  private final double[][] virtualC;

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
    this.virtualC = new double[n1][n2];
    for (int g = 0; g < n1; g++) {
      if (assignment == Assignment.CHANGED_ONLY) {
        int filled = 0;
        for (int i = g * n2; i < g * n2 + groupSize(g); i++) {
          if (p.changed()[pos[i]]) {
            slot[g][filled++] = pos[i];
          }
        }
        java.util.Arrays.fill(slot[g], filled, n2, -1);
      } else {
        for (int k = 0; k < n2; k++) {
          slot[g][k] = snake(k, g);
        }
        java.util.Arrays.fill(virtualC[g], beyondLastInSnakeOrder(g));
      }
    }
    if (assignment == Assignment.BALANCED) {
      balance();
    } else if (assignment == Assignment.CHANGED_ONLY) {
      balanceWithVirtualPoints();
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
    return q >= 0 ? p.c()[q] : virtualC[g][k];
  }

  /**
   * CHANGED_ONLY's assignment. In relative terms, a neuron whose F has magnitude A at the start of
   * an interval and is assigned the ramp position u there gets |ω| ≈ A/u and passes on A (2 − u)/u
   * ({@link LayerTwoSystem}); a virtual point at u = A/Ω therefore keeps |ω| at the common level Ω
   * and pulls A back towards Ω. Group by group: Ω is the median A; the changed points, by u, go to
   * the neurons at the matching quantiles of the wished-for positions A/Ω; every other neuron gets
   * a virtual point at its wished-for position, moved into the middle half of the data-free stretch
   * around it (so that the neighbours it must clip are not too close).
   */
  private void balanceWithVirtualPoints() {
    double[] c = p.c();
    double[] amplitude = new double[n2];
    java.util.Arrays.fill(amplitude, 1);
    for (int g = 0; g < n1; g++) {
      double[] sorted = amplitude.clone();
      java.util.Arrays.sort(sorted);
      double omega = sorted[n2 / 2];
      double[] wish = new double[n2];
      Integer[] byWish = new Integer[n2];
      for (int k = 0; k < n2; k++) {
        wish[k] = Math.max(WISH_LIMIT, Math.min(2 - WISH_LIMIT, amplitude[k] / omega));
        byWish[k] = k;
      }
      java.util.Arrays.sort(byWish, (x, y) -> Double.compare(wish[x], wish[y]));
      int changedCount = 0;
      while (changedCount < n2 && slot[g][changedCount] >= 0) {
        changedCount++;
      }
      int[] changedPoints = java.util.Arrays.copyOf(slot[g], changedCount);
      java.util.Arrays.sort(changedPoints); // ascending c is ascending u
      int[] next = new int[n2];
      java.util.Arrays.fill(next, -1);
      boolean[] taken = new boolean[n2];
      for (int r = 0; r < changedCount; r++) {
        int rank = (int) ((r + 0.5) * n2 / changedCount);
        int k = byWish[Math.min(rank, n2 - 1)];
        while (taken[k]) { // ranks are distinct, but guard anyway
          k = (k + 1) % n2;
        }
        taken[k] = true;
        next[k] = changedPoints[r];
      }
      slot[g] = next;
      for (int k = 0; k < n2; k++) {
        double u;
        if (next[k] >= 0) {
          u = layer.u(g, c[next[k]]);
        } else {
          virtualC[g][k] =
              freeSpotNear(g, layer.lower(g) + 0.5 * wish[k] * (layer.upper(g) - layer.lower(g)));
          u = layer.u(g, virtualC[g][k]);
        }
        amplitude[k] = amplitude[k] / omega * (2 - u) / u;
      }
    }
  }

  /**
   * The range of wished-for ramp positions of a virtual point, [0.05, 1.95]. Wishing for the very
   * ends (to undo a changed point at u ≈ 2) was tried and is much worse: the virtual point then
   * sits next to data and forces steep slopes itself.
   */
  private static final double WISH_LIMIT = 0.05;

  /** How many data-free stretches on each side of the wished-for spot are considered. */
  private static final int NEARBY_GAPS = 8;

  /**
   * A point of interval g near {@code want}: the centre of the widest data-free stretch among the
   * {@link #NEARBY_GAPS} on either side of it, or {@code want} itself if it lies in the middle half
   * of that stretch. A virtual point in a narrow gap would force a steep slope to clip its
   * neighbours.
   */
  private double freeSpotNear(int g, double want) {
    double[] c = p.c();
    int right = insertionPoint(want); // the stretch (c[right − 1], c[right]) contains want
    double bestLo = 0;
    double bestHi = -1;
    for (int r = right - NEARBY_GAPS; r <= right + NEARBY_GAPS; r++) {
      if (r < 0 || r > c.length) {
        continue;
      }
      double lo = r > 0 ? Math.max(c[r - 1], layer.lower(g)) : layer.lower(g);
      double hi = r < c.length ? Math.min(c[r], layer.upper(g)) : layer.upper(g);
      if (hi - lo > bestHi - bestLo) {
        bestLo = lo;
        bestHi = hi;
      }
    }
    double quarter = 0.25 * (bestHi - bestLo);
    return Math.max(bestLo + quarter, Math.min(bestHi - quarter, want));
  }

  /** U1's virtual points: beyond the group's last real point in snake order (notes §3.6). */
  private double beyondLastInSnakeOrder(int g) {
    double[] c = p.c();
    if (ascending(g)) {
      // beyond the last real point in c: between it and the interval's upper end
      return 0.5 * (c[lastInside(g)] + layer.upper(g));
    }
    return 0.5 * (layer.lower(g) + c[firstInside(g)]);
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
    double[] uStarLow = new double[n1];
    DoubleDouble exact = new DoubleDouble();
    double[] t = new double[n1];
    double[] needPos = new double[n1];
    double[] needNeg = new double[n1];
    double[] c = p.c();
    double sk = k % 2 == 0 ? 1 : -1;
    for (int g = 0; g < n1; g++) {
      int q = assigned(k, g);
      double cs = assignedC(k, g);
      uStar[g] = layer.u(g, cs);
      if (q >= 0) {
        // a data point: the ramp the network computes for it, exactly
        layer.exactU(g, c[q], p.cLow()[q], exact);
        uStar[g] = exact.hi();
        uStarLow[g] = exact.lo();
      }
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
    return LayerTwoSystem.solve(uStar, uStarLow, t, needPos, needNeg);
  }
}
