package org.ftcbench.report;

import java.util.Map;

/**
 * Where the comparison page sits relative to what it links; all links are relative, so the report
 * folder opens offline from anywhere.
 *
 * @param plotlyHref the plotly.js script ("../assets/plotly-2.35.3.min.js")
 * @param indexHref the report's index page, or null when no report has been written yet
 * @param filesA run A's file name → link ("jmh.json" → "../data/m/r/jmh.json")
 * @param filesB the same for run B
 */
public record ComparisonContext(
    String plotlyHref, String indexHref, Map<String, String> filesA, Map<String, String> filesB) {
  public ComparisonContext {
    filesA = Map.copyOf(filesA);
    filesB = Map.copyOf(filesB);
  }
}
