package org.ftcbench.analysis;

import java.util.Locale;

/** Number formats shared by the analysis texts and the report. */
public final class Format {
  private Format() {}

  /** An integer-valued count ("10000"), or up to 4 significant digits. */
  public static String count(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return sig(v, 4);
  }

  /** A slope or a statistic with 2 decimals ("0.51"), "—" for NaN. */
  public static String slope(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** An interval "[0.45, 0.56]", or "—" when there is none. */
  public static String interval(double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return "—";
    }
    return "[" + slope(low) + ", " + slope(high) + "]";
  }

  /** Significant digits without a trailing exponent for everyday sizes. */
  public static String sig(double v, int digits) {
    if (Double.isNaN(v)) {
      return "—";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e7) {
      int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
      return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
    return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
  }

  /** A time in seconds with a readable unit ("12.3 µs"). */
  public static String seconds(double s) {
    if (Double.isNaN(s)) {
      return "—";
    }
    if (s >= 1) {
      return sig(s, 3) + " s";
    }
    if (s >= 1e-3) {
      return sig(s * 1e3, 3) + " ms";
    }
    if (s >= 1e-6) {
      return sig(s * 1e6, 3) + " µs";
    }
    return sig(s * 1e9, 3) + " ns";
  }
}
