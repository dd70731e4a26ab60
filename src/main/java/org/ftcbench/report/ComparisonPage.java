package org.ftcbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.Notice;
import org.ftcbench.analysis.PowerLawFit;
import org.ftcbench.analysis.RunData;
import org.ftcbench.compare.BenchmarkPoint;
import org.ftcbench.compare.CapacityTable;
import org.ftcbench.compare.Comparison;
import org.ftcbench.compare.Label;
import org.ftcbench.compare.PointComparison;
import org.ftcbench.compare.RunStamp;
import org.ftcbench.compare.SlopeComparison;
import org.ftcbench.results.RunFolder;

/**
 * The comparison page of two runs (issue 7): label counts and mismatches, the environment stamps
 * side by side with the differences highlighted, every point's ratio B/A with its interval, p-value
 * and label, the ratio figure, both runs' scaling curves, trained minimum widths and fitted slopes.
 * Pure: rendering returns the page.
 */
public final class ComparisonPage {
  private ComparisonPage() {}

  public static String render(Comparison c, Analysis a, Analysis b, ComparisonContext ctx) {
    RunData ra = a.run();
    RunData rb = b.run();
    List<SlopeComparison> slopes = SlopeComparison.of(a, b);
    StringBuilder s = new StringBuilder();
    s.append("<h1>Comparison: run B against run A</h1>\n<p class=\"sub\">")
        .append(runLine("A (baseline)", ra, ctx.filesA()))
        .append("<br>")
        .append(runLine("B", rb, ctx.filesB()))
        .append("</p>\n");
    summary(s, c, ra, rb);
    environment(s, c);
    s.append("<h2 id=\"ratios\">Every point at a glance</h2>\n");
    s.append(figure(ComparisonFigures.ratios(c), ctx));
    points(s, c, ctx);
    s.append("<h2 id=\"scaling\">Scaling: both runs on one plot</h2>\n");
    for (FigureBlock f : ComparisonFigures.scaling(a, b)) {
      s.append(figure(f, ctx));
    }
    capacity(s, c);
    s.append(figure(ComparisonFigures.trainedWidths(slopes), ctx));
    slopes(s, slopes);
    s.append(figure(ComparisonFigures.slopes(slopes), ctx));
    s.append("<p><small>Made by <code>ftc-bench compare ")
        .append(Html.esc(c.runA().toString()))
        .append(" ")
        .append(Html.esc(c.runB().toString()))
        .append("</code> from the two run folders' files alone; the same files give the same page")
        .append(" (the bootstrap is seeded).</small></p>\n");
    String nav =
        (ctx.indexHref() == null ? "" : Page.navLink(ctx.indexHref(), "Report", false))
            + Page.navLink("#summary", "Comparison", true);
    return Page.document(
        "Comparison: " + rb.label() + " against " + ra.label(),
        nav,
        ctx.plotlyHref(),
        s.toString());
  }

  private static String runLine(String which, RunData r, Map<String, String> files) {
    StringBuilder sb = new StringBuilder();
    sb.append("Run ")
        .append(Html.esc(which))
        .append(": <code>")
        .append(Html.esc(r.label()))
        .append("</code>");
    if (r.env().containsKey("profile")) {
      sb.append(", profile <code>").append(Html.esc(r.env().get("profile"))).append("</code>");
    }
    if (r.env().containsKey("start")) {
      sb.append(", started ").append(Html.esc(r.env().get("start")));
    }
    List<String> links = new ArrayList<>();
    for (String f : List.of(RunFolder.ENV, RunFolder.JMH, RunFolder.CAPACITY, RunFolder.CERTIFY)) {
      if (files.containsKey(f)) {
        links.add(Html.link(files.get(f), f));
      }
    }
    if (!links.isEmpty()) {
      sb.append(" — ").append(String.join(", ", links));
    }
    return sb.toString();
  }

  // ---- summary ----

