package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * U2 (Sohn et al. 2024, Theorem 5.1; docs/paper-notes.md §3.7): U1's layer 1 (⌈√K⌉ groups over all
 * K points, 2 ReLUs each) and, for each t ∈ T, a layer-2 row that interpolates t (one point per
 * group, as U1's rows do), with a bump activation σ_B centred at z_t (3 ReLUs): g = Σ_t σ_B,t. m ≤
 * 2⌈√K⌉ + 3N.
 *
 * <p>Fixes of the paper ([P-typo] and gaps, docs/paper-notes.md §3.7):
 *
 * <ul>
 *   <li>The paper's bump half-width δ < min_{i≠j} |z_i − z_j| / 2 is 0 (the many unchanged targets
 *       are all 0). Here each bump gets its own δ_t: half the distance from z_t to the other
 *       targets of its row (0 included) and to the clipping threshold.
 *   <li>The rows clip every non-assigned point to |F| ≥ 1 + margin on either side (a bump does not
 *       care about the side). They interpolate only changed points: the paper reuses U1's rows,
 *       which also interpolate unchanged points at 0, but a bump is 0 on every clipped point
 *       anyway, and a row without a point in a group is simply the constant 1 + margin there
 *       ({@link SnakeGroups.Assignment#CHANGED_ONLY}).
 *   <li>Changed samples with z_t = 0 need no bump; several changed samples of one row with the same
 *       target share one bump (the notes' double-counting case, e.g. all z equal). So m can be
 *       smaller than 2⌈√K⌉ + 3N, never larger.
 * </ul>
 */
public final class BumpU2 {
  private BumpU2() {}

  public static PreciseNetwork build(Projection p, ClipSettings settings) {
    double theta = settings.hardTanhThreshold();
    return SnakeNetwork.build(
        p,
        SnakeNetwork.allPositions(p.size()),
        SnakeGroups.Assignment.CHANGED_ONLY,
        (s, k) -> addBumps(s, k, theta));
  }

  /** Neuron k's bumps: one per distinct non-zero target of the changed samples assigned to it. */
  private static void addBumps(SnakeNetwork s, int k, double theta) {
    // the distinct non-zero targets of changed samples assigned to neuron k, and all its targets
    TreeSet<Double> centres = new TreeSet<>();
    List<Double> rowTargets = new ArrayList<>();
    for (int g = 0; g < s.groups.n1; g++) {
      int q = s.groups.assigned(k, g);
      if (q >= 0) {
        rowTargets.add(s.t[q]);
        if (s.t[q] != 0) {
          centres.add(s.t[q]);
        }
      }
    }
    if (centres.isEmpty()) {
      return;
    }
    SnakeNetwork.Row row = s.row(k, theta, false);
    TreeSet<Double> all = new TreeSet<>(rowTargets);
    for (double z : centres) {
      double delta = theta - Math.abs(z);
      Double below = all.lower(z);
      Double above = all.higher(z);
      if (below != null) {
        delta = Math.min(delta, z - below);
      }
      if (above != null) {
        delta = Math.min(delta, above - z);
      }
      // a power of two: the shifts z ± δ and the slope z/δ are then exact, so on its flat
      // sides the bump's three ReLUs cancel exactly instead of leaving ~ulp(z) · z/δ each
      double halfWidth = Math.scalb(1.0, Math.getExponent(0.5 * delta));
      s.add(row, ReluExpansion.bump(z, halfWidth, row.exactBelow()));
    }
  }
}
