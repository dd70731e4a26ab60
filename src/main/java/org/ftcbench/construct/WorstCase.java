package org.ftcbench.construct;

import org.ftcbench.data.BadInputException;
import org.ftcbench.data.FineTuningTask;
import org.jblas.DoubleMatrix;

/**
 * Worst-case tasks for the lower bounds (Sohn et al. 2024, Section 4.1, Fig. 2–3, Eq. 9; paper
 * notes §3.2): K points on a line, x_i = i·u for a fixed unit vector u, whose residual targets need
 * p(K) linear pieces, p(K) = 3N + 1 if K ≥ 3N + 2 and K − 1 if N ≤ K < 3N + 2 ({@link
 * LinearPieces}). A 2-layer network has at most m + 1 pieces on a line, so m ≥ p(K) − 1 = min{3N, K
 * − 2} (Theorem 4.1.2).
 *
 * <ul>
 *   <li>K ≥ 3N + 2 (the paper's pattern, with its "i ∈ [N]" read as i ∈ [K], [P-typo]): T = {3, 6,
 *       …, 3N} (1-based), two unchanged points before each changed one and the rest after the last.
 *   <li>N ≤ K < 3N + 2 (the paper shows only K = 2N + 1, T = {2, 4, …, 2N}): the K − N ≤ 2N + 1
 *       unchanged points are spread as evenly as possible over the N + 1 gaps around the changed
 *       points, so every gap gets 0, 1 or 2 (adjacent changed points where it gets 0). Every
 *       unchanged block then has at most 2 points, so the kept set keeps everything and the
 *       certified 2-layer adapter has K − 1 neurons; K = 2N + 1 gives exactly the paper's pattern.
 * </ul>
 *
 * <p>In both cases the changed targets alternate −1, +2, −1, … along the line and the others are 0:
 * then no three consecutive targets are collinear (b = (a + c)/2 fails for every triple of values
 * in {0, −1, 2} that can occur), so no piece can cover three points; the tests check the exact
 * count.
 */
public final class WorstCase {
  private WorstCase() {}

  /** The changed positions (0-based, ascending) of the worst case for N and K. */
  public static int[] changed(int n, int k) {
    if (n < 0 || n > k) {
      throw new BadInputException("N = " + n + " and K = " + k + ": choose 0 ≤ N ≤ K");
    }
    int[] t = new int[n];
    if (k >= 3 * n + 2) {
      for (int i = 0; i < n; i++) {
        t[i] = 3 * i + 2; // 1-based 3, 6, …, 3N
      }
      return t;
    }
    // distribute U = K − N unchanged points over N + 1 gaps, ⌊U/(N+1)⌋ or one more each
    int u = k - n;
    int base = u / (n + 1);
    int extra = u % (n + 1);
    int position = 0;
    for (int i = 0; i < n; i++) {
      position += base + (i < extra ? 1 : 0);
      t[i] = position;
      position++;
    }
    return t;
  }

  /** The residual targets: −1, +2, −1, … on the changed positions, 0 elsewhere. */
  public static double[] targets(int n, int k) {
    double[] z = new double[k];
    int[] t = changed(n, k);
    for (int i = 0; i < t.length; i++) {
      z[t[i]] = i % 2 == 0 ? -1 : 2;
    }
    return z;
  }

  /** p(K) of Eq. 9: the number of pieces the worst case needs. */
  public static int piecesNeeded(int n, int k) {
    return k >= 3 * n + 2 ? 3 * n + 1 : k - 1;
  }

  /** The worst-case task in dimension d: x_i = i·u with u = (1, …, 1)/√d, f = 0. */
  public static FineTuningTask task(int n, int k, int d) {
    DoubleMatrix x = new DoubleMatrix(k, d);
    double unit = 1 / Math.sqrt(d);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < d; j++) {
        x.put(i, j, (i + 1) * unit);
      }
    }
    return FineTuningTask.fromResiduals(x, new DoubleMatrix(targets(n, k)), changed(n, k));
  }
}
