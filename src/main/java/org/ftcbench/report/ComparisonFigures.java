package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.JmhResults;
import org.ftcbench.analysis.KernelCurves;
import org.ftcbench.analysis.PowerLawFit;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.compare.Comparison;
import org.ftcbench.compare.Label;
import org.ftcbench.compare.PointComparison;
import org.ftcbench.compare.SlopeComparison;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Symbol;

/**
 * The figures of the comparison page: B/A per point with its interval (a forest plot), both runs'
 * scaling curves on one plot per benchmark, both runs' trained minimum widths, and both runs'
 * fitted slopes with their intervals.
 *
 * <p>Intervals are plotly's own error bars ({@code error_x}) on the points; the rows are labelled
 * through the y axis's tick labels.
 */
final class ComparisonFigures {
  private ComparisonFigures() {}

  /** Run A is drawn solid with circles, run B dashed with diamonds. */
  static final String COLOR_A = "#1f77b4";

  static final String COLOR_B = "#ff7f0e";

  /** The colour of each label, also the table cells' (see Page's .l-… classes). */
  static String labelColor(Label l) {
    return switch (l) {
      case FASTER -> "#2ca02c";
      case SLOWER -> "#d62728";
      case SAME -> "#7f7f7f";
      case INCONCLUSIVE -> "#e6a100";
    };
  }

  /** A forest plot: one row per point, B/A as a marker, its 95% interval as a segment. */
  static FigureBlock ratios(Comparison c) {
    String id = "fig_ratio";
    String title = "B/A per point, with its 95% fork-level interval";
    double lo = 1 / (1 + c.noiseFloor());
    double hi = 1 + c.noiseFloor();
    String caption =
        "One row per benchmark point measured in both runs (same order as the table below). The"
            + " marker is B/A, the mean of run B's fork means divided by run A's; the horizontal"
            + " segment its 95% interval from a hierarchical bootstrap (JVM forks resampled, then"
            + " iterations within them; Student-t on Welch's degrees of freedom). The grey band is"
            + " the default noise floor ("
            + Format.sig(lo, 3)
            + " to "
            + Format.sig(hi, 3)
            + ", ±"
            + floorPercent(c.noiseFloor())
            + "); a thin grey bar on a row is that point's wider floor from the machine's A/A"
            + " calibration. The dashed line is B/A = 1 (no change); the x axis is logarithmic so"
            + " that 2× slower and 2× faster are equally far from it. For times per operation"
            + " (avgt) right of 1 means B is slower; for throughputs (thrpt) it means B is faster."
            + " Colour is the label: B/A within the point's floor is same; beyond it and"
            + " significant (p < "
            + Label.ALPHA
            + ", the interval excludes 1) faster or slower; beyond it and not significant"
            + " inconclusive.";
    List<String> files = List.of(RunFolder.JMH);
    List<PointComparison> points = c.points();
    if (points.isEmpty()) {
      return FigureBlock.absent(
          id, title, caption, files, "no benchmark point was measured in both runs");
    }
    int n = points.size();
    Map<Label, List<double[]>> byLabel = new LinkedHashMap<>();
    Map<Label, List<String>> texts = new LinkedHashMap<>();
    List<double[]> calibratedFloors = new ArrayList<>();
    double[] tickValues = new double[n];
    String[] tickText = new String[n];
    double xMin = lo;
    double xMax = hi;
    for (int i = 0; i < n; i++) {
      PointComparison p = points.get(i);
      double y = n - 1 - i; // first row at the top
      tickValues[i] = y;
      tickText[i] = shortLabel(p);
      double r = p.ratio().ratio();
      if (!(r > 0 && Double.isFinite(r))) {
        continue;
      }
      double l = p.ratio().low() > 0 ? p.ratio().low() : r;
      double h = Double.isFinite(p.ratio().high()) ? p.ratio().high() : r;
      xMin = Math.min(xMin, l);
      xMax = Math.max(xMax, h);
      if (p.floorPairs() > 0) {
        calibratedFloors.add(new double[] {1, y, 1 / (1 + p.noiseFloor()), 1 + p.noiseFloor()});
        xMin = Math.min(xMin, 1 / (1 + p.noiseFloor()));
        xMax = Math.max(xMax, 1 + p.noiseFloor());
      }
      byLabel.computeIfAbsent(p.label(), k -> new ArrayList<>()).add(new double[] {r, y, l, h});
      texts
          .computeIfAbsent(p.label(), k -> new ArrayList<>())
          .add(
              p.point().label()
                  + ": B/A "
                  + Format.sig(r, 3)
                  + " "
                  + Format.interval(l, h)
                  + ", p = "
                  + Format.sig(p.pValue(), 2)
                  + ", floor ±"
                  + floorPercent(p.noiseFloor())
                  + ", "
                  + p.label().word());
    }
    double top = n - 0.5;
    List<ObjectNode> traces = new ArrayList<>();
    traces.add(
        Traces.band(
            new double[] {lo, hi},
            new double[] {-0.5, -0.5},
            new double[] {top, top},
            "noise floor ±" + floorPercent(c.noiseFloor()),
            "#787878"));
    traces.add(
        Traces.line(
            new double[] {1, 1},
            new double[] {-0.5, top},
            "B/A = 1 (no change)",
            "#222222",
            Line.Dash.DASH,
            1.5));
    if (!calibratedFloors.isEmpty()) {
      // the floor as a bar around 1 on its row; the point itself is not drawn
      ObjectNode floors = intervals(calibratedFloors, "calibrated floor", "rgba(0,0,0,0)", null, 1);
      traces.add(
          Traces.unlisted(
              Traces.errorX(
                  floors,
                  column(calibratedFloors, 0),
                  column(calibratedFloors, 2),
                  column(calibratedFloors, 3),
                  "rgba(120,120,120,0.45)",
                  3)));
    }
    for (var e : byLabel.entrySet()) {
      String color = labelColor(e.getKey());
      List<double[]> rows = e.getValue();
      traces.add(
          Traces.hover(
              intervals(rows, e.getKey().word() + " (" + rows.size() + ")", color, null, 9),
              texts.get(e.getKey())));
    }
    ObjectNode layout =
        rowsLayout(
            title,
            170 + 22 * n,
            260,
            "B/A (mean of run B ÷ mean of run A), log scale",
            true,
            tickValues,
            tickText,
            Math.log10(xMin / 1.08),
            Math.log10(xMax * 1.08));
    return FigureBlock.of(id, title, PlotlyFigure.of(layout, traces), caption, files);
  }

