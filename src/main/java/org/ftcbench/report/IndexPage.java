package org.ftcbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.RunFolder;

/**
 * index.html: the one-screen summary — which run it shows and why, verdict table, headline figure,
 * environment table, links to the detail pages and to the run's files, and the overview of all runs
 * reported ({@link RunsSection}).
 */
public final class IndexPage {
  private IndexPage() {}

  /**
   * @param loraPage whether the run has a LoRA page to link ({@link Report#pages} writes one for
   *     runs with LoRA rows)
   */
  public static String render(Analysis a, PageContext ctx, boolean loraPage) {
    RunData run = a.run();
    StringBuilder b = new StringBuilder(RunsSection.frontLine(run.dir(), ctx));
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
        .append(". Two experiments beyond the paper's setting: pre-training quality (")
        .append(Html.link(Page.FRACTION, "width against N/K"))
        .append(") and the ")
        .append(Html.link(Page.STRUCTURE, "shape of the data"))
        .append(
            loraPage
                ? "; and the paper's open question, "
                    + Html.link(Page.LORA, "LoRA adapters (rank against N)")
                : "")
        .append(".</p>\n");
    b.append("<h2 id=\"verdicts\">Scaling verdicts</h2>\n");
    if (a.fits().isEmpty()) {
      b.append(
          Html.absent(
              "verdict-table",
              "No series to fit: the run has no certify.csv, capacity.csv or jmh.json rows."));
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
    for (String f : ReportWriter.LINKED) {
      String href = ctx.href(f);
      if (href != null) {
        b.append("<li>").append(Html.link(href, f)).append("</li>\n");
      } else if (!ReportWriter.OPTIONAL.contains(f)) {
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
                        " failed cells</strong> are recorded in "
                            + RunFolder.FAILURES
                            + " (training diverged or produced NaN, or the worker training"
                            + " them died: the file gives each cell's reason; rerun the sweep"
                            + " with --run to retry lost cells); they are not in the fits.</p>\n"));
    b.append(RunsSection.overview(run.dir(), ctx));
    return Page.render("Fine-tuning capacity: summary", Page.INDEX, run, ctx, b.toString());
  }
}
