package org.ftcbench.report;

import static org.ftcbench.report.PlotlyFigure.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import tech.tablesaw.plotly.components.Margin;

/**
 * The report's plotly layouts ({@link PlotlyFigure}): a titled figure of fixed size with titled
 * axes, and the legend below the plot. Margins are tablesaw-jsplot's {@link Margin} component.
 */
final class Layouts {
  private Layouts() {}

  static final int WIDTH = 940;
  static final int HEIGHT = 520;

  /** The top margin of every figure, room for its title. */
  static final int MARGIN_TOP = 50;

  /** Room left of the plot for the y axis's labels and title, and a little to its right. */
  private static final Margin MARGIN =
      Margin.builder().left(70).right(20).top(MARGIN_TOP).bottom(60).build();

  /** The plot area's width. */
  private static final double PLOT_WIDTH = WIDTH - 70 - 20;

  /** The plot area's height in a figure with its legend below. */
  private static final int PLOT_HEIGHT = 350;

  /** The room below the plot area for a log axis's two rows of tick labels and its title. */
  private static final int AXIS_ROOM = 75;

  /** The room below the legend, between it and the caption. */
  private static final int LEGEND_BELOW = 10;

  /** A legend row's height at font size 11 (plotly draws about 19 px; a little to spare). */
  static final int LEGEND_ROW = 21;

  /** A legend entry's width: the symbol and gaps, and about 6.5 px a character at 11 px. */
  private static final double ENTRY_SYMBOL = 50;

  private static final double ENTRY_CHAR = 6.5;

  /** A titled layout with titled axes, each logarithmic or linear. */
  static ObjectNode of(String title, String x, boolean logX, String y, boolean logY) {
    ObjectNode l = JSON.createObjectNode();
    l.putObject("title").put("text", title);
    l.put("width", WIDTH);
    l.put("height", HEIGHT);
    l.set("margin", Traces.tablesaw(MARGIN.asJSON()));
    l.set("xaxis", axis(x, logX));
    l.set("yaxis", axis(y, logY));
    return l;
  }

  /** A titled axis, logarithmic or linear. */
  static ObjectNode axis(String title, boolean log) {
    ObjectNode a = JSON.createObjectNode();
    a.putObject("title").put("text", title);
    a.put("type", log ? "log" : "linear");
    return a;
  }

  /**
   * Puts the legend below the plot and makes the figure taller by the legend's height, so that the
   * plot area keeps its size and the legend, however many rows it has, stays clear of the x axis's
   * tick labels and title.
   *
   * <p>The legend is pinned to the figure's bottom edge ({@code yref: 'container'}): placed at a
   * fraction of the plot area below it, plotly moved a legend of many rows up over the axis. Its
   * entries sit in {@code perRow} columns of equal width ({@code entrywidth} as a fraction), so it
   * has ⌈entries / perRow⌉ rows and its height is known before it is drawn.
   *
   * @param perRow entries per row (so that related entries share a row), or 0 for as many as the
   *     longest name leaves room for, at most 3
   */
  static void legendBelow(ObjectNode layout, List<ObjectNode> traces, int perRow) {
    List<JsonNode> shown =
        traces.stream()
            .filter(t -> !t.has("showlegend") || t.get("showlegend").asBoolean())
            .map(t -> (JsonNode) t)
            .toList();
    int columns = perRow > 0 ? perRow : columnsFor(shown);
    int rows = (shown.size() + columns - 1) / columns;
    int legend = 10 + LEGEND_ROW * rows;
    int height = MARGIN_TOP + PLOT_HEIGHT + AXIS_ROOM + LEGEND_BELOW + legend;
    layout.put("height", height);
    ((ObjectNode) layout.get("margin")).put("b", AXIS_ROOM + LEGEND_BELOW + legend);
    ObjectNode l = layout.putObject("legend");
    l.put("orientation", "h");
    l.put("x", 0);
    l.put("xanchor", "left");
    l.put("y", (double) LEGEND_BELOW / height);
    l.put("yref", "container");
    l.put("yanchor", "bottom");
    l.putObject("font").put("size", 11);
    l.put("entrywidth", 1.0 / columns);
    l.put("entrywidthmode", "fraction");
    ((ObjectNode) layout.get("xaxis").get("title")).put("standoff", 6);
  }

  /** Columns as wide as the longest name, as many as the plot area holds, 1 to 3. */
  private static int columnsFor(List<JsonNode> shown) {
    int longest = 1;
    for (JsonNode t : shown) {
      longest = Math.max(longest, t.path("name").asText().length());
    }
    return (int)
        Math.max(1, Math.min(3, Math.floor(PLOT_WIDTH / (ENTRY_SYMBOL + ENTRY_CHAR * longest))));
  }
}
