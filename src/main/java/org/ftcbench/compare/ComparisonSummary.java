package org.ftcbench.compare;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.PowerLawFit;

/** The plain-text summary of a {@link Comparison} that {@code compare} prints on stdout. */
public final class ComparisonSummary {
  private ComparisonSummary() {}

  /** The summary without fitted slopes. */
  public static String render(Comparison c) {
    return render(c, List.of());
  }

  /** The summary, ending with the fitted slopes of both runs ({@link SlopeComparison#of}). */
  public static String render(Comparison c, List<SlopeComparison> slopes) {
    StringBuilder s = new StringBuilder();
    s.append("A: ").append(c.runA()).append('\n');
    s.append("B: ").append(c.runB()).append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "%d points compared (%s; noise floor ±%s or calibrated; α = %.2f): %s%n",
            c.points().size(),
            c.pairing().word(),
            Comparison.percent(c.noiseFloor()),
            Label.ALPHA,
            c.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().word())
                .reduce((x, y) -> x + ", " + y)
                .orElse("")));
    for (String m : c.methods()) {
      s.append("method: ").append(m).append('\n');
    }
    for (String m : c.mismatches()) {
      s.append("note: ").append(m).append('\n');
    }
    s.append('\n').append("environment (differences marked *)\n");
    for (String k : RunStamp.keys(c.envA(), c.envB())) {
      String a = c.envA().getOrDefault(k, "-");
      String b = c.envB().getOrDefault(k, "-");
      boolean differs = RunStamp.differs(k, c.envA(), c.envB());
      s.append(
          String.format(
              Locale.ROOT,
              "%s %-14s %-40s %s%n",
              differs ? "*" : " ",
              k,
              clip(a, 40),
              clip(b, 40)));
    }
    s.append('\n')
        .append("benchmarks: B/A [95% fork-level interval], p, label, noise floor, smallest")
        .append(" change it can label (forks×iterations A / B)\n");
    for (PointComparison p : c.points()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-58s %8.3f [%6.3f, %6.3f]  p=%-7.2g %-12s floor %-5s detect %-5s (A %.4g, B %.4g"
                  + " %s; %s)%n",
              clip(p.point().label(), 58),
              p.ratio().ratio(),
              p.ratio().low(),
              p.ratio().high(),
              p.pValue(),
              p.label().word(),
              Comparison.percent(p.noiseFloor()) + (p.floorPairs() > 0 ? "*" : ""),
              Double.isNaN(p.detectable()) ? "-" : Comparison.percent(p.detectable()),
              p.meanA(),
              p.meanB(),
              p.unit(),
              p.designs()));
    }
    if (c.points().stream().anyMatch(p -> p.floorPairs() > 0)) {
      s.append("  (* floor from the A/A calibration)\n");
    }
    Map<String, double[]> detectable = c.detectableByBenchmark();
    if (!detectable.isEmpty()) {
      s.append('\n').append("smallest change this comparison can label, per benchmark:\n");
      detectable.forEach(
          (bench, r) ->
              s.append(
                  String.format(
                      Locale.ROOT,
                      "  %-40s %s%n",
                      bench,
                      r[0] == r[1]
                          ? Comparison.percent(r[0])
                          : Comparison.percent(r[0]) + "–" + Comparison.percent(r[1]))));
    }
    appendOnly(s, "only in A", c.onlyInA());
    appendOnly(s, "only in B", c.onlyInB());
    if (!c.capacityA().isEmpty() || !c.capacityB().isEmpty()) {
      s.append('\n').append("trained minimum width m_min (geometric mean over seeds): A | B\n");
      java.util.TreeSet<CapacityTable.Key> keys = new java.util.TreeSet<>(c.capacityA().keySet());
      keys.addAll(c.capacityB().keySet());
      for (CapacityTable.Key k : keys) {
        s.append(
            String.format(
                Locale.ROOT,
                "  %-14s depth %d  N=%-6d K=%-7d %8s | %-8s%n",
                k.criterion(),
                k.depth(),
                k.n(),
                k.k(),
                fmt(c.capacityA().get(k)),
                fmt(c.capacityB().get(k))));
      }
    }
    appendSlopes(s, slopes);
    return s.toString();
  }

  private static void appendSlopes(StringBuilder s, List<SlopeComparison> slopes) {
    if (slopes.isEmpty()) {
      return;
    }
    s.append('\n')
        .append("fitted slopes b of y = a·N^b [95% t interval]: A | B")
        .append(" (* = the intervals do not overlap)\n");
    for (SlopeComparison sc : slopes) {
      s.append(
          String.format(
              Locale.ROOT,
              "%s %-58s %-20s | %-20s%n",
              sc.disjoint() ? "*" : " ",
              clip(sc.title(), 58),
              slope(sc.a()),
              slope(sc.b())));
    }
  }

  /** "0.51 [0.45, 0.56]", "0.51 (no interval)" or "-" (not fitted / absent). */
  private static String slope(PowerLawFit f) {
    if (f == null || !f.isFitted()) {
      return "-";
    }
    String b = Format.slope(f.b());
    String i = Format.interval(f.bLow(), f.bHigh());
    return i.equals("—") ? b + " (no interval)" : b + " " + i;
  }

  private static void appendOnly(StringBuilder s, String title, List<BenchmarkPoint> points) {
    if (!points.isEmpty()) {
      s.append('\n').append(title).append(" (not compared):\n");
      points.forEach(p -> s.append("  ").append(p.label()).append('\n'));
    }
  }

  private static String fmt(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
