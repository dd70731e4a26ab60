package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.analysis.SeriesFit;
import tech.tablesaw.plotly.components.Line;

/** The residuals of power-law fits: how far each point lies from its fitted line. */
final class FitFigures {
  private FitFigures() {}

  static FigureBlock residuals(String id, String title, List<SeriesFit> fits, List<String> files) {
    String caption =
        "Residuals of the fits in the table above: log10(y) − log10(a·N^b) for each point (0 = on"
            + " the line; 0.1 = 26% above it). A pure power law leaves residuals scattered around"
            + " 0; a curve (e.g. residuals below 0 at both ends) means the slope changes with N, and"
            + " the upper-decade fit is the better summary of large N.";
    List<ObjectNode> traces = new ArrayList<>();
    int i = 0;
    for (SeriesFit f : fits) {
      if (!f.fit().isFitted()) {
        continue;
      }
      traces.add(
          Traces.lineMarkers(
              f.fit().n(),
              f.fit().residuals(),
              f.series().title(),
              Colors.palette(i++),
              Line.Dash.DOT));
    }
    ObjectNode layout = Layouts.of(title, "N", true, "log10 residual", false);
    String why = "no series had two or more N to fit";
    return FigureBlock.of(id, title, layout, traces, caption, files, why, 0);
  }
}