  private static void summary(StringBuilder s, Comparison c, RunData ra, RunData rb) {
    s.append("<h2 id=\"summary\">Summary</h2>\n");
    Map<Label, Long> counts = c.counts();
    s.append("<table class=\"counts\" id=\"label-counts\">\n<thead><tr>");
    for (Label l : Label.values()) {
      s.append("<th>").append(l.word()).append("</th>");
    }
    s.append("<th>compared</th><th>only in A</th><th>only in B</th></tr></thead>\n<tbody><tr>");
    for (Label l : Label.values()) {
      s.append("<td class=\"l-")
          .append(l.word())
          .append("\" data-label=\"")
          .append(l.word())
          .append("\">")
          .append(counts.get(l))
          .append("</td>");
    }
    s.append("<td>")
        .append(c.points().size())
        .append("</td><td>")
        .append(c.onlyInA().size())
        .append("</td><td>")
        .append(c.onlyInB().size())
        .append("</td></tr></tbody></table>\n");
    s.append("<p>").append(Html.esc(verdictSentence(c))).append("</p>\n");
    s.append("<ul id=\"methods\">\n");
    for (String m : c.methods()) {
      int colon = m.indexOf(':');
      s.append("<li><strong>")
          .append(Html.esc(m.substring(0, colon)))
          .append("</strong>")
          .append(Html.esc(m.substring(colon)))
          .append("</li>\n");
    }
    s.append("</ul>\n");
    s.append("<p><small>")
        .append(
            Html.esc(
                "A point is same when B/A lies within its noise floor; faster or slower when it"
                    + " lies beyond the floor and the fork-level test is significant (p < "
                    + Label.ALPHA
                    + ", the interval excludes 1); inconclusive when it lies beyond the floor"
                    + " without significance. The floor is the default, or the machine's A/A"
                    + " calibration where that is larger: a difference that identical runs on"
                    + " this machine show one time in twenty is never labelled. See"
                    + " docs/comparing.md."))
        .append("</small></p>\n");
    detectable(s, c);
    List<String> notes = new ArrayList<>(c.mismatches());
    for (Notice n : ra.notices()) {
      notes.add("run A: " + n.oneLine());
    }
    for (Notice n : rb.notices()) {
      notes.add("run B: " + n.oneLine());
    }
    if (notes.isEmpty()) {
      s.append(
          "<p id=\"comparison-notes\">No mismatches: both runs used the same profile and measured"
              + " the same points.</p>\n");
    } else {
      s.append(
          "<div class=\"notices\" id=\"comparison-notes\"><h2>Notes: what does not match or is"
              + " missing</h2><ul>\n");
      for (String n : notes) {
        s.append("<li>").append(Html.esc(n)).append("</li>\n");
      }
      s.append("</ul></div>\n");
    }
  }

  /** The smallest change the comparison can label, per benchmark. */
  private static void detectable(StringBuilder s, Comparison c) {
    Map<String, double[]> d = c.detectableByBenchmark();
    if (d.isEmpty()) {
      return;
    }
    s.append(
        "<p>Smallest change this comparison can label, per benchmark (the larger of the point's"
            + " noise floor and its interval's half-width; a change of that size is labelled"
            + " about half the time):</p>\n<table class=\"detectable\" id=\"detectable\">\n"
            + "<thead><tr><th>benchmark</th><th>smallest labelled change</th></tr></thead>\n"
            + "<tbody>\n");
    d.forEach(
        (bench, r) ->
            s.append("<tr><td>")
                .append(Html.esc(bench))
                .append("</td>")
                .append(
                    numCell(
                        r[0] == r[1]
                            ? Comparison.percent(r[0])
                            : Comparison.percent(r[0]) + " – " + Comparison.percent(r[1])))
                .append("</tr>\n"));
    s.append("</tbody></table>\n");
  }

  /**
   * "slower at 3 points (largest slowdown +35.2%, point)", for the point that {@code order} puts
   * last.
   */
  private static Optional<String> extreme(
      List<PointComparison> points, Comparator<PointComparison> order, String word, String change) {
    return points.stream()
        .max(order)
        .map(
            p ->
                word
                    + " at "
                    + count(points.size())
                    + " (largest "
                    + change
                    + " "
                    + ComparisonFigures.percent(p.slowdown())
                    + ", "
                    + p.point().label()
                    + ")");
  }

