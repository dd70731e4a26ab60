package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import tech.tablesaw.plotly.components.Figure;

/**
 * One figure of a page: the Tablesaw figure, what it shows and how to read it, and the run files it
 * comes from. A figure that could not be made (no data) keeps its title and says why instead.
 *
 * @param id the element id of the plot ("fig_headline")
 * @param title the heading
 * @param figure the Tablesaw figure, or null when there is nothing to draw or {@code plot} is drawn
 * @param plot the figure as plotly JSON, or null when there is nothing to draw or {@code figure} is
 *     drawn
 * @param caption what the figure shows and how to read it (plain text)
 * @param files names of the run files it comes from ("certify.csv")
 * @param afterPlot JavaScript run after the plot is drawn ({@code el} is the plot's element), for
 *     plotly attributes Tablesaw cannot express (a heatmap's colour scale, the legend); may be ""
 * @param missing why there is no figure, when {@code figure} is null
 */
public record FigureBlock(
    String id,
    String title,
    Figure figure,
    PlotlyFigure plot,
    String caption,
    List<String> files,
    String afterPlot,
    String missing) {
  public FigureBlock {
    // Tablesaw names a JavaScript variable after the element id
    if (!id.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("figure id '" + id + "' is not a JavaScript identifier");
    }
  }

  public static FigureBlock of(
      String id,
      String title,
      Figure figure,
      String caption,
      List<String> files,
      String afterPlot) {
    return new FigureBlock(id, title, figure, null, caption, files, afterPlot, "");
  }

  /** A figure drawn from plotly JSON. */
  static FigureBlock of(
      String id, String title, PlotlyFigure plot, String caption, List<String> files) {
    return new FigureBlock(id, title, null, plot, caption, files, "", "");
  }

  /**
   * The traces drawn in the layout with the legend below the plot, {@code perRow} entries a row (0:
   * as many as fit, {@link Layouts#legendBelow}), or, when there are none, the "not shown" box
   * saying {@code whyEmpty}.
   */
  static FigureBlock of(
      String id,
      String title,
      ObjectNode layout,
      List<ObjectNode> traces,
      String caption,
      List<String> files,
      String whyEmpty,
      int perRow) {
    if (traces.isEmpty()) {
      return absent(id, title, caption, files, whyEmpty);
    }
    Layouts.legendBelow(layout, traces, perRow);
    return of(id, title, PlotlyFigure.of(layout, traces), caption, files);
  }

  /** The same figure citing other files. */
  FigureBlock citing(List<String> otherFiles) {
    return new FigureBlock(id, title, figure, plot, caption, otherFiles, afterPlot, missing);
  }

  /** A figure that could not be drawn, and why. */
  public static FigureBlock absent(
      String id, String title, String caption, List<String> files, String why) {
    return new FigureBlock(id, title, null, null, caption, files, "", why);
  }

  public boolean isDrawn() {
    return figure != null || plot != null;
  }
}
