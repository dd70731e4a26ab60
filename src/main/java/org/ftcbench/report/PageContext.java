package org.ftcbench.report;

import java.util.List;
import java.util.Map;

/**
 * Where a page sits relative to what it links: the plotly script, the run's files and the other
 * pages. All links are relative so a report folder opens offline from anywhere.
 *
 * @param plotlyHref the plotly.js script ("assets/plotly-2.35.3.min.js")
 * @param fileHrefs run file name → link ("certify.csv" → "data/m/r/certify.csv")
 * @param runs every run reported, with a link to its index page, shown on the index page
 * @param comparison the latest comparison page ({@code compare}), or null when there is none
 */
public record PageContext(
    String plotlyHref,
    Map<String, String> fileHrefs,
    List<RunLink> runs,
    ComparisonLink comparison) {
  /**
   * A link to one run's report.
   *
   * @param machine the machine folder
   * @param runId the run folder (a UTC timestamp)
   * @param detail e.g. "profile quick, started 2026-11-26T23:57:48Z", or ""
   * @param href the run's index page
   * @param current whether it is the run of the page showing the link
   */
  public record RunLink(String machine, String runId, String detail, String href, boolean current) {
    /** "machine / run". */
    public String label() {
      return machine + " / " + runId;
    }
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
}
