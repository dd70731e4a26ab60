package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.nn.DenseNetwork;

/**
 * The 3-layer adapter of Appendix A (Sohn et al. 2024; docs/paper-notes.md §3.5): 2N + 1 interval
 * neurons (2 ReLUs each, as a hard-tanh) and a single layer-2 neuron with the activation σ_T, m ≤
 * 2(2N + 1) + 2 = 4N + 4.
 *
 * <p>The sorted samples fall into groups s_1 = {before T_1}, s_2 = {T_1}, s_3 = {between T_1 and
 * T_2}, …, s_{2N+1} = {after T_N}. The layer-2 pre-activation F is continuous and piecewise linear
 * in c = aᵀx, linear on each group's interval, with F = 0 at the first point of every gap group, F
 * ≥ 1 + δ + margin at its other points, and F = z_t at every changed sample; then g = σ_T(F) is z_t
 * on T and exactly 0 elsewhere.
 *
 * <p>Differences from the paper, each for a reason:
 *
 * <ul>
 *   <li>σ_T is 2 ReLUs, (1/δ) relu(1 + δ − s) − (1 + 1/δ) relu(1 − s), so m ≤ 4N + 4 as the paper
 *       says (docs/paper-notes.md §3.5 claim 3 are needed; {@link ReluExpansion#sigmaT} refutes
 *       that).
 *   <li>Empty interior gap groups (adjacent changed samples) keep their neuron, with an interval
 *       strictly between the two samples (docs/paper-notes.md §3.5 [I✓]); empty end groups are
 *       dropped.
 *   <li>The paper places the interval ends at the midpoints (Eq. 28) and scales one null vector
 *       (λ). For this chain that multiplies the weights by about 2·(group width)/(gap) per changed
 *       sample, so they overflow for N in the hundreds. Instead F is built piece by piece from left
 *       to right: each gap group gets the line through (its first point, 0) with just the slope its
 *       second point needs (and enough to stay above and below the neighbouring targets), each
 *       changed sample the line through (c_t, z_t) that meets both neighbouring lines inside the
 *       gaps (10% short of the data points), and the interval ends are those intersections. Every
 *       weight is then as large as its own group needs, and no larger.
 *   <li>The two ReLUs of interval neuron j bend at its ends (exact double-double biases) and F is
 *       solved against the weights as stored ({@link PiecewiseLinear}), as for U1–U3, so the
 *       certificate is checked exactly. A construction whose intervals cannot be placed (a changed
 *       sample's line meets its neighbours outside the gaps, on very uneven data) throws, and
 *       certify reports it as FAILED.
 * </ul>
 */
final class AppendixA {
  /** How far short of the neighbouring samples a changed sample's line meets its neighbours. */
  private static final double CLEARANCE = 0.1;

  private AppendixA() {}

  /** One piece of F: on [lo, hi], F(c) = value + slope (c − at). */
  private static final class Piece {
    double lo;
    double hi;
    double at;
    double value;
    double slope;
    int first = -1; // first and last sorted position inside (−1: none)
    int last = -1;
    boolean changed;

    double f(double c) {
      return value + slope * (c - at);
    }
  }

