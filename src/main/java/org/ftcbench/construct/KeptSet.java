package org.ftcbench.construct;

import java.util.List;

/**
 * The kept set J (Sohn et al. 2024, Eq. 15, Lemma 4.7 and Fig. 4): every changed sample, plus the
 * two endpoints of every block of P([K] \ T); the interior points of unchanged blocks of size ≥ 3
 * are removed. Positions are in the sorted order of the projection.
 *
 * <p>A removed point lies strictly between two kept points that are endpoints of the same unchanged
 * block, both with target 0. |J| = K − Σ_{P ∈ P([K]\T)} max{|P| − 2, 0} ≤ min{3N + 2, K} (Lemma
 * 4.7).
 *
 * <p>Example (Fig. 4, 1-based): K = 14, T = {4, 7, 9, 14} gives P = {{1,2,3},{5,6},{8},{10…13}}, so
 * {2, 11, 12} are removed and J = {1,3,4,5,6,7,8,9,10,13,14}.
 */
public final class KeptSet {
  private KeptSet() {}

  /** J as ascending 0-based positions, given which positions are changed. */
  public static int[] of(boolean[] changed) {
    boolean[] kept = keptFlags(changed);
    int size = 0;
    for (boolean b : kept) {
      size += b ? 1 : 0;
    }
    int[] j = new int[size];
    for (int i = 0, n = 0; i < kept.length; i++) {
      if (kept[i]) {
        j[n++] = i;
      }
    }
    return j;
  }

  /** kept[i] says whether position i is in J. */
  public static boolean[] keptFlags(boolean[] changed) {
    boolean[] kept = changed.clone();
    for (ConsecutivePartition.Run block : ConsecutivePartition.unchanged(changed)) {
      kept[block.first()] = true;
      kept[block.last()] = true;
    }
    return kept;
  }

  /** Σ_{P ∈ P([K]\T)} max{|P| − 2, 0}, the number of removed points (Eq. 12). */
  public static int removedCount(boolean[] changed) {
    int removed = 0;
    List<ConsecutivePartition.Run> blocks = ConsecutivePartition.unchanged(changed);
    for (ConsecutivePartition.Run block : blocks) {
      removed += Math.max(block.size() - 2, 0);
    }
    return removed;
  }
}
