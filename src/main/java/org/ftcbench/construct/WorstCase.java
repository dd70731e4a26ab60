package org.ftcbench.construct;

import org.ftcbench.data.BadInputException;
import org.ftcbench.data.FineTuningTask;
import org.jblas.DoubleMatrix;

/**
 * Worst-case tasks for the lower bounds (Sohn et al. 2024, Section 4.1, Fig. 2–3, Eq. 9; paper
 * docs/paper-notes.md §3.2): K points on a line, x_i = i·u for a fixed unit vector u, whose
 * residual targets need p(K) linear pieces ({@link LinearPieces}): p(K) = 3N + 1 if K ≥ 3N + 2 and
 * K − 1 if N ≤ K < 3N + 2. A 2-layer network has at most m + 1 pieces on a line, so m ≥ p(K) − 1 =
 * min{3N, K − 2} (Theorem 4.1.2).
 *
 * <ul>
 *   <li>K ≥ 3N + 2, the paper's pattern (its "i ∈ [N]" read as i ∈ [K], [P-typo]): T = {3, 6, …,
 *       3N} (1-based), targets −1, +2, −1, … on T and 0 elsewhere (Fig. 2). Two parallel flat
 *       pieces separate the spikes, so no kink between samples can save a piece: 3N + 1.
 *   <li>N ≤ K < 3N + 2. The K − N ≤ 2N + 1 unchanged points are spread as evenly as possible over
 *       the N + 1 gaps around the changed points (0, 1 or 2 per gap; 0 makes changed samples
 *       adjacent), so no unchanged block is longer than 2 and the kept set keeps every point. The
 *       paper shows only K = 2N + 1 with targets −1, +2 on T = {2, 4, …, 2N} (Fig. 3) and says that
 *       ḡ then needs K − 1 pieces; <b>that is wrong</b>: with kinks between samples, Fig. 3's nine
 *       targets need only 6 pieces, not 8 (lines through (0,0),(1,−1) and (2,0),(3,2) meet at x =
 *       4/3, and so on; a test pins this). K − 1 pieces are needed exactly when the slope changes
 *       Δ²_i = t_{i−1} − 2t_i + t_{i+1} strictly alternate in sign; here the changed targets are
 *       chosen left to right so that they do (Δ²_i (−1)^{i+1} ≥ 1): each target is the last unknown
 *       of at most three second differences, and all three ask it to move the same way, so a value
 *       always exists.
 * </ul>
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

  /** The residual targets: 0 off T; on T as described above. */
  public static double[] targets(int n, int k) {
    double[] z = new double[k];
    int[] t = changed(n, k);
    if (k >= 3 * n + 2) {
      for (int i = 0; i < t.length; i++) {
        z[t[i]] = i % 2 == 0 ? -1 : 2;
      }
      return z;
    }
    boolean[] inT = new boolean[k];
    for (int j : t) {
      inT[j] = true;
    }
    for (int j : t) {
      // d·t_j ≥ L for each second difference whose last unknown is t_j; d = σ_{j−1} = (−1)^j
      double d = j % 2 == 0 ? 1 : -1;
      double bound = 1;
      if (j - 1 >= 1) { // Δ²_{j−1} = t_{j−2} − 2t_{j−1} + t_j, sign σ_{j−1} = d
        bound = Math.max(bound, 1 - d * (z[j - 2] - 2 * z[j - 1]));
      }
      if (j >= 1 && j <= k - 2 && !inT[j + 1]) { // Δ²_j, sign σ_j = −d, t_{j+1} = 0
        bound = Math.max(bound, (1 + d * z[j - 1]) / 2);
      }
      if (j + 1 <= k - 2 && !inT[j + 1] && (j + 2 >= k || !inT[j + 2])) { // Δ²_{j+1}, sign d
        bound = Math.max(bound, 1);
      }
      z[j] = d * bound;
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
