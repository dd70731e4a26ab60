package org.ftcbench.analysis;

import java.util.Locale;

/**
 * What an interval for a log-log slope b says about the growth law (issue 6), never forced:
 *
 * <ul>
 *   <li>{@link Kind#LINEAR} when the interval contains 1 and excludes 0.5 (Θ(N), Theorem 4.1);
 *   <li>{@link Kind#SQUARE_ROOT} when it contains 0.5 and excludes 1 (Θ(√N), Theorem 5.1);
 *   <li>{@link Kind#INCONCLUSIVE} when it contains both, or there is no interval (fewer than 3
 *       points);
 *   <li>{@link Kind#OTHER} when it contains neither: "other (b = 0.74)".
 * </ul>
 *
 * @param kind the verdict
 * @param b the slope it rests on
 * @param low lower end of the interval (NaN: none)
 * @param high upper end of the interval (NaN: none)
 */
public record Verdict(Kind kind, double b, double low, double high) {
  public enum Kind {
    LINEAR,
    SQUARE_ROOT,
    INCONCLUSIVE,
    OTHER
  }

  public static Verdict of(double b, double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return new Verdict(Kind.INCONCLUSIVE, b, low, high);
    }
    boolean one = low <= 1 && 1 <= high;
    boolean half = low <= 0.5 && 0.5 <= high;
    Kind k;
    if (one && !half) {
      k = Kind.LINEAR;
    } else if (half && !one) {
      k = Kind.SQUARE_ROOT;
    } else if (one) {
      k = Kind.INCONCLUSIVE;
    } else {
      k = Kind.OTHER;
    }
    return new Verdict(k, b, low, high);
  }

  /**
   * "linear", "square-root", "inconclusive", "inconclusive (no interval: fewer than 3 points)" or
   * "other (b = 0.74)".
   */
  public String text() {
    return switch (kind) {
      case LINEAR -> "linear";
      case SQUARE_ROOT -> "square-root";
      case INCONCLUSIVE -> Double.isFinite(low) ? "inconclusive" : "inconclusive (no interval)";
      case OTHER -> String.format(Locale.ROOT, "other (b = %.2f)", b);
    };
  }
}
