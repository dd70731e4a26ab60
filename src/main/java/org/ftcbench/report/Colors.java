package org.ftcbench.report;

/** The report's colours: by depth, a palette for other series, and shades of one colour. */
final class Colors {
  private Colors() {}

  /** Colours by depth (2: blue, 3: red, other: grey). */
  static String depth(int depth) {
    return switch (depth) {
      case 2 -> "#1f77b4";
      case 3 -> "#d62728";
      default -> "#555555";
    };
  }

  static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
    "#7f7f7f", "#bcbd22"
  };

  /** The i-th colour of the palette, round the palette again after its last. */
  static String palette(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** A darker or lighter variant of a colour for the i-th related series. */
  static String shade(String hex, int i) {
    if (i == 0) {
      return hex;
    }
    double f = i % 2 == 1 ? 0.65 : 1.35;
    int r = clamp(Integer.parseInt(hex.substring(1, 3), 16) * f);
    int g = clamp(Integer.parseInt(hex.substring(3, 5), 16) * f);
    int b = clamp(Integer.parseInt(hex.substring(5, 7), 16) * f);
    return String.format("#%02x%02x%02x", r, g, b);
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