  /** "B is significantly slower at 3 points (worst: …, +35.2%) and faster at 1 point (…)." */
  static String verdictSentence(Comparison c) {
    if (c.points().isEmpty()) {
      return "No benchmark point was measured in both runs: nothing to compare.";
    }
    List<PointComparison> slower =
        c.points().stream().filter(p -> p.label() == Label.SLOWER).toList();
    List<PointComparison> faster =
        c.points().stream().filter(p -> p.label() == Label.FASTER).toList();
    if (slower.isEmpty() && faster.isEmpty()) {
      long same = c.counts().get(Label.SAME);
      return same == c.points().size()
          ? "B and A are the same at every point within the noise floor."
          : "No point is significantly faster or slower; "
              + (c.points().size() - same)
              + " of "
              + c.points().size()
              + " are inconclusive (too few or too noisy samples for their difference).";
    }
    List<String> parts = new ArrayList<>();
    extreme(slower, Comparator.comparingDouble(PointComparison::slowdown), "slower", "slowdown")
        .ifPresent(parts::add);
    extreme(
            faster,
            Comparator.comparingDouble(PointComparison::slowdown).reversed(),
            "faster",
            "speed-up")
        .ifPresent(parts::add);
    return "B is significantly " + String.join(" and ", parts) + ".";
  }

  private static String count(int n) {
    return n == 1 ? "1 point" : n + " points";
  }

  // ---- environment ----

