package org.ftcbench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ftcbench.results.Interleaving;
import org.ftcbench.results.RunFolder;

/**
 * Where a machine's benchmark noise lives, from run folders' jmh.json: per point, the variance
 * between runs (when several runs of one configuration are given: the drift that separate runs
 * suffer and interleaving cancels), between forks and within a fork ({@link VarianceComponents}),
 * as coefficients of variation, and the iterations per fork that would measure it best ({@link
 * ForkPlan}). Pure: rendering returns the text.
 */
public final class VarianceReport {
  private VarianceReport() {}

  /** Iterations per fork considered for a profile. */
  static final int MAX_ITERATIONS = 20;

  /** One run: its data and its per-fork start-up cost. */
  private record Run(Path dir, JmhRun jmh, double forkOverhead, String note, String load) {}

  /**
   * @param runs run folders, ideally several runs of one configuration on one machine
   * @param forkOverheadSeconds a fork's start-up and set-up cost before warm-up, or null to
   *     estimate it from each run's duration
   * @param budget {forks, iterations}: the design whose time the plan may spend, or null for the
   *     first run's
   */
  public static String render(List<Path> runs, Double forkOverheadSeconds, int[] budget) {
    List<Run> loaded = new ArrayList<>();
    for (Path dir : runs) {
      JmhRun jmh = JmhRun.load(dir);
      double[] estimate = estimateOverhead(dir, jmh);
      double overhead = forkOverheadSeconds != null ? forkOverheadSeconds : estimate[0];
      String note =
          forkOverheadSeconds != null
              ? "given"
              : Double.isNaN(estimate[0])
                  ? "unknown (no bench start and end in env.json): give --fork-overhead"
                  : String.format(
                      Locale.ROOT,
                      "%.2f s, estimated: the run's %.0f s less its %.0f s of warm-up and"
                          + " iterations, over its %.0f forks",
                      estimate[0],
                      estimate[1],
                      estimate[2],
                      estimate[3]);
      loaded.add(new Run(dir, jmh, overhead, note, load(dir)));
    }
    StringBuilder s = new StringBuilder();
    s.append("variance components of the benchmark points (CV = standard deviation / mean)\n");
    for (Run r : loaded) {
      s.append("  ")
          .append(r.dir())
          .append(": load average ")
          .append(r.load())
          .append("; fork start-up and set-up ")
          .append(r.note())
          .append('\n');
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%n%-62s %7s %10s %7s %7s %9s %7s %7s %5s%n",
            "point",
            "f×r",
            "mean",
            "CV run",
            "CV fork",
            "CV iter.",
            "c_f s",
            "c_i s",
            "r*"));
    Map<BenchmarkPoint, List<Integer>> byPoint = new TreeMap<>();
    for (int k = 0; k < loaded.size(); k++) {
      for (BenchmarkPoint p : loaded.get(k).jmh().forks().keySet()) {
        byPoint.computeIfAbsent(p, x -> new ArrayList<>()).add(k);
      }
    }
    List<ForkPlan.Point> plan = new ArrayList<>();
    Run first = loaded.get(0);
    int planForks = 0;
    int planIterations = 0;
    for (Map.Entry<BenchmarkPoint, List<Integer>> e : byPoint.entrySet()) {
      BenchmarkPoint p = e.getKey();
      double between = 0;
      double within = 0;
      double meanOfMeans = 0;
      double varOfMeans = 0;
      List<Double> runMeans = new ArrayList<>();
      VarianceComponents shown = null;
      for (int k : e.getValue()) {
        VarianceComponents v = VarianceComponents.of(loaded.get(k).jmh().forks().get(p));
        double m2 = v.mean() * v.mean();
        between += v.betweenVariance() / m2;
        within += v.withinVariance() / m2;
        varOfMeans += v.varianceOfMean() / m2;
        runMeans.add(v.mean());
        meanOfMeans += v.mean();
        shown = shown == null ? v : shown;
      }
      int n = e.getValue().size();
      between /= n;
      within /= n;
      varOfMeans /= n;
      meanOfMeans /= n;
      double runCv = Double.NaN;
      if (n >= 2) {
        double s2 = 0;
        for (double m : runMeans) {
          s2 += (m - meanOfMeans) * (m - meanOfMeans);
        }
        s2 /= (n - 1) * meanOfMeans * meanOfMeans;
        // the run means' spread less what the forks within each run explain
        runCv = Math.sqrt(Math.max(0, s2 - varOfMeans));
      }
      Run costsFrom = loaded.get(e.getValue().get(0));
      JmhRun.Timing t = costsFrom.jmh().timings().get(p);
      ForkPlan costs =
          new ForkPlan(costsFrom.forkOverhead() + t.warmupTotalSeconds(), t.iterationSeconds());
      double rStar = costs.optimalIterations(between, within);
      s.append(
          String.format(
              Locale.ROOT,
              "%-62s %7s %10s %7s %7s %9s %7s %7s %5s%n",
              clip(p.label(), 62),
              PointComparison.design(shown.forks(), shown.iterations()),
              String.format(Locale.ROOT, "%.4g", shown.mean()),
              Double.isNaN(runCv) ? "-" : pct(runCv),
              shown.hasForkVariance() ? pct(Math.sqrt(between)) : "-",
              shown.hasWithinVariance() ? pct(Math.sqrt(within)) : "-",
              number("%.2f", costs.forkSeconds()),
              number("%.3f", costs.iterationSeconds()),
              !shown.hasWithinVariance()
                  ? "-"
                  : Double.isInfinite(rStar) ? "many" : number("%.1f", rStar)));
      if (e.getValue().contains(0)
          && shown.hasForkVariance()
          && !Double.isNaN(costs.forkSeconds())) {
        VarianceComponents v = VarianceComponents.of(first.jmh().forks().get(p));
        plan.add(new ForkPlan.Point(between, within, costs));
        planForks = v.forks();
        planIterations = (int) Math.round(v.iterations());
      }
    }
    s.append(
        "\nCV run: drift of a point's mean between the runs given, beyond what their forks"
            + " explain (needs two or more runs of one configuration); CV fork: between JVM forks"
            + " beyond their iterations' noise; CV iter.: between iterations of one fork. c_f: a"
            + " fork's start-up, set-up and warm-up; c_i: one iteration (its time setting, or one"
            + " operation if longer). r* = √((c_f/c_i)·(CV iter.²/CV fork²)): the iterations per"
            + " fork that make the mean most precise for its time. With one iteration per fork the"
            + " two within-run parts cannot be told apart: CV fork is then all of it.\n");
    if (!plan.isEmpty()) {
      int f = budget != null ? budget[0] : planForks;
      int r = budget != null ? budget[1] : planIterations;
      ForkPlan.Choice now = ForkPlan.evaluate(plan, f, r);
      s.append(
          String.format(
              Locale.ROOT,
              "%nAn A/B comparison's fork-level intervals, summed over these %d points, with the"
                  + " components above (t on 2(f − 1) degrees of freedom):%n",
              plan.size()));
      s.append(choice("now", now, now));
      for (double factor : new double[] {1.0, 1.25, 1.5}) {
        ForkPlan.Choice c = ForkPlan.choose(plan, factor * now.seconds(), MAX_ITERATIONS);
        if (c != null) {
          s.append(
              choice(
                  String.format(Locale.ROOT, "best in %.0f%% of its time", 100 * factor), c, now));
        }
      }
    }
    return s.toString();
  }

  /**
   * {c_0, T, T_measured, forks}: a fork's start-up and set-up cost c_0 = (T − T_measured)/forks, T
   * the bench run's duration (env.json's bench start and end) and T_measured its warm-up and
   * iterations. The two sides of an interleaved session share T, so each side counts twice.
   */
  static double[] estimateOverhead(Path dir, JmhRun jmh) {
    double measured = 0;
    double forks = 0;
    for (Map.Entry<BenchmarkPoint, double[][]> e : jmh.forks().entrySet()) {
      JmhRun.Timing t = jmh.timings().get(e.getKey());
      int f = e.getValue().length;
      double iterations =
          (double) java.util.Arrays.stream(e.getValue()).mapToInt(x -> x.length).sum();
      measured += f * t.warmupTotalSeconds() + iterations * t.iterationSeconds();
      forks += f;
    }
    if (Interleaving.of(dir).isPresent()) {
      measured *= 2;
      forks *= 2;
    }
    double total = benchSeconds(dir);
    if (Double.isNaN(total) || forks == 0) {
      return new double[] {Double.NaN, total, measured, forks};
    }
    return new double[] {Math.max(0, (total - measured) / forks), total, measured, forks};
  }

  private static double benchSeconds(Path dir) {
    try {
      JsonNode bench =
          new ObjectMapper().readTree(dir.resolve(RunFolder.ENV).toFile()).path("bench");
      Instant start = Instant.parse(bench.path("start").asText());
      Instant end = Instant.parse(bench.path("end").asText());
      return Duration.between(start, end).toMillis() / 1000.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String choice(String what, ForkPlan.Choice c, ForkPlan.Choice now) {
    return String.format(
        Locale.ROOT,
        "  %-26s %2d forks × %2d iterations: %6.0f s of measuring, interval widths × %.2f%n",
        what,
        c.forks(),
        c.iterations(),
        c.seconds(),
        c.width() / now.width());
  }

  private static String load(Path dir) {
    String l = RunStamp.load(dir).get("load_average");
    return l == null ? "unknown" : String.format(Locale.ROOT, "%.1f", Double.parseDouble(l));
  }

  private static String number(String format, double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
