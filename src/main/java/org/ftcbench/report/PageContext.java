package org.ftcbench.report;

import java.nio.file.Path;
import java.util.Map;
import org.ftcbench.analysis.RunOverview;
import org.ftcbench.analysis.RunSummary;

/**
 * Where a page sits relative to what it links: the plotly script, the run's files and the other
 * pages. All links are relative so a report folder opens offline from anywhere.
 *
 * @param plotlyHref the plotly.js script ("assets/plotly-2.35.3.min.js")
 * @param fileHrefs run file name → link ("certify.csv" → "data/m/r/certify.csv")
 * @param overview every run reported and the front page's run, shown on the index page; null on a
 *     page that lists no runs
 * @param runHrefs run folder → link to that run's index page
 * @param comparison the latest comparison page ({@code compare}), or null when there is none
 */
public record PageContext(
    String plotlyHref,
    Map<String, String> fileHrefs,
    RunOverview overview,
    Map<Path, String> runHrefs,
    ComparisonLink comparison) {
  /** A page that links files only: no run list, no comparison. */
  static PageContext filesOnly(String plotlyHref, Map<String, String> fileHrefs) {
    return new PageContext(plotlyHref, fileHrefs, null, Map.of(), null);
  }

  /**
   * A link to a comparison page.
   *
   * @param text e.g. "host-b / 20261127T… against host-a / 20261126T…"
   * @param href the page
   */
  public record ComparisonLink(String text, String href) {}

  /** The link to a run file, or null if the run has no such file. */
  public String href(String file) {
    return fileHrefs.get(file);
  }

  /** The link to a run's index page, or null if it has none. */
  public String runHref(RunSummary run) {
    return runHrefs.get(run.dir());
  }
}
