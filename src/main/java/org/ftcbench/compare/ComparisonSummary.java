package org.ftcbench.compare;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The plain-text summary of a {@link Comparison} that {@code compare} prints on stdout. */
public final class ComparisonSummary {
  private ComparisonSummary() {}

  public static String render(Comparison c) {
    StringBuilder s = new StringBuilder();
    s.append("A: ").append(c.runA()).append('\n');
    s.append("B: ").append(c.runB()).append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "%d points compared (noise floor ±%.0f%%, U test α = %.2f): %s%n",
            c.points().size(),
            100 * c.noiseFloor(),
            Label.ALPHA,
            c.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().word())
                .reduce((x, y) -> x + ", " + y)
                .orElse("")));
    for (String m : c.mismatches()) {
      s.append("note: ").append(m).append('\n');
    }
    s.append('\n').append("environment (differences marked *)\n");
    for (String k : RunStamp.keys(c.envA(), c.envB())) {
      String a = c.envA().getOrDefault(k, "-");
      String b = c.envB().getOrDefault(k, "-");
      boolean differs = !Objects.equals(a, b) && !k.equals("start") && !k.equals("end");
      s.append(
          String.format(
              Locale.ROOT,
              "%s %-14s %-40s %s%n",
              differs ? "*" : " ",
              k,
              clip(a, 40),
              clip(b, 40)));
    }
    s.append('\n').append("benchmarks: B/A [95% bootstrap interval], Mann-Whitney p, label\n");
    for (PointComparison p : c.points()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-58s %8.3f [%6.3f, %6.3f]  p=%.3g  %-12s (A %.4g, B %.4g %s; n=%d/%d)%n",
              clip(p.point().label(), 58),
              p.ratio().ratio(),
              p.ratio().low(),
              p.ratio().high(),
              p.pValue(),
              p.label().word(),
              p.meanA(),
              p.meanB(),
              p.unit(),
              p.samplesA(),
              p.samplesB()));
    }
    appendOnly(s, "only in A", c.onlyInA());
    appendOnly(s, "only in B", c.onlyInB());
    if (!c.capacityA().isEmpty() || !c.capacityB().isEmpty()) {
      s.append('\n').append("trained minimum width m_min (mean over seeds): A | B\n");
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
    return s.toString();
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
