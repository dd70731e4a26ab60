package org.ftcbench.construct;

/**
 * The grouping shared by U1, U2 and U3 (Yun et al. 2019 as used by Sohn et al. 2024, Fig. 6 and
 * Fig. 8; docs/paper-notes.md §3.6–§3.8), and the line each layer-2 neuron follows on each group.
 *
 * <p>The defining points (all samples, or the kept set J) in sorted order are cut into n1 = ⌈M/n2⌉
 * consecutive groups of n2 = ⌈√M⌉ points (square roots rounded up). Layer-2 neuron k is assigned
 * one point of every group ({@link Assignment}). Points that are not defining points (the removed
 * points of U3) belong to the group whose stretch of the line they lie in: the cut between two
 * groups is the widest gap between data points from the last defining point of one to the first of
 * the next.
 *
 * <p>Layer 1 is 2 ReLUs per group, relu(aᵀx − L_g) and relu(aᵀx − R_g), at the ends of the group's
 * interval [L_g, R_g]: L_g and R_g lie at a third and two thirds of the gap to the neighbouring
 * group (the outer ends one mean spacing beyond the data), and are exact double-doubles, stored in
 * the biases, so that they separate points however close. Each layer-2 neuron's pre-activation F is
 * then any continuous piecewise-linear function with kinks at the interval ends ({@link
 * PiecewiseLinear}): on group g it is the neuron's line there ({@link #line}): through its assigned
 * point at its target, steep enough that every other point of the group lies beyond the clipping
 * threshold θ (on the side U1's snake order asks for); or the constant ±θ where it has no point.
 * Between two groups, F runs straight from one group's line to the next.
 *
 * <p>This differs from the paper's layer 1 for conditioning only (the architecture and the count
 * are the paper's): the paper's hard-tanh neuron u_g = clip(ℓ_g + 1, 0, 2) is the same two ReLUs
 * read with opposite weights, so F is continuous across each interval end and each group's line
 * starts where the previous one ended. Its weights then form a chain, |ω_{g+1}| ≈ |ω_g| (2 −
 * u*_g)/u*_{g+1}, that grows without bound on uneven data: 10⁴² for U1 on clusters of spread 1e−6,
 * and a point at u* = 0 or 2 on clusters of spread 1e−10 (the rounded ramp put it outside its
 * interval). Reading the two ReLUs with their own weights gives each group its own line and the gap
 * between groups its own slope; no weight depends on another group's.
 */
final class SnakeGroups {
  private final Projection p;
  final int n1;
  final int n2;

  /** The 2n1 kinks, ascending: L_g at 2g and R_g at 2g + 1, as double-doubles. */
  final double[] kinkHi;

  final double[] kinkLo;

  /** Group g's data points are the sorted positions first[g] … last[g]. */
  private final int[] first;

  private final int[] last;

  /** slot[g][k]: the sorted position assigned to neuron k in group g, or −1 for none. */
  private final int[][] slot;

  /** How points are matched to layer-2 neurons. */
  enum Assignment {
    /**
     * Yun's snake order: neuron k gets the k-th point of every group, ascending in even groups
     * (0-based), descending in odd ones; required by U1, whose output sums the clip signs.
     */
    SNAKE,
    /**
     * Only the changed points are interpolated, each by one neuron; the others of a group have no
     * point there. For activations that are 0 on both clipping sides (σ_L, bumps) every unchanged
     * point is then clipped to the output 0, its target.
     */
    CHANGED_ONLY
  }

  /**
   * @param p the projected task
   * @param positions the defining points, ascending sorted positions
   */
  SnakeGroups(Projection p, int[] positions, Assignment assignment) {
    this.p = p;
    int m = positions.length;
    this.n2 = ceilSqrt(m);
    this.n1 = (m + n2 - 1) / n2;
    int size = p.size();
    double[] c = p.c();
    first = new int[n1];
    last = new int[n1];
    first[0] = 0;
    last[n1 - 1] = size - 1;
    for (int g = 0; g + 1 < n1; g++) {
      // the widest gap between this group's last defining point and the next group's first
      int cut = positions[g * n2 + n2 - 1];
      for (int i = cut + 1; i < positions[(g + 1) * n2]; i++) {
        if (p.gap(i, i + 1) > p.gap(cut, cut + 1)) {
          cut = i;
        }
      }
      last[g] = cut;
      first[g + 1] = cut + 1;
    }
    kinkHi = new double[2 * n1];
    kinkLo = new double[2 * n1];
    double range = p.gap(0, size - 1);
    double pad = range > 0 ? range / (size - 1) : Math.max(1, Math.abs(c[0]));
    DoubleDouble v = new DoubleDouble();
    DoubleDouble third = new DoubleDouble();
    put(0, v.setZero().add(c[0], p.cLow()[0]).add(-pad));
    put(2 * n1 - 1, v.setZero().add(c[size - 1], p.cLow()[size - 1]).add(pad));
    for (int g = 0; g + 1 < n1; g++) {
      int a = last[g];
      int b = first[g + 1];
      third.setZero().add(c[b], p.cLow()[b]).add(-c[a], -p.cLow()[a]).divideBy(3, 0);
      put(2 * g + 1, v.setZero().add(c[a], p.cLow()[a]).add(third.hi(), third.lo()));
      put(2 * g + 2, v.add(third.hi(), third.lo()));
    }
    for (int i = 1; i < 2 * n1; i++) {
      if (BigFloat.of(kinkHi[i], kinkLo[i], 0)
              .compareTo(BigFloat.of(kinkHi[i - 1], kinkLo[i - 1], 0))
          <= 0) {
        throw new IllegalStateException(
            "interval ends " + (i - 1) + " and " + i + " coincide at " + kinkHi[i]);
      }
    }
    slot = new int[n1][n2];
    for (int g = 0; g < n1; g++) {
      java.util.Arrays.fill(slot[g], -1);
      int from = g * n2;
      int groupSize = Math.min(n2, m - from);
      if (assignment == Assignment.SNAKE) {
        for (int k = 0; k < groupSize; k++) {
          slot[g][k] = positions[from + (ascending(g) ? k : groupSize - 1 - k)];
        }
      } else {
        int filled = 0;
        for (int i = from; i < from + groupSize; i++) {
          if (p.changed()[positions[i]]) {
            slot[g][filled++] = positions[i];
          }
        }
      }
    }
  }

