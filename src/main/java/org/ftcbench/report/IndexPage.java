package org.ftcbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.RunFolder;

/**
 * index.html: the one-screen summary — verdict table, headline figure, environment table, links to
 * the detail pages and to the run's files, and the other runs reported.
 */
public final class IndexPage {
  private IndexPage() {}

  public static String render(Analysis a, PageContext ctx) {
    RunData run = a.run();
    StringBuilder b = new StringBuilder();
    b.append(
            "<p>How many neurons does a small ReLU adapter g need so that a frozen network f plus g")
        .append(
            " fits K samples after N labels changed (Sohn et al., UAI 2024)? Theory: Θ(N) for a")
        .append(
            " 2-layer g (Theorem 4.1), Θ(√N) for a 3-layer g (Theorem 5.1). This run answers it")
        .append(
            " certified (constructions), trained (gradient descent) and costed (JMH). Details: ")
        .append(Html.link(Page.CAPACITY, "capacity"))
        .append(", ")
        .append(Html.link(Page.KERNELS, "kernels"))
        .append(".</p>\n");
    b.append("<h2 id=\"verdicts\">Scaling verdicts</h2>\n");
    if (a.fits().isEmpty()) {
      b.append(
          "<p class=\"absent\" id=\"verdict-table\">No series to fit: the run has no certify.csv, capacity.csv or jmh.json rows.</p>\n");
    } else {
      List<SeriesFit> headline =
          a.fits().stream()
              .filter(
                  f ->
                      f.series().kind() != Kind.UPPER_BOUND
                          && f.series().kind() != Kind.LOWER_BOUND)
              .toList();
      b.append("<div id=\"verdict-table\">")
          .append(VerdictTable.render(headline, ctx, true))
          .append("</div>\n");
    }
    b.append("<p><small>")
        .append(VerdictTable.EXPLANATION)
        .append(" The theorem bounds' own fits, the bootstrap intervals and R² are on the ")
        .append(Html.link(Page.CAPACITY, "capacity"))
        .append(" and ")
        .append(Html.link(Page.KERNELS, "kernels"))
        .append(" pages.</small></p>\n");
    b.append(Page.figure(CapacityFigures.headline(a), ctx));
    b.append("<h2 id=\"environment\">Environment</h2>\n");
    if (run.env().isEmpty()) {
      b.append("<p class=\"absent\">env.json is missing: the machine is unknown.</p>\n");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : run.env().entrySet()) {
        rows.add(List.of(Html.esc(e.getKey()), Html.esc(e.getValue())));
      }
      b.append(Html.table("env", List.of("field", "value"), rows));
    }
    b.append("<h2 id=\"files\">Run files</h2>\n<ul>\n");
    for (String f :
        List.of(
            RunFolder.ENV,
            RunFolder.CERTIFY,
            RunFolder.CAPACITY,
            RunFolder.CELLS,
            RunFolder.JMH,
            "failures.csv")) {
      String href = ctx.href(f);
      if (href != null) {
        b.append("<li>").append(Html.link(href, f)).append("</li>\n");
      } else if (!f.equals("failures.csv")) {
        b.append("<li>").append(Html.esc(f)).append(" — missing</li>\n");
      }
    }
    b.append("</ul>\n");
    run.failures()
        .ifPresent(
            t ->
                b.append("<p><strong>")
                    .append(t.rowCount())
                    .append(
                        " failed cells</strong> are recorded in failures.csv (training diverged or")
                    .append(" produced NaN); they are not in the fits.</p>\n"));
    runs(b, ctx);
    return Page.render("Fine-tuning capacity: summary", Page.INDEX, run, ctx, b.toString());
  }

  /** Every run reported, grouped by machine, newest first, and the latest comparison. */
  private static void runs(StringBuilder b, PageContext ctx) {
    b.append("<h2 id=\"runs\">Runs by machine</h2>\n");
    if (ctx.comparison() != null) {
      b.append("<p id=\"latest-comparison\">Latest comparison: ")
          .append(Html.link(ctx.comparison().href(), ctx.comparison().text()))
          .append(" (written by <code>ftc-bench compare RUN_A RUN_B</code>).</p>\n");
    } else {
      b.append(
          "<p id=\"latest-comparison\">No comparison yet: <code>ftc-bench compare RUN_A"
              + " RUN_B</code> writes one and the next report links it here.</p>\n");
    }
    Map<String, List<PageContext.RunLink>> byMachine = new TreeMap<>();
    for (PageContext.RunLink r : ctx.runs()) {
      byMachine.computeIfAbsent(r.machine(), m -> new ArrayList<>()).add(r);
    }
    b.append("<div id=\"run-history\">\n");
    for (var e : byMachine.entrySet()) {
      List<PageContext.RunLink> runs = new ArrayList<>(e.getValue());
      runs.sort(Comparator.comparing(PageContext.RunLink::runId).reversed());
      b.append("<h3 class=\"machine\">")
          .append(Html.esc(e.getKey().isEmpty() ? "(unknown machine)" : e.getKey()))
          .append(" — ")
          .append(runs.size())
          .append(runs.size() == 1 ? " run" : " runs")
          .append("</h3>\n<ul>\n");
      for (PageContext.RunLink r : runs) {
        b.append("<li>")
            .append(Html.link(r.href(), r.runId()))
            .append(r.detail().isEmpty() ? "" : " — " + Html.esc(r.detail()))
            .append(r.current() ? " <strong>(this page)</strong>" : "")
            .append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("</div>\n");
  }
}