  private static void environment(StringBuilder s, Comparison c) {
    s.append("<h2 id=\"environment\">Environment, side by side</h2>\n");
    List<String> keys = RunStamp.keys(c.envA(), c.envB());
    if (keys.isEmpty()) {
      s.append("<p class=\"absent\">Neither run has an env.json: the machines are unknown.</p>\n");
      return;
    }
    List<String> differing =
        keys.stream().filter(k -> RunStamp.differs(k, c.envA(), c.envB())).toList();
    s.append("<p>")
        .append(
            differing.isEmpty()
                ? "The stamps agree on every field (start and end times aside)."
                : "Highlighted: the "
                    + differing.size()
                    + (differing.size() == 1 ? " field" : " fields")
                    + " in which the runs differ ("
                    + Html.esc(String.join(", ", differing))
                    + "). The key fields (CPU, cores, JVM, flags, jblas, commit, profile) come"
                    + " first.")
        .append("</p>\n");
    s.append(
        "<table class=\"env-compare\" id=\"env-compare\">\n<thead><tr><th>field</th><th>run A</th>"
            + "<th>run B</th></tr></thead>\n<tbody>\n");
    for (String k : keys) {
      boolean d = RunStamp.differs(k, c.envA(), c.envB());
      s.append(d ? "<tr class=\"differs\">" : "<tr>")
          .append("<td>")
          .append(Html.esc(k))
          .append("</td><td>")
          .append(Html.esc(c.envA().getOrDefault(k, "—")))
          .append("</td><td>")
          .append(Html.esc(c.envB().getOrDefault(k, "—")))
          .append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  // ---- points ----

  private static void points(StringBuilder s, Comparison c, ComparisonContext ctx) {
    s.append("<h2 id=\"points\">Every point</h2>\n");
    if (c.points().isEmpty()) {
      s.append("<p class=\"absent\">No benchmark point was measured in both runs.</p>\n");
    } else {
      s.append(
          "<table class=\"points\" id=\"point-table\">\n<thead><tr><th>Point (benchmark"
              + " [parameters] mode)</th><th>mean A</th><th>mean B</th><th>B/A</th><th>95%"
              + " fork-level</th><th>p</th><th>forks×iterations A / B</th><th>noise"
              + " floor</th><th>smallest labelled change</th><th>label</th><th>B slower"
              + " by</th></tr></thead>\n<tbody>\n");
      for (PointComparison p : c.points()) {
        s.append("<tr><td>")
            .append(Html.esc(p.point().label()))
            .append("</td>")
            .append(numCell(Format.sig(p.meanA(), 4) + " " + p.unit()))
            .append(numCell(Format.sig(p.meanB(), 4) + " " + p.unit()))
            .append(numCell(String.format(Locale.ROOT, "%.3f", p.ratio().ratio())))
            .append(
                numCell(
                    p.ratio().hasInterval()
                        ? String.format(
                            Locale.ROOT, "[%.3f, %.3f]", p.ratio().low(), p.ratio().high())
                        : "— (one fork)"))
            .append(numCell(Format.sig(p.pValue(), 2)))
            .append(numCell(p.designs()))
            .append(
                numCell(
                    "±"
                        + Comparison.percent(p.noiseFloor())
                        + (p.floorPairs() > 0 ? " (A/A, " + p.floorPairs() + " pairs)" : "")))
            .append(
                numCell(Double.isNaN(p.detectable()) ? "—" : Comparison.percent(p.detectable())))
            .append("<td class=\"l-")
            .append(p.label().word())
            .append("\">")
            .append(p.label().word())
            .append("</td>")
            .append(numCell(ComparisonFigures.percent(p.slowdown())))
            .append("</tr>\n");
      }
      s.append("</tbody></table>\n");
      s.append(
          "<p><small>\"B slower by\" is B/A − 1 for times per operation and A/B − 1 for"
              + " throughputs: negative means B is faster. It is what <code>--fail-on-regression"
              + " PCT</code> compares with PCT, for the points labelled slower.</small></p>\n");
    }
    only(s, "only-a", "Only in run A (not compared)", c.onlyInA());
    only(s, "only-b", "Only in run B (not compared)", c.onlyInB());
  }

  private static void only(StringBuilder s, String id, String title, List<BenchmarkPoint> pts) {
    if (pts.isEmpty()) {
      return;
    }
    s.append("<h3 id=\"").append(id).append("\">").append(Html.esc(title)).append("</h3>\n<ul>\n");
    for (BenchmarkPoint p : pts) {
      s.append("<li>").append(Html.esc(p.label())).append("</li>\n");
    }
    s.append("</ul>\n");
  }

  private static String numCell(String text) {
    return "<td class=\"num\">" + Html.esc(text) + "</td>";
  }

  // ---- capacity ----

  private static void capacity(StringBuilder s, Comparison c) {
    s.append("<h2 id=\"capacity\">Trained capacity, side by side</h2>\n");
    TreeSet<CapacityTable.Key> keys = new TreeSet<>(c.capacityA().keySet());
    keys.addAll(c.capacityB().keySet());
    if (keys.isEmpty()) {
      s.append(
          Html.absent("capacity-table", "Neither run has trained minimum widths (capacity.csv)."));
      return;
    }
    s.append(
        "<p>The smallest trained adapter width m_min that passed each criterion, geometric mean over seeds"
            + " (cells where no width passed are left out of the mean). Rows where the runs"
            + " differ are highlighted: training is seeded, so the same code on another machine"
            + " should find the same widths, up to floating-point differences of the BLAS.</p>\n");
    long differing =
        keys.stream()
            .filter(k -> capacityDiffers(c.capacityA().get(k), c.capacityB().get(k)))
            .count();
    s.append(
        differing == 0
            ? "<details><summary>All " + keys.size() + " rows agree: show the table</summary>\n"
            : "<p><strong>" + differing + " of " + keys.size() + " rows differ.</strong></p>\n");
    s.append(
        "<table class=\"capacity-compare\" id=\"capacity-table\">\n<thead><tr><th>criterion</th>"
            + "<th>depth</th><th>N</th><th>K</th><th>m_min A</th><th>m_min B</th><th>B/A</th>"
            + "</tr></thead>\n<tbody>\n");
    for (CapacityTable.Key k : keys) {
      Double va = c.capacityA().get(k);
      Double vb = c.capacityB().get(k);
      boolean d = capacityDiffers(va, vb);
      s.append(d ? "<tr class=\"differs\">" : "<tr>")
          .append("<td>")
          .append(Html.esc(k.criterion()))
          .append("</td><td>")
          .append(k.depth())
          .append("</td><td class=\"num\">")
          .append(k.n())
          .append("</td><td class=\"num\">")
          .append(k.k())
          .append("</td><td class=\"num\">")
          .append(width(va))
          .append("</td><td class=\"num\">")
          .append(width(vb))
          .append("</td><td class=\"num\">")
          .append(
              va != null && vb != null && va > 0
                  ? String.format(Locale.ROOT, "%.3f", vb / va)
                  : "—")
          .append("</td></tr>\n");
    }
    s.append("</tbody></table>\n").append(differing == 0 ? "</details>\n" : "");
  }

  /** Present in only one run, or a different mean width. */
  private static boolean capacityDiffers(Double a, Double b) {
    return a == null || b == null || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));
  }

