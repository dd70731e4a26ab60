package org.ftcbench.capacity;

import org.ftcbench.data.BadInputException;

/**
 * How K follows N in a sweep: a multiple ({@code 2N}: a constant N/K, so a criterion demands the
 * same at every N) or a fixed number ({@code 1000}, as in the paper's Fig. 9).
 *
 * @param multiplier K = multiplier · N when positive
 * @param fixed K = fixed when multiplier is 0
 */
public record KRule(int multiplier, int fixed) {
  /** Parses {@code 2N} or {@code 1000}. */
  public static KRule parse(String text) {
    String t = text.trim();
    try {
      if (t.endsWith("N") || t.endsWith("n")) {
        int mult = Integer.parseInt(t.substring(0, t.length() - 1).trim());
        if (mult >= 1) {
          return new KRule(mult, 0);
        }
      } else {
        int k = Integer.parseInt(t);
        if (k >= 1) {
          return new KRule(0, k);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(
        "K rule '" + t + "' is neither a multiple of N (e.g. 2N) nor a sample count (e.g. 1000)");
  }

  /** K for this N. */
  public int k(int n) {
    return multiplier > 0 ? Math.multiplyExact(multiplier, n) : fixed;
  }

  @Override
  public String toString() {
    return multiplier > 0 ? multiplier + "N" : Integer.toString(fixed);
  }
}