  /** "trainStep N=100 depth=2 fMode=CACHED" (the mode only when it is not avgt). */
  static String shortLabel(PointComparison p) {
    StringBuilder sb = new StringBuilder(p.point().shortName());
    p.point().params().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    if (!"avgt".equals(p.point().mode())) {
      sb.append(" (").append(p.point().mode()).append(')');
    }
    return sb.toString();
  }

  /** Both runs' time per op against N, one figure per benchmark, A solid and B dashed. */
  static List<FigureBlock> scaling(Analysis a, Analysis b) {
    String caption =
        "Time per operation against N for every parameter set of this benchmark, both runs on one"
            + " log-log plot: run A solid with circles, run B dashed with diamonds, the same colour"
            + " for the same parameter set. Where the dashed curve lies above the solid one B is"
            + " slower; parallel curves mean the same scaling with a different constant, curves that"
            + " diverge mean a different slope (compare the fitted slopes below). Where both runs"
            + " measured the same times the curves coincide and B's diamonds sit on A's line."
            + " Points are JMH's scores (mean over forks × iterations).";
    List<FigureBlock> out = new ArrayList<>();
    Optional<JmhResults> ja = a.run().jmh();
    Optional<JmhResults> jb = b.run().jmh();
    // A's benchmarks and series first, then those only B has
    Map<String, List<String>> seriesByBenchmark = new LinkedHashMap<>();
    for (Analysis run : List.of(a, b)) {
      run.kernelsByBenchmark()
          .forEach(
              (benchmark, fits) ->
                  fits.forEach(
                      f -> {
                        List<String> list =
                            seriesByBenchmark.computeIfAbsent(benchmark, x -> new ArrayList<>());
                        if (!list.contains(f.series().title())) {
                          list.add(f.series().title());
                        }
                      }));
    }
    if (seriesByBenchmark.isEmpty()) {
      out.add(
          FigureBlock.absent(
              "fig_scaling",
              "Time per op against N, both runs",
              caption,
              List.of(RunFolder.JMH),
              "neither run has a benchmark with a parameter N"));
      return out;
    }
    for (var e : seriesByBenchmark.entrySet()) {
      List<ObjectNode> traces = new ArrayList<>();
      int i = 0;
      for (String series : e.getValue()) {
        String color = Colors.palette(i++);
        addCurve(traces, ja, series, "A: " + series, color, Line.Dash.SOLID, Symbol.CIRCLE);
        addCurve(traces, jb, series, "B: " + series, color, Line.Dash.DASH, Symbol.DIAMOND);
      }
      String id = "fig_scaling_" + e.getKey().replaceAll("[^A-Za-z0-9]+", "_");
      String title = e.getKey() + ": time per op against N, A and B";
      ObjectNode layout = Layouts.of(title, "N", true, "time per op (µs)", true);
      String why = "no time per op above 0 in either run";
      out.add(FigureBlock.of(id, title, layout, traces, caption, List.of(RunFolder.JMH), why, 2));
    }
    return out;
  }