  private static String width(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
  }

  // ---- slopes ----

  private static void slopes(StringBuilder s, List<SlopeComparison> slopes) {
    s.append("<h2 id=\"slopes\">Fitted slopes, both runs</h2>\n");
    if (slopes.isEmpty()) {
      s.append(
          Html.absent(
              "slope-table",
              "Neither run has a series to fit (no certify.csv, capacity.csv or jmh.json rows)."));
      return;
    }
    s.append(
        "<p>The slope b of y = a·N^b fitted to each series in each run (one point per N, the"
            + " geometric mean of its samples), with b's 95% Student-t interval and the verdict"
            + " it supports, as on each run's own report. Highlighted: the two intervals do not"
            + " overlap, so the runs disagree on the growth law itself, not just on its"
            + " constant.</p>\n");
    s.append(
        "<table class=\"slopes-compare\" id=\"slope-table\">\n<thead><tr><th>series</th>"
            + "<th>expected b</th><th>A: b [95% t]</th><th>A verdict</th><th>B: b [95% t]</th>"
            + "<th>B verdict</th><th>b(B) − b(A)</th></tr></thead>\n<tbody>\n");
    for (SlopeComparison sc : slopes) {
      s.append(sc.disjoint() ? "<tr class=\"differs\">" : "<tr>")
          .append("<td>")
          .append(Html.esc(sc.title()))
          .append("</td><td>")
          .append(Html.esc(sc.expected()))
          .append("</td><td class=\"num\">")
          .append(Html.esc(slope(sc.a())))
          .append("</td><td>")
          .append(verdict(sc.a()))
          .append("</td><td class=\"num\">")
          .append(Html.esc(slope(sc.b())))
          .append("</td><td>")
          .append(verdict(sc.b()))
          .append("</td><td class=\"num\">")
          .append(
              Double.isNaN(sc.difference())
                  ? "—"
                  : String.format(Locale.ROOT, "%+.2f", sc.difference()))
          .append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  private static String slope(PowerLawFit f) {
    if (f == null) {
      return "— (not in this run)";
    }
    if (!f.isFitted()) {
      return "— (" + f.points() + " N)";
    }
    return Format.slope(f.b()) + " " + Format.interval(f.bLow(), f.bHigh());
  }

  private static String verdict(PowerLawFit f) {
    if (f == null || !f.isFitted()) {
      return "—";
    }
    var v = f.verdict();
    return "<span class=\"v-"
        + v.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
        + "\">"
        + Html.esc(v.text())
        + "</span>";
  }

  // ---- figures with both runs' files on their "Data:" line ----

  /** The figure, with each of its files named twice: "jmh.json of A", "jmh.json of B". */
  private static String figure(FigureBlock f, ComparisonContext ctx) {
    List<String> files = new ArrayList<>();
    Map<String, String> hrefs = new LinkedHashMap<>();
    for (String file : f.files()) {
      for (String side : List.of("A", "B")) {
        String name = file + " of " + side;
        files.add(name);
        String href = (side.equals("A") ? ctx.filesA() : ctx.filesB()).get(file);
        if (href != null) {
          hrefs.put(name, href);
        }
      }
    }
    return Page.figure(f.citing(files), PageContext.filesOnly(ctx.plotlyHref(), hrefs));
  }
}
