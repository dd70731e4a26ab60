package org.ftcbench.report;

import static org.ftcbench.report.PlotlyFigure.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.PowerLawFit;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Symbol;

/**
 * The report's plotly traces, as plotly JSON ({@link PlotlyFigure}). Line styles are
 * tablesaw-jsplot's {@link Line} component, serialised by tablesaw itself ({@code asJSON}); what
 * tablesaw-jsplot cannot express (error bars, heatmap colour scales) is written here as plotly's
 * own attributes.
 */
final class Traces {
  private Traces() {}

  /** A scatter trace of the given mode ("lines", "markers", "lines+markers"). */
  static ObjectNode scatter(double[] x, double[] y, String name, String mode) {
    ObjectNode t = JSON.createObjectNode();
    t.put("type", "scatter");
    t.put("name", name);
    t.put("mode", mode);
    t.set("x", JSON.valueToTree(x));
    t.set("y", JSON.valueToTree(y));
    return t;
  }

  /** A line with markers. */
  static ObjectNode lineMarkers(double[] x, double[] y, String name, String color, Line.Dash dash) {
    return lineMarkers(x, y, name, color, dash, null);
  }

  /**
   * A line with markers of the given symbol (null: plotly's circle), a size larger than the plain
   * ones so that a diamond reads as large as a circle (the comparison's run A circles, run B
   * diamonds).
   */
  static ObjectNode lineMarkers(
      double[] x, double[] y, String name, String color, Line.Dash dash, Symbol symbol) {
    ObjectNode t = scatter(x, y, name, "lines+markers");
    t.set("line", line(color, 2, dash, Line.Shape.LINEAR));
    t.set("marker", marker(color, symbol == null ? 7 : 8, symbol, 1));
    return t;
  }

  /** A plain line. */
  static ObjectNode line(
      double[] x, double[] y, String name, String color, Line.Dash dash, double width) {
    ObjectNode t = scatter(x, y, name, "lines");
    t.set("line", line(color, width, dash, Line.Shape.LINEAR));
    return t;
  }

  /** Steps: a line that holds each value until the next x (plotly's shape "hv"), with markers. */
  static ObjectNode steps(double[] x, double[] y, String name, String color, double width) {
    ObjectNode t = scatter(x, y, name, "lines+markers");
    t.set("line", line(color, width, Line.Dash.SOLID, Line.Shape.HV));
    return t;
  }

  /** Markers only, a little transparent. */
  static ObjectNode markers(double[] x, double[] y, String name, String color, double size) {
    ObjectNode t = scatter(x, y, name, "markers");
    t.set("marker", marker(color, size, null, 0.6));
    return t;
  }

  /**
   * Native error bars on y: from {@code low[i]} to {@code high[i]} around the trace's {@code y[i]}
   * (plotly's {@code error_y} with {@code array} above and {@code arrayminus} below).
   */
  static ObjectNode errorY(
      ObjectNode trace, double[] y, double[] low, double[] high, String color) {
    trace.set("error_y", errors(y, low, high, color, 1.5, 4));
    return trace;
  }

  /**
   * Native error bars on x, as {@link #errorY}, drawn as bars of the given thickness without caps
   * (the forest plots' intervals).
   */
  static ObjectNode errorX(
      ObjectNode trace, double[] x, double[] low, double[] high, String color, double thickness) {
    trace.set("error_x", errors(x, low, high, color, thickness, 0));
    return trace;
  }

