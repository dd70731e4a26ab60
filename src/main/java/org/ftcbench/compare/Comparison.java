package org.ftcbench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Run B against run A (design.md, {@code compare RUN_A RUN_B}): every benchmark point present in
 * both runs, the points present in only one (reported, never dropped), the environment stamps side
 * by side, and the trained minimum widths side by side.
 *
 * @param noiseFloor differences within ±noiseFloor count as "same" (e.g. 0.05)
 */
public record Comparison(
    Path runA,
    Path runB,
    double noiseFloor,
    List<PointComparison> points,
    List<BenchmarkPoint> onlyInA,
    List<BenchmarkPoint> onlyInB,
    List<String> mismatches,
    Map<String, String> envA,
    Map<String, String> envB,
    Map<CapacityTable.Key, Double> capacityA,
    Map<CapacityTable.Key, Double> capacityB) {

  /** The default noise floor: timing differences under 5% are not worth a label. */
  public static final double DEFAULT_NOISE_FLOOR = 0.05;

  public static Comparison of(Path a, Path b, double noiseFloor) {
    JmhRun runA = JmhRun.load(a);
    JmhRun runB = JmhRun.load(b);
    List<PointComparison> points = new ArrayList<>();
    List<BenchmarkPoint> onlyA = new ArrayList<>();
    List<BenchmarkPoint> onlyB = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    TreeSet<BenchmarkPoint> all = new TreeSet<>(runA.samples().keySet());
    all.addAll(runB.samples().keySet());
    for (BenchmarkPoint p : all) {
      double[] sa = runA.samples().get(p);
      double[] sb = runB.samples().get(p);
      if (sa == null) {
        onlyB.add(p);
      } else if (sb == null) {
        onlyA.add(p);
      } else if (!Objects.equals(runA.units().get(p), runB.units().get(p))) {
        mismatches.add(
            p.label()
                + ": unit "
                + runA.units().get(p)
                + " in A but "
                + runB.units().get(p)
                + " in B, not compared");
      } else {
        points.add(
            PointComparison.of(p, runA.units().get(p), sa, sb, noiseFloor, p.label().hashCode()));
      }
    }
    Map<String, String> envA = RunStamp.load(a);
    Map<String, String> envB = RunStamp.load(b);
    String profA = envA.getOrDefault("profile", "?");
    String profB = envB.getOrDefault("profile", "?");
    if (!profA.equals(profB)) {
      mismatches.add("profiles differ: A ran '" + profA + "', B ran '" + profB + "'");
    }
    if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
      mismatches.add(
          onlyA.size() + " point(s) only in A and " + onlyB.size() + " only in B (listed below)");
    }
    return new Comparison(
        a,
        b,
        noiseFloor,
        points,
        onlyA,
        onlyB,
        mismatches,
        envA,
        envB,
        CapacityTable.load(a),
        CapacityTable.load(b));
  }

  /**
   * The points that fail a regression gate: significantly slower ({@link Label#SLOWER}) by more
   * than {@code threshold} (0.10 = 10%).
   */
  public List<PointComparison> regressions(double threshold) {
    return points.stream()
        .filter(p -> p.label() == Label.SLOWER && p.slowdown() > threshold)
        .toList();
  }

  /** How many points got each label. */
  public Map<Label, Long> counts() {
    Map<Label, Long> c = new java.util.EnumMap<>(Label.class);
    for (Label l : Label.values()) {
      c.put(l, points.stream().filter(p -> p.label() == l).count());
    }
    return c;
  }
}