  private static void addCurve(
      List<ObjectNode> traces,
      Optional<JmhResults> jmh,
      String series,
      String name,
      String color,
      Line.Dash dash,
      Symbol symbol) {
    if (jmh.isEmpty()) {
      return;
    }
    KernelCurves.Curve curve = KernelCurves.curve(jmh.get(), series);
    double[][] pos = Traces.positive(curve.n(), curve.seconds());
    if (pos[0].length == 0) {
      return;
    }
    traces.add(
        Traces.lineMarkers(pos[0], KernelFigures.Scale.micro(pos[1]), name, color, dash, symbol));
  }

  /** Both runs' trained minimum widths against N, per depth, criterion and regime. */
  static FigureBlock trainedWidths(List<SlopeComparison> slopes) {
    String id = "fig_trained_ab";
    String title = "Trained minimum width against N, A and B";
    String caption =
        "The smallest adapter width m that training brought under the success criterion, against"
            + " N (log-log): one curve per depth, criterion and K regime, run A solid with circles,"
            + " run B dashed with diamonds, the same colour for the same series (blue shades depth"
            + " 2, red shades depth 3). Each point is the geometric mean over seeds, as in the"
            + " fits; widths of 0 (g = 0 already passes) and cells where no width passed cannot be"
            + " on a log axis and are left out (the table above lists them). Curves"
            + " on top of each other mean both machines found the same capacity; the timing"
            + " differences above do not change it.";
    List<String> files = List.of(RunFolder.CAPACITY);
    List<ObjectNode> traces = new ArrayList<>();
    Map<Integer, Integer> perDepth = new LinkedHashMap<>();
    for (SlopeComparison s : slopes) {
      if (s.kind() != Kind.TRAINED) {
        continue;
      }
      int shade = perDepth.merge(s.depth(), 1, Integer::sum) - 1;
      String color = Colors.shade(Colors.depth(s.depth()), shade);
      addFitPoints(traces, s.a(), "A: " + s.title(), color, Line.Dash.SOLID, Symbol.CIRCLE);
      addFitPoints(traces, s.b(), "B: " + s.title(), color, Line.Dash.DASH, Symbol.DIAMOND);
    }
    ObjectNode layout = Layouts.of(title, "N", true, "minimum width m", true);
    String why = "neither run has trained minimum widths with 2 or more N";
    return FigureBlock.of(id, title, layout, traces, caption, files, why, 2);
  }

  private static void addFitPoints(
      List<ObjectNode> traces,
      PowerLawFit f,
      String name,
      String color,
      Line.Dash dash,
      Symbol symbol) {
    if (f == null || f.n().length < 2) {
      return;
    }
    double[][] pos = Traces.positive(f.n(), f.y());
    if (pos[0].length > 0) {
      traces.add(Traces.lineMarkers(pos[0], pos[1], name, color, dash, symbol));
    }
  }