  private static ObjectNode errors(
      double[] v, double[] low, double[] high, String color, double thickness, double capWidth) {
    double[] plus = new double[v.length];
    double[] minus = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      plus[i] = high[i] - v[i];
      minus[i] = v[i] - low[i];
    }
    ObjectNode e = JSON.createObjectNode();
    e.put("type", "data");
    e.put("symmetric", false);
    e.set("array", JSON.valueToTree(plus));
    e.set("arrayminus", JSON.valueToTree(minus));
    e.put("color", color);
    e.put("thickness", thickness);
    e.put("width", capWidth);
    return e;
  }

  /** Hover text, one per point. */
  static ObjectNode hover(ObjectNode trace, java.util.List<String> text) {
    trace.set("text", JSON.valueToTree(text));
    return trace;
  }

  /**
   * A filled band between {@code low} and {@code high} over ascending x: a polygon along high left
   * to right and back along low, filled ({@code fill: 'toself'}).
   */
  static ObjectNode band(double[] x, double[] low, double[] high, String name, String color) {
    double[][] p = polygon(x, low, high);
    ObjectNode t = scatter(p[0], p[1], name, "lines");
    t.put("fill", "toself");
    t.put("fillcolor", alpha(color, 0.18));
    t.set("line", line(alpha(color, 0.0), 0, Line.Dash.SOLID, Line.Shape.LINEAR));
    return t;
  }

  /** {x, y} of the polygon along high left to right and back along low. */
  static double[][] polygon(double[] x, double[] low, double[] high) {
    int n = x.length;
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    for (int i = 0; i < n; i++) {
      px[i] = x[i];
      py[i] = high[i];
      px[2 * n - 1 - i] = x[i];
      py[2 * n - 1 - i] = low[i];
    }
    return new double[][] {px, py};
  }

  /**
   * A fitted series as drawn: the geometric mean per N with the range over samples as error bars,
   * and the fitted power law when there is one (nothing when the series has no point).
   */
  static java.util.List<ObjectNode> seriesWithFit(
      org.ftcbench.analysis.SeriesFit f, String name, String color) {
    org.ftcbench.analysis.SampleSpread sp = f.series().spread();
    java.util.List<ObjectNode> out = new java.util.ArrayList<>();
    if (sp.isEmpty()) {
      return out;
    }
    out.add(
        errorY(
            lineMarkers(sp.n(), sp.centre(), name, color, Line.Dash.SOLID),
            sp.centre(),
            sp.low(),
            sp.high(),
            color));
    if (f.fit().isFitted()) {
      out.add(fitLine(f.fit(), name, color));
    }
    return out;
  }

  /** The fitted power law a·N^b drawn over the fitted range, named with its slope. */
  static ObjectNode fitLine(PowerLawFit fit, String what, String color) {
    double[][] xy = sample(fit.nMin(), fit.nMax(), fit::predict, true, 24);
    return line(
        xy[0], xy[1], "fit " + what + ": b = " + Format.slope(fit.b()), color, Line.Dash.DOT, 1.5);
  }

  /** A curve f(N) sampled over [lo, hi], log-uniformly on a log x axis, else evenly. */
  static ObjectNode curve(
      double lo, double hi, DoubleUnaryOperator f, String name, String color, boolean logX) {
    double[][] xy = sample(lo, hi, f, logX, 60);
    return line(xy[0], xy[1], name, color, Line.Dash.DASH, 2);
  }

  /** {x, f(x)} at steps + 1 points over [lo, hi], log-uniform or even. */
  static double[][] sample(double lo, double hi, DoubleUnaryOperator f, boolean log, int steps) {
    double[] x = new double[steps + 1];
    double[] y = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      x[i] = log ? lo * Math.pow(hi / lo, (double) i / steps) : lo + (hi - lo) * i / steps;
      y[i] = f.applyAsDouble(x[i]);
    }
    return new double[][] {x, y};
  }

  /**
   * A heatmap of z[i][j] at (x[j], y[i]) with plotly's Viridis colour scale from {@code zMin} and a
   * titled colour bar.
   */
  static ObjectNode heatmap(
      double[] x, double[] y, double[][] z, double zMin, String colorBarTitle, String name) {
    ObjectNode t = JSON.createObjectNode();
    t.put("type", "heatmap");
    t.put("name", name);
    t.set("x", JSON.valueToTree(x));
    t.set("y", JSON.valueToTree(y));
    t.set("z", JSON.valueToTree(z));
    t.put("colorscale", "Viridis");
    t.put("zmin", zMin);
    ObjectNode bar = t.putObject("colorbar");
    bar.putObject("title").put("text", colorBarTitle);
    return t;
  }

  /** Points (x, y) with y > 0 and x > 0, for log axes, which cannot hold values ≤ 0. */
  static double[][] positive(double[] x, double[] y) {
    java.util.List<double[]> keep = new java.util.ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        keep.add(new double[] {x[i], y[i]});
      }
    }
    return new double[][] {
      keep.stream().mapToDouble(p -> p[0]).toArray(), keep.stream().mapToDouble(p -> p[1]).toArray()
    };
  }

  /** Leaves the trace out of the legend. */
  static ObjectNode unlisted(ObjectNode trace) {
    trace.put("showlegend", false);
    return trace;
  }

  /** A colour with transparency, for bands: "#1f77b4" → "rgba(31,119,180,0.18)". */
  static String alpha(String hex, double a) {
    if (!hex.startsWith("#")) {
      return hex;
    }
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", r, g, b, a);
  }

  /** tablesaw-jsplot's line component as JSON. */
  private static JsonNode line(String color, double width, Line.Dash dash, Line.Shape shape) {
    return tablesaw(
        Line.builder().color(color).width(width).dash(dash).shape(shape).build().asJSON());
  }

  /** Markers of the given symbol (null: plotly's circle) and size. */
  static ObjectNode markers(
      double[] x, double[] y, String name, String color, double size, Symbol symbol) {
    ObjectNode t = scatter(x, y, name, "markers");
    t.set("marker", marker(color, size, symbol, 1));
    return t;
  }

  private static ObjectNode marker(String color, double size, Symbol symbol, double opacity) {
    ObjectNode m = JSON.createObjectNode();
    m.put("color", color);
    m.put("size", size);
    if (symbol != null) {
      m.put("symbol", symbol.toString());
    }
    if (opacity < 1) {
      m.put("opacity", opacity);
    }
    return m;
  }

  /** A tablesaw-jsplot component's JSON ({@code Component.asJSON}) as a tree. */
  static JsonNode tablesaw(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tablesaw-jsplot wrote invalid JSON: " + json, e);
    }
  }
}