  static PreciseNetwork build(Projection p, ClipSettings settings) {
    int d = p.a().length;
    if (TwoLayerInterpolant.allZero(p.z())) {
      return PreciseNetwork.of(new DenseNetwork(d, 0, 0, 1));
    }
    double scale = OutputScale.of(p.z());
    double[] t = OutputScale.scaled(p.z(), scale);
    double[] c = p.c();
    int m = c.length;
    double theta = settings.rampThreshold();
    double margin = settings.margin();
    double pad = m > 1 ? (c[m - 1] - c[0]) / (m - 1) : 1.0;

    // the groups, in order; empty interior gap groups between adjacent changed samples
    List<Piece> pieces = new ArrayList<>();
    int i = 0;
    while (i < m) {
      Piece g = new Piece();
      if (p.changed()[i]) {
        g.changed = true;
        g.first = g.last = i;
        g.at = c[i];
        g.value = t[i];
        i++;
        pieces.add(g);
        if (i < m && p.changed()[i]) {
          Piece empty = new Piece();
          pieces.add(empty);
        }
        continue;
      }
      g.first = i;
      while (i + 1 < m && !p.changed()[i + 1]) {
        i++;
      }
      g.last = i;
      g.at = c[g.first];
      g.value = 0;
      i++;
      pieces.add(g);
    }

    // gap groups: slope for their second point, and to pass above / below the neighbouring targets
    for (int j = 0; j < pieces.size(); j++) {
      Piece g = pieces.get(j);
      if (g.changed || g.first < 0) {
        continue;
      }
      double slope = 1.0 / pad;
      if (g.last > g.first) {
        slope = Math.max(slope, theta / (c[g.first + 1] - c[g.first]));
      }
      if (j > 0 && pieces.get(j - 1).changed) { // F at the previous changed sample < its target
        Piece prev = pieces.get(j - 1);
        slope = Math.max(slope, (Math.max(0, -prev.value) + margin) / (c[g.first] - prev.at));
      }
      if (j + 1 < pieces.size() && pieces.get(j + 1).changed) { // F at the next one > its target
        Piece next = pieces.get(j + 1);
        slope = Math.max(slope, (Math.max(0, next.value) + margin) / (next.at - c[g.first]));
      }
      g.slope = slope;
    }

    // changed samples: the steepest of the slopes at which the line meets each gap neighbour
    for (int j = 0; j < pieces.size(); j++) {
      Piece g = pieces.get(j);
      if (!g.changed) {
        continue;
      }
      double bound = Double.POSITIVE_INFINITY;
      if (j > 0 && pieces.get(j - 1).first >= 0) {
        Piece a = pieces.get(j - 1);
        // meets A at or right of A's last point: σ ≤ σ_A − (A(c_t) − z)/(c_t − a_r)
        bound = Math.min(bound, a.slope - (a.f(g.at) - g.value) / (g.at - c[a.last]));
      }
      if (j + 1 < pieces.size() && pieces.get(j + 1).first >= 0) {
        Piece b = pieces.get(j + 1);
        bound = Math.min(bound, b.slope - (g.value - b.f(g.at)) / (c[b.first] - g.at));
      }
      g.slope = Double.isFinite(bound) ? bound - CLEARANCE * Math.abs(bound) : 0;
    }

    // interval ends: intersections with gap neighbours, thirds of the gap around empty groups
    for (int j = 0; j < pieces.size(); j++) {
      Piece g = pieces.get(j);
      if (j == 0) {
        g.lo = (g.first >= 0 ? c[g.first] : c[0]) - pad;
      }
      if (j == pieces.size() - 1) {
        g.hi = c[m - 1] + pad;
        continue;
      }
      Piece next = pieces.get(j + 1);
      double end;
      if (g.first < 0 || next.first < 0) {
        // around an empty group: at a third and two thirds of the gap between the samples
        int left = g.first >= 0 ? g.last : pieces.get(j - 1).last;
        int right = next.first >= 0 ? next.first : pieces.get(j + 2).first;
        double third = (c[right] - c[left]) / 3;
        end = g.first < 0 ? c[left] + 2 * third : c[left] + third;
      } else {
        // the two lines meet where value + slope (x − at) agree
        end =
            (next.value - g.value + g.slope * g.at - next.slope * next.at) / (g.slope - next.slope);
      }
      g.hi = end;
      next.lo = end;
    }
    int n1 = pieces.size();
    double[] kinkHi = new double[2 * n1];
    double[] kinkLo = new double[2 * n1];
    PiecewiseLinear.Piece[] spec = new PiecewiseLinear.Piece[2 * n1];
    for (int j = 0; j < n1; j++) {
      Piece g = pieces.get(j);
      if (!(g.lo < g.hi) || (g.first >= 0 && !(g.lo < c[g.first] && c[g.last] < g.hi))) {
        throw new IllegalStateException(
            "Appendix A: interval " + j + " [" + g.lo + ", " + g.hi + "] misses its samples");
      }
      // interval j's two ReLUs bend at its ends; F follows the group's line between them
      kinkHi[2 * j] = g.lo;
      kinkHi[2 * j + 1] = g.hi;
      int q = g.first; // the changed sample, or a gap group's first point
      spec[2 * j] =
          q >= 0
              ? new PiecewiseLinear.Through(c[q], p.cLow()[q], g.changed ? g.value : 0)
              // an empty group: the line joining its neighbours' lines at its ends
              : new PiecewiseLinear.Reach(pieces.get(j + 1).f(g.hi));
      spec[2 * j + 1] = PiecewiseLinear.Keep.KEEP; // hi_j = lo_{j+1}: no width of its own
    }
    ThreeLayerNetwork net =
        new ThreeLayerNetwork(p.a(), kinkHi, kinkLo, kinkHi[2 * n1 - 1] - kinkHi[0]);
    net.add(
        net.row(pieces.get(0).f(pieces.get(0).lo), spec),
        ReluExpansion.sigmaT(settings.rampWidth()));
    return net.build(scale);
  }
}