  /** Both runs' fitted slopes with their 95% t intervals, one row per series. */
  static FigureBlock slopes(List<SlopeComparison> slopes) {
    String id = "fig_slopes";
    String title = "Fitted slopes b of y = a·N^b, A and B";
    String caption =
        "For every series fitted in either run (certified neurons and parameters, trained"
            + " minimum widths, kernel time per op), the slope b of the power law y = a·N^b fitted"
            + " on log-log axes, with its 95% Student-t interval as a segment: run A blue circles"
            + " (upper), run B orange diamonds (lower). The dotted lines are the theorems' slopes:"
            + " 1 for a 2-layer adapter (Θ(N), Theorem 4.1) and 0.5 for a 3-layer one (Θ(√N),"
            + " Theorem 5.1). Overlapping segments mean the runs agree on the growth law; a"
            + " series without a segment has fewer than 3 N (no interval).";
    List<String> files = List.of(RunFolder.CERTIFY, RunFolder.CAPACITY, RunFolder.JMH);
    List<SlopeComparison> shown =
        slopes.stream()
            .filter(s -> (s.a() != null && s.a().isFitted()) || (s.b() != null && s.b().isFitted()))
            .toList();
    if (shown.isEmpty()) {
      return FigureBlock.absent(id, title, caption, files, "neither run has a series to fit");
    }
    int n = shown.size();
    double[] tickValues = new double[n];
    String[] tickText = new String[n];
    List<double[]> rowsA = new ArrayList<>();
    List<double[]> rowsB = new ArrayList<>();
    List<String> textA = new ArrayList<>();
    List<String> textB = new ArrayList<>();
    double xMin = 0.4;
    double xMax = 1.1;
    for (int i = 0; i < n; i++) {
      SlopeComparison s = shown.get(i);
      double y = n - 1 - i;
      tickValues[i] = y;
      tickText[i] = s.title();
      for (int side = 0; side < 2; side++) {
        PowerLawFit f = side == 0 ? s.a() : s.b();
        if (f == null || !f.isFitted()) {
          continue;
        }
        double yy = y + (side == 0 ? 0.17 : -0.17);
        double l = Double.isFinite(f.bLow()) ? f.bLow() : f.b();
        double h = Double.isFinite(f.bHigh()) ? f.bHigh() : f.b();
        xMin = Math.min(xMin, l);
        xMax = Math.max(xMax, h);
        (side == 0 ? rowsA : rowsB).add(new double[] {f.b(), yy, l, h});
        (side == 0 ? textA : textB)
            .add(
                (side == 0 ? "A: " : "B: ")
                    + s.title()
                    + ": b = "
                    + Format.slope(f.b())
                    + " "
                    + Format.interval(f.bLow(), f.bHigh()));
      }
    }
    double top = n - 0.5;
    List<ObjectNode> traces = new ArrayList<>();
    for (double ref : new double[] {0.5, 1.0}) {
      traces.add(
          Traces.line(
              new double[] {ref, ref},
              new double[] {-0.5, top},
              ref == 1.0 ? "b = 1: Θ(N), Thm 4.1" : "b = 0.5: Θ(√N), Thm 5.1",
              ref == 1.0 ? "#1f4e8c" : "#8c1f1f",
              Line.Dash.DOT,
              1.5));
    }
    if (!rowsA.isEmpty()) {
      traces.add(Traces.hover(intervals(rowsA, "run A", COLOR_A, Symbol.CIRCLE, 9), textA));
    }
    if (!rowsB.isEmpty()) {
      traces.add(Traces.hover(intervals(rowsB, "run B", COLOR_B, Symbol.DIAMOND, 9), textB));
    }
    double pad = 0.05 * (xMax - xMin);
    ObjectNode layout =
        rowsLayout(
            title,
            170 + 26 * n,
            330,
            "slope b",
            false,
            tickValues,
            tickText,
            xMin - pad,
            xMax + pad);
    return FigureBlock.of(id, title, PlotlyFigure.of(layout, traces), caption, files);
  }

  /**
   * The layout of a figure with one labelled row per item: row i at height {@code tickValues[i]}
   * named {@code tickText[i]} (the top row first), {@code left} pixels of margin for the labels,
   * the x range [xLow, xHigh] (on a log axis the bounds' log10) and the legend above the plot.
   */
  private static ObjectNode rowsLayout(
      String title,
      int height,
      int left,
      String xTitle,
      boolean logX,
      double[] tickValues,
      String[] tickText,
      double xLow,
      double xHigh) {
    ObjectNode l = Layouts.of(title, xTitle, logX, "", false);
    l.put("height", height);
    ((ObjectNode) l.get("margin")).put("l", left).put("t", 80);
    ObjectNode y = (ObjectNode) l.get("yaxis");
    y.put("tickmode", "array");
    y.set("tickvals", PlotlyFigure.JSON.valueToTree(tickValues));
    y.set("ticktext", PlotlyFigure.JSON.valueToTree(tickText));
    y.set("range", PlotlyFigure.JSON.valueToTree(new double[] {-0.6, tickValues.length - 0.4}));
    y.put("automargin", true);
    y.put("zeroline", false);
    ((ObjectNode) l.get("xaxis"))
        .set("range", PlotlyFigure.JSON.valueToTree(new double[] {xLow, xHigh}));
    ObjectNode legend = l.putObject("legend");
    legend.put("orientation", "h");
    legend.put("x", 0);
    legend.put("xanchor", "left");
    legend.put("y", 1.0);
    legend.put("yanchor", "bottom");
    legend.putObject("font").put("size", 11);
    return l;
  }

  /**
   * One marker per row {x, y, low, high} at (x, y), with its interval [low, high] as an error bar
   * of the marker's colour.
   */
  private static ObjectNode intervals(
      List<double[]> rows, String name, String color, Symbol symbol, double size) {
    return Traces.errorX(
        Traces.markers(column(rows, 0), column(rows, 1), name, color, size, symbol),
        column(rows, 0),
        column(rows, 2),
        column(rows, 3),
        color,
        3);
  }

  private static double[] column(List<double[]> rows, int j) {
    return rows.stream().mapToDouble(r -> r[j]).toArray();
  }

  /** The noise floor as a percentage: 0.05 → "5%", 0.025 → "2.5%". */
  static String floorPercent(double fraction) {
    return Format.count(Math.round(1000 * fraction) / 10.0) + "%";
  }

  /** "12.5%" with a sign. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
  }
}