  private void put(int i, DoubleDouble v) {
    kinkHi[i] = v.hi();
    kinkLo[i] = v.lo();
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

  /** Whether group g is ascending in c in snake order. */
  static boolean ascending(int g) {
    return g % 2 == 0;
  }

  /** The sorted position assigned to neuron k in group g, or −1 for none. */
  int assigned(int k, int g) {
    return slot[g][k];
  }

  /** How far the data reach along the line, the interval ends included. */
  double span() {
    return (kinkHi[2 * n1 - 1] - kinkHi[0]) + (kinkLo[2 * n1 - 1] - kinkLo[0]);
  }

  /**
   * Neuron k's F on group g: F(c) = value + slope (c − c_point), or the constant value where {@code
   * point} = −1.
   */
  record Line(int point, double value, double slope) {}

  /**
   * Neuron k's line on group g: through its point at the point's (scaled) target, with the smallest
   * slope that puts every other point of the group at |F| ≥ θ; {@code signed} asks for U1's sides
   * (points after the assigned one in snake order clip to s_k = (−1)^k, points before to −s_k),
   * otherwise either side will do. Without a point, F = θ (U1: −s_k θ, every point being before the
   * neuron's empty slot).
   *
   * @param target the (scaled) target of each sorted position
   */
  Line line(int k, int g, double[] target, double theta, boolean signed) {
    double sk = k % 2 == 0 ? 1 : -1;
    int q = slot[g][k];
    if (q < 0) {
      return new Line(-1, signed ? -sk * theta : theta, 0);
    }
    double t = target[q];
    // distances to the nearest points on each side inside the group (∞: none)
    double right = q < last[g] ? distance(q, q + 1) : Double.POSITIVE_INFINITY;
    double left = q > first[g] ? distance(q - 1, q) : Double.POSITIVE_INFINITY;
    // F rising (slope σ > 0) needs t + σ·right ≥ θ and t − σ·left ≤ −θ; falling the mirror image
    double rising = Math.max(0, Math.max((theta - t) / right, (theta + t) / left));
    double falling = Math.max(0, Math.max((theta + t) / right, (theta - t) / left));
    double slope;
    if (signed) {
      double sideRight = ascending(g) ? sk : -sk;
      slope = sideRight > 0 ? rising : -falling;
    } else {
      slope = rising <= falling ? rising : -falling;
    }
    return new Line(q, t, slope);
  }

  /** c_j − c_i for sorted positions i and j, from the double-double projections. */
  private double distance(int i, int j) {
    return p.gap(i, j);
  }

  /** The line's value at L_g, where group g's piece starts. */
  private double startValue(Line line, int g) {
    if (line.point() < 0) {
      return line.value();
    }
    int q = line.point();
    double run = (kinkHi[2 * g] - p.c()[q]) + (kinkLo[2 * g] - p.cLow()[q]);
    return line.value() + line.slope() * run;
  }

  /** F left of the first kink, for {@link PiecewiseLinear#solve}. */
  double start(Line[] lines) {
    return startValue(lines[0], 0);
  }

  /**
   * The pieces of a neuron with these lines, one per group: on group g its line (through its point,
   * or reaching its constant at R_g), between groups straight to the next line's start.
   */
  PiecewiseLinear.Piece[] pieces(Line[] lines) {
    PiecewiseLinear.Piece[] pieces = new PiecewiseLinear.Piece[2 * n1];
    for (int g = 0; g < n1; g++) {
      Line l = lines[g];
      int q = l.point();
      pieces[2 * g] =
          q >= 0
              ? new PiecewiseLinear.Through(p.c()[q], p.cLow()[q], l.value())
              : new PiecewiseLinear.Reach(l.value());
      pieces[2 * g + 1] =
          g + 1 < n1
              ? new PiecewiseLinear.Reach(startValue(lines[g + 1], g + 1))
              : PiecewiseLinear.Keep.KEEP;
    }
    return pieces;
  }

  /**
   * The largest positive and negative values of F on the data points, so that an activation can be
   * written exact on the side with the larger magnitudes ({@link ReluExpansion}).
   *
   * @return {max F, −min F}
   */
  double[] range(Line[] lines) {
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    for (int g = 0; g < n1; g++) {
      Line l = lines[g];
      for (int i : new int[] {first[g], last[g]}) {
        double v = l.point() < 0 ? l.value() : l.value() + l.slope() * distance(l.point(), i);
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
    return new double[] {hi, -lo};
  }
}
