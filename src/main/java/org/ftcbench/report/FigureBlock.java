package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One figure of a page: the plotly figure, what it shows and how to read it, and the run files it
 * comes from. A figure that could not be made (no data) keeps its title and says why instead.
 *
 * @param id the element id of the plot ("fig_headline")
 * @param title the heading
 * @param plot the figure as plotly JSON, or null when there is nothing to draw
 * @param caption what the figure shows and how to read it (plain text)
 * @param files names of the run files it comes from ("certify.csv")
 * @param missing why there is no figure, when {@code plot} is null
 */
public record FigureBlock(
    String id,
    String title,
    PlotlyFigure plot,
    String caption,
    List<String> files,
    String missing) {
  public FigureBlock {
    // the id names the plot's element and its figure block in the page and the tests
    if (!id.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("figure id '" + id + "' is not an identifier");
    }
  }

  /** A figure drawn from plotly JSON. */
  static FigureBlock of(
      String id, String title, PlotlyFigure plot, String caption, List<String> files) {
    return new FigureBlock(id, title, plot, caption, files, "");
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
    return new FigureBlock(id, title, plot, caption, otherFiles, missing);
  }

  /** A figure that could not be drawn, and why. */
  public static FigureBlock absent(
      String id, String title, String caption, List<String> files, String why) {
    return new FigureBlock(id, title, null, caption, files, why);
  }

  public boolean isDrawn() {
    return plot != null;
  }
}
