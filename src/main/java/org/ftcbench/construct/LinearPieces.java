package org.ftcbench.construct;

/**
 * The fewest linear pieces of a continuous piecewise-linear function through the points (x_i, t_i),
 * x strictly increasing: the quantity behind the lower bounds (Sohn et al. 2024, Section 4.1 and
 * Fig. 2–3; docs/paper-notes.md §3.2). A 2-layer ReLU network restricted to a line has at most m +
 * 1 pieces, a 3-layer one at most 2 d1 d2 + d2 + 1 (Yun et al.), so data that need p pieces need m
 * ≥ p − 1 neurons in a 2-layer network.
 *
 * <p>Kinks may lie anywhere, not only at data points (so the count can be below 1 + the number of
 * slope changes). Dynamic programming over the points with four states for the piece that contains
 * point i: its line is fixed by points i − 1 and i (slope s_{i−1}); or it contains only point i so
 * far and its slope may be any value in (−∞, s_{i−1}], [s_{i−1}, ∞) or ℝ. From a line with slope σ
 * through point i, a new piece through point i + 1 that meets it between x_i and x_{i+1} can have
 * exactly the slopes (−∞, s_i] if σ > s_i and [s_i, ∞) if σ < s_i; a connecting piece with no data
 * (one more piece) allows any slope. Slopes are compared exactly.
 */
public final class LinearPieces {
  private LinearPieces() {}

  private static final int FIXED = 0;
  private static final int AT_MOST = 1;
  private static final int AT_LEAST = 2;
  private static final int ANY = 3;
  private static final int NONE = Integer.MAX_VALUE / 2;

  /** The fewest pieces for targets t at x = 0, 1, 2, … (points on a line, equally spaced). */
  public static int count(double[] t) {
    double[] x = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      x[i] = i;
    }
    return count(x, t);
  }

  /** The fewest pieces through (x_i, t_i), x strictly increasing. */
  public static int count(double[] x, double[] t) {
    int k = t.length;
    if (k <= 1) {
      return k;
    }
    int[] cost = {NONE, NONE, NONE, 1}; // point 0: one piece, any slope
    double prev = Double.NaN; // s_{i−1}
    for (int i = 0; i + 1 < k; i++) {
      if (!(x[i + 1] > x[i])) {
        throw new IllegalArgumentException("x must increase strictly, x[" + i + "] = " + x[i]);
      }
      double s = (t[i + 1] - t[i]) / (x[i + 1] - x[i]);
      int[] next = {NONE, NONE, NONE, NONE};
      for (int state = 0; state < 4; state++) {
        int c = cost[state];
        if (c >= NONE) {
          continue;
        }
        boolean contains =
            switch (state) {
              case FIXED -> prev == s;
              case AT_MOST -> s <= prev;
              case AT_LEAST -> s >= prev;
              default -> true;
            };
        boolean above =
            switch (state) {
              case FIXED -> prev > s;
              case AT_MOST -> prev > s;
              default -> true;
            };
        boolean below =
            switch (state) {
              case FIXED -> prev < s;
              case AT_LEAST -> prev < s;
              default -> true;
            };
        if (contains) {
          next[FIXED] = Math.min(next[FIXED], c);
        }
        if (above && below) {
          next[ANY] = Math.min(next[ANY], c + 1);
        } else if (above) {
          next[AT_MOST] = Math.min(next[AT_MOST], c + 1);
        } else if (below) {
          next[AT_LEAST] = Math.min(next[AT_LEAST], c + 1);
        }
        next[ANY] = Math.min(next[ANY], c + 2);
      }
      cost = next;
      prev = s;
    }
    return Math.min(Math.min(cost[0], cost[1]), Math.min(cost[2], cost[3]));
  }
}
