package org.ftcbench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Run B against run A (docs/design.md, {@code compare RUN_A RUN_B}): every benchmark point present
 * in both runs, the points present in only one (reported, never dropped), the environment stamps
 * side by side, and the trained minimum widths side by side.
 *
 * <p>Each point's B/A has a fork-level interval and test ({@link HierarchicalBootstrap}) and a
 * noise floor: {@code noiseFloor}, or the machine's A/A calibration where that is larger ({@link
 * Calibration}; with two machines, the larger of their floors).
 *
 * @param noiseFloor the default floor: differences within ±noiseFloor count as "same" (e.g. 0.05)
 * @param pairing separate runs, or the two sides of one interleaved session
 * @param calibrations the A/A calibrations used (none, one machine's, or both machines')
 */
public record Comparison(
    Path runA,
    Path runB,
    double noiseFloor,
    Pairing pairing,
    List<Calibration> calibrations,
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

  /** The comparison without A/A calibration: every point gets the default floor. */
  public static Comparison of(Path a, Path b, double noiseFloor) {
    return of(a, b, noiseFloor, List.of());
  }

  /** The comparison with the given A/A calibrations. */
  public static Comparison of(Path a, Path b, double noiseFloor, List<Calibration> calibrations) {
    JmhRun runA = JmhRun.load(a);
    JmhRun runB = JmhRun.load(b);
    Pairing pairing = Pairing.of(a, b);
    List<PointComparison> points = new ArrayList<>();
    List<BenchmarkPoint> onlyA = new ArrayList<>();
    List<BenchmarkPoint> onlyB = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    TreeSet<BenchmarkPoint> all = new TreeSet<>(runA.forks().keySet());
    all.addAll(runB.forks().keySet());
    for (BenchmarkPoint p : all) {
      double[][] sa = runA.forks().get(p);
      double[][] sb = runB.forks().get(p);
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
        double floor = noiseFloor;
        int pairs = 0;
        for (Calibration c : calibrations) {
          Optional<NoiseFloor> f = c.floor(p.label(), pairing);
          if (f.isPresent() && f.get().fraction() > floor) {
            floor = f.get().fraction();
            pairs = f.get().pairs();
          }
        }
        points.add(
            PointComparison.of(p, runA.units().get(p), sa, sb, floor, pairs, p.label().hashCode()));
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
    long oneFork = points.stream().filter(p -> !p.ratio().hasInterval()).count();
    if (oneFork > 0) {
      mismatches.add(
          oneFork
              + " point(s) have a run with a single fork: no fork-level interval or test there"
              + " (label same or inconclusive only); measure with bench.forks ≥ 2");
    }
    return new Comparison(
        a,
        b,
        noiseFloor,
        pairing,
        List.copyOf(calibrations),
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

  /**
   * Which methods made the labels, one sentence each: the statistics, how the runs were paired, and
   * where the noise floors come from.
   */
  public List<String> methods() {
    List<String> m = new ArrayList<>();
    m.add(
        "statistics: fork-level. B/A of the means of fork means; 95% interval and two-sided"
            + " test (α = "
            + Label.ALPHA
            + ") from a hierarchical bootstrap over forks, then iterations within them, with"
            + " Student-t on Welch's degrees of freedom");
    m.add(
        pairing == Pairing.INTERLEAVED
            ? "pairing: interleaved. A and B are the two sides of one session, measured fork by"
                + " fork in a seeded random order on one machine, so slow drift hits both alike"
            : "pairing: separate runs. Drift of the machine between the runs is not in the"
                + " intervals; the noise floor must cover it");
    if (calibrations.isEmpty()) {
      m.add(
          String.format(
              Locale.ROOT,
              "noise floor: ±%s at every point (no A/A calibration found beside either run: run"
                  + " scripts/aa-calibration.sh, or 'calibrate', on the machine)",
              percent(noiseFloor)));
    } else {
      for (Calibration c : calibrations) {
        m.add(
            String.format(
                Locale.ROOT,
                "noise floor: the larger of ±%s and the A/A calibration %s (%d separate-run"
                    + " and %d interleaved pair(s)); calibrated floors %s",
                percent(noiseFloor),
                c.file(),
                c.count(Pairing.SEPARATE),
                c.count(Pairing.INTERLEAVED),
                floorRange(c)));
      }
    }
    return m;
  }

  /** "4%–38% (11 points)" over this comparison's points, or "none for these points". */
  private String floorRange(Calibration c) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    int n = 0;
    for (PointComparison p : points) {
      Optional<NoiseFloor> f = c.floor(p.point().label(), pairing);
      if (f.isPresent()) {
        lo = Math.min(lo, f.get().fraction());
        hi = Math.max(hi, f.get().fraction());
        n++;
      }
    }
    return n == 0
        ? "none for these points"
        : percent(lo) + "–" + percent(hi) + " (" + n + " of " + points.size() + " points)";
  }

  /**
   * The smallest change this comparison can label, per benchmark (short name and mode): the least
   * and the largest {@link PointComparison#detectable} over its points, as {min, max}. Points
   * without an interval are left out.
   */
  public Map<String, double[]> detectableByBenchmark() {
    Map<String, double[]> out = new TreeMap<>();
    for (PointComparison p : points) {
      double d = p.detectable();
      if (Double.isNaN(d)) {
        continue;
      }
      String key = p.point().shortName() + " " + p.point().mode();
      double[] r = out.computeIfAbsent(key, k -> new double[] {d, d});
      r[0] = Math.min(r[0], d);
      r[1] = Math.max(r[1], d);
    }
    return out;
  }

  /** "5%", "12.5%", "140%". */
  public static String percent(double fraction) {
    double p = 100 * fraction;
    return (p < 10 && Math.abs(p - Math.rint(p)) > 0.05
            ? String.format(Locale.ROOT, "%.1f", p)
            : String.format(Locale.ROOT, "%.0f", p))
        + "%";
  }
}
