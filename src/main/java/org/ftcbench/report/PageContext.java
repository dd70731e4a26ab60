package org.ftcbench.report;

import java.util.List;
import java.util.Map;

/**
 * Where a page sits relative to what it links: the plotly script, the run's files and the other
 * pages. All links are relative so a report folder opens offline from anywhere.
 *
 * @param plotlyHref the plotly.js script ("assets/plotly-2.35.3.js")
 * @param fileHrefs run file name → link ("certify.csv" → "../benchmarks/results/m/r/certify.csv")
 * @param runs other runs' index pages (label → link), shown on the index page
 */
public record PageContext(String plotlyHref, Map<String, String> fileHrefs, List<RunLink> runs) {
  /** A link to one run's report. */
  public record RunLink(String label, String href, boolean current) {}

  /** The link to a run file, or null if the run has no such file. */
  public String href(String file) {
    return fileHrefs.get(file);
  }
}
