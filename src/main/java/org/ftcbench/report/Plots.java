package org.ftcbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.PowerLawFit;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Building blocks for the report's Tablesaw figures. Tablesaw has no error bars, so intervals are
 * filled polygons ({@link #band}); log axes cannot hold values ≤ 0, so every trace meant for one
 * drops such points ({@link #positive}).
 *
 * <p>Tablesaw's templates HTML-escape trace names and titles inside JavaScript strings, so a quote
 * or an ampersand would show as an entity: {@link #plain} replaces them.
 */
final class Plots {
  private Plots() {}

  static final int WIDTH = 940;
  static final int HEIGHT = 520;

  /** Colours by depth (2: blue, 3: red, other: grey) and a palette for other series. */
  static String depthColor(int depth) {
    return switch (depth) {
      case 2 -> "#1f77b4";
      case 3 -> "#d62728";
      default -> "#555555";
    };
  }

  static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
    "#7f7f7f", "#bcbd22"
  };

  /** A colour with transparency, for bands: "#1f77b4" → "rgba(31,119,180,0.18)". */
  static String alpha(String hex, double a) {
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", r, g, b, a);
  }

  /** Text safe inside Tablesaw's escaped JavaScript strings. */
  static String plain(String s) {
    return s.replace("'", "’")
        .replace("\"", "”")
        .replace("&", "and")
        .replace("<", "‹")
        .replace(">", "›");
  }

  /** A log-log (or lin-lin) layout with titled axes. */
  static Layout layout(String title, String x, boolean logX, String y, boolean logY) {
    return Layout.builder()
        .title(plain(title))
        .width(WIDTH)
        .height(HEIGHT)
        .margin(Margin.builder().left(70).right(20).top(MARGIN_TOP).bottom(60).build())
        .xAxis(axis(x, logX))
        .yAxis(axis(y, logY))
        .build();
  }

  /** A titled axis, logarithmic or linear. */
  static Axis axis(String title, boolean log) {
    return Axis.builder().title(plain(title)).type(log ? Axis.Type.LOG : Axis.Type.LINEAR).build();
  }

  /** The top margin of every figure, room for its title. */
  static final int MARGIN_TOP = 50;

  /** The plot area's height in a figure with its legend below. */
  private static final int PLOT_HEIGHT = 350;

  /** The room below the plot area for a log axis's two rows of tick labels and its title. */
  private static final int AXIS_ROOM = 75;

  /** The room below the legend, between it and the caption. */
  private static final int LEGEND_BELOW = 10;

  /**
   * JavaScript (a {@link FigureBlock#afterPlot}) that puts the legend below the plot and makes the
   * figure taller by the legend's height, so that the plot area keeps its size and the legend,
   * however many rows it has, stays clear of the x axis's tick labels and title.
   *
   * <p>The legend is pinned to the figure's bottom edge ({@code yref: 'container'}): placed at a
   * fraction of the plot area below it, plotly moved a legend of many rows up over the axis. The
   * legend's height is first estimated (plotly lays a horizontal legend out in columns as wide as
   * its longest entry, about 6.5 px a character at 11 px plus the symbol; a row is about 20 px),
   * then, once drawn, the figure is fitted to the height it has.
   *
   * @param perRow entries per row (plotly's entrywidth as a fraction of the plot area, so that
   *     related entries share a row), or 0 for as many as the names leave room for
   */
  static String legendBelow(int perRow) {
    String columns =
        perRow > 0
            ? " var perRow = " + perRow + ";"
            : " var longest = shown.reduce(function (m, t) { return Math.max(m, String(t.name ||"
                + " '').length); }, 1); var perRow = Math.max(1, Math.min(3,"
                + " Math.floor((el.clientWidth || 900) / (50 + 6.5 * longest))));";
    String entryWidth =
        perRow > 0 ? ", entrywidth: " + (1.0 / perRow) + ", entrywidthmode: 'fraction'" : "";
    return "var shown = el.data.filter(function (t) { return t.showlegend !== false; });"
        + columns
        + " var estimate = 10 + 20 * Math.ceil(shown.length / perRow);"
        + " var room = function (legend) { var height = "
        + (MARGIN_TOP + PLOT_HEIGHT + AXIS_ROOM + LEGEND_BELOW)
        + " + legend; return {height: height, 'margin.b': "
        + (AXIS_ROOM + LEGEND_BELOW)
        + " + legend, 'legend.y': "
        + LEGEND_BELOW
        + " / height}; };"
        + " var first = room(estimate);"
        + " first.legend = {orientation: 'h', x: 0, xanchor: 'left', y: first['legend.y'],"
        + " yref: 'container', yanchor: 'bottom', font: {size: 11}"
        + entryWidth
        + "}; delete first['legend.y']; first['xaxis.title.standoff'] = 6;"
        + " Plotly.relayout(el, first).then(function () {"
        + " var bg = el.querySelector('g.legend rect.bg');"
        + " var drawn = bg ? Number(bg.getAttribute('height')) : 0;"
        + " if (drawn > 0 && Math.abs(drawn - estimate) > 2) {"
        + " return Plotly.relayout(el, room(drawn)); } });";
  }

  /** {@link #legendBelow(int)} with as many entries per row as fit. */
  static String legendBelow() {
    return legendBelow(0);
  }

  static Figure figure(Layout layout, List<Trace> traces) {
    return new Figure(layout, traces.toArray(new Trace[0]));
  }

  /** A log-log figure of the traces, with titled axes. */
  static Figure logLog(String title, String x, String y, List<Trace> traces) {
    return figure(layout(title, x, true, y, true), traces);
  }

  /** Points (x, y) with y > 0 and x > 0, for log axes. */
  static double[][] positive(double[] x, double[] y) {
    List<double[]> keep = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        keep.add(new double[] {x[i], y[i]});
      }
    }
    double[][] out = new double[2][keep.size()];
    for (int i = 0; i < keep.size(); i++) {
      out[0][i] = keep.get(i)[0];
      out[1][i] = keep.get(i)[1];
    }
    return out;
  }

  /** A line with markers. */
  static ScatterTrace lineMarkers(
      double[] x, double[] y, String name, String color, Line.Dash dash) {
    return lineMarkers(x, y, name, color, dash, Marker.builder().color(color).size(7).build());
  }

  /**
   * A line with markers of the given symbol, a size larger than the plain ones so that a diamond
   * reads as large as a circle (the comparison's run A circles, run B diamonds).
   */
  static ScatterTrace lineMarkers(
      double[] x, double[] y, String name, String color, Line.Dash dash, Symbol symbol) {
    return lineMarkers(
        x, y, name, color, dash, Marker.builder().color(color).size(8).symbol(symbol).build());
  }

  private static ScatterTrace lineMarkers(
      double[] x, double[] y, String name, String color, Line.Dash dash, Marker marker) {
    return ScatterTrace.builder(x, y)
        .name(plain(name))
        .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
        .line(Line.builder().color(color).width(2).dash(dash).build())
        .marker(marker)
        .build();
  }

  /** A plain line. */
  static ScatterTrace line(
      double[] x, double[] y, String name, String color, Line.Dash dash, double width) {
    return ScatterTrace.builder(x, y)
        .name(plain(name))
        .mode(ScatterTrace.Mode.LINE)
        .line(Line.builder().color(color).width(width).dash(dash).build())
        .build();
  }

  /** Markers only. */
  static ScatterTrace markers(double[] x, double[] y, String name, String color, double size) {
    return ScatterTrace.builder(x, y)
        .name(plain(name))
        .mode(ScatterTrace.Mode.MARKERS)
        .marker(Marker.builder().color(color).size(size).opacity(0.6).build())
        .build();
  }

  /**
   * A filled band between {@code low} and {@code high} over ascending x: the polygon goes along
   * high left to right and back along low.
   */
  static ScatterTrace band(double[] x, double[] low, double[] high, String name, String color) {
    double[][] p = Traces.polygon(x, low, high);
    return ScatterTrace.builder(p[0], p[1])
        .name(plain(name))
        .mode(ScatterTrace.Mode.LINE)
        .fill(ScatterTrace.Fill.TO_SELF)
        .fillColor(alpha(color, 0.18))
        .line(Line.builder().color(alpha(color, 0.0)).width(0).build())
        .build();
  }

  /** The fitted power law a·N^b drawn over the fitted range, named with its slope. */
  static ScatterTrace fitLine(PowerLawFit fit, String what, String color) {
    double[][] xy = Traces.sample(fit.nMin(), fit.nMax(), fit::predict, true, 24);
    return line(
        xy[0], xy[1], "fit " + what + ": b = " + Format.slope(fit.b()), color, Line.Dash.DOT, 1.5);
  }
}
