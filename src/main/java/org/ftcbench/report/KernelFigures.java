package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.GemmShare;
import org.ftcbench.analysis.JmhResults;
import org.ftcbench.analysis.KernelCurves;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Line;

/**
 * The kernel figures from jmh.json, laid out from {@link KernelCurves}: time per op against N per
 * benchmark, GFLOP/s against the gemm rate, the share of the GEMM rate, cached-f against
 * recompute-f, and plain Java against BLAS.
 */
public final class KernelFigures {
  private KernelFigures() {}

  /** One figure per benchmark: time per op vs N, JMH's interval as error bars, the fitted slope. */
  public static List<FigureBlock> timeVsN(Analysis a) {
    List<FigureBlock> out = new ArrayList<>();
    Optional<JmhResults> jmh = a.run().jmh();
    String caption =
        "Time per operation against N for each parameter set of this benchmark (JMH average"
            + " time, log-log). The line is JMH's score, the error bars JMH's own confidence"
            + " interval for it (99.9% unless the run changed it), the dotted line the power law"
            + " fitted to the raw samples (forks × iterations), slope b in the legend and in the"
            + " verdict table. The adapter's width grows with N as the certified construction needs"
            + " (depth 2 about 3N, depth 3 about 6√(3N)), so a slope of 1 means cost ∝ N.";
    if (jmh.isEmpty()) {
      out.add(noJmh("fig_time", "Time per op against N", caption));
      return out;
    }
    Map<String, List<SeriesFit>> byBenchmark = a.kernelsByBenchmark();
    if (byBenchmark.isEmpty()) {
      out.add(
          FigureBlock.absent(
              "fig_time",
              "Time per op against N",
              caption,
              List.of(RunFolder.JMH),
              "no benchmark in jmh.json has a parameter N"));
      return out;
    }
    for (var e : byBenchmark.entrySet()) {
      List<ObjectNode> traces = new ArrayList<>();
      int i = 0;
      for (SeriesFit f : e.getValue()) {
        String s = f.series().title();
        String color =
            f.series().depth() == 0
                ? Colors.palette(i)
                : Colors.shade(Colors.depth(f.series().depth()), i / 2);
        i++;
        ObjectNode score = withInterval(KernelCurves.curve(jmh.get(), s), color);
        if (score == null) {
          continue;
        }
        traces.add(score);
        if (f.fit().isFitted()) {
          traces.add(Traces.fitLine(scaled(f), s, color));
        }
      }
      String id = "fig_time_" + e.getKey().replaceAll("[^A-Za-z0-9]+", "_");
      String title = e.getKey() + ": time per op against N";
      ObjectNode layout = Layouts.of(title, "N", true, "time per op (µs)", true);
      out.add(FigureBlock.of(id, title, layout, traces, caption, JMH, "no time per op above 0", 0));
    }
    return out;
  }

  /** GFLOP/s against N with the gemm rate as the roofline. */
  public static FigureBlock gflops(RunData run) {
    String id = "fig_gflops";
    String title = "GFLOP/s against N, against the gemm rate";
    String caption =
        "Floating-point rate of each kernel (FLOPs per op of the run's flops.csv, the matrix"
            + " products the shapes require, ÷ time per op)"
            + " against N, with the machine's gemm rate as dashed lines (plain jblas products of"
            + " square matrices, 2·size³ FLOPs each, one line per size): how close the kernels come"
            + " to what this BLAS can do. Small N is bound by fixed per-call costs, not FLOPs.";
    if (run.jmh().isEmpty()) {
      return noJmh(id, title, caption);
    }
    KernelCurves.Rates rates = KernelCurves.rates(run.jmh().get());
    Map<String, Double> gemmBySize = rates.gemmBySize();
    List<ObjectNode> traces = new ArrayList<>();
    double gemmBest = Double.NaN;
    int c = 0;
    double nMin = Double.POSITIVE_INFINITY;
    double nMax = 0;
    for (var e : rates.bySeries().entrySet()) {
      double[][] pos = Traces.positive(e.getValue()[0], e.getValue()[1]);
      if (pos[0].length == 0) {
        continue;
      }
      nMin = Math.min(nMin, pos[0][0]);
      nMax = Math.max(nMax, pos[0][pos[0].length - 1]);
      traces.add(
          Traces.lineMarkers(pos[0], pos[1], e.getKey(), Colors.palette(c++), Line.Dash.SOLID));
    }
    if (traces.isEmpty()) {
      return FigureBlock.absent(
          id,
          title,
          caption,
          List.of(RunFolder.JMH),
          "no FLOPs per op for the N benchmarks: flops.csv counts none for them (certify's"
              + " construction is not BLAS work) and jmh.json has no secondary metric named like"
              + " 'flops'; nothing is estimated in its place"
              + (gemmBySize.isEmpty() ? "" : "; gemm rate: " + gemmText(gemmBySize)));
    }
    for (var e : gemmBySize.entrySet()) {
      gemmBest = Double.isNaN(gemmBest) ? e.getValue() : Math.max(gemmBest, e.getValue());
      double v = e.getValue();
      traces.add(
          Traces.line(
              new double[] {nMin, nMax},
              new double[] {v, v},
              e.getKey() + ": " + Format.sig(v, 3) + " GFLOP/s",
              "#444444",
              Line.Dash.DASH,
              1));
    }
    String cap =
        caption
            + (gemmBySize.isEmpty()
                ? " This run has no gemm benchmark, so there is no roofline."
                : " Best gemm rate in this run: " + Format.sig(gemmBest, 3) + " GFLOP/s.");
    ObjectNode layout = Layouts.of(title, "N", true, "GFLOP/s", true);
    return FigureBlock.of(id, title, layout, traces, cap, JMH_FLOPS, "", 0);
  }

  /**
   * Each kernel's GFLOP/s as a fraction of the run's best GEMM rate in its precision ({@link
   * GemmShare}), against N.
   */
  public static FigureBlock gemmShare(RunData run) {
    String id = "fig_gemm_share";
    String title = "Share of the GEMM rate of the same precision";
    String caption =
        "Each kernel's GFLOP/s (as in the figure above) divided by the best rate this run measured"
            + " for a square GEMM in the same precision: dgemm for float64 kernels, sgemm for"
            + " float32. 1 would be a training step as fast per FLOP as one large matrix product;"
            + " the element-wise passes and the d = 10 and scalar layers keep small adapters far"
            + " below it, and the 3-layer adapter's middle products bring large ones close.";
    if (run.jmh().isEmpty()) {
      return noJmh(id, title, caption);
    }
    Table s = GemmShare.of(run.jmh().get());
    if (s.rowCount() == 0) {
      return FigureBlock.absent(
          id,
          title,
          caption,
          List.of(RunFolder.JMH, RunFolder.FLOPS),
          "no kernel has both a rate and a GEMM of its precision in this run (bench.benchmarks"
              + " needs gemm, and bench.precision the kernels' precision)");
    }
    List<ObjectNode> traces = new ArrayList<>();
    int c = 0;
    for (var e : GemmShare.bySeries(s).entrySet()) {
      double[][] xy = e.getValue();
      traces.add(
          Traces.lineMarkers(xy[0], xy[1], e.getKey(), Colors.palette(c++), Line.Dash.SOLID));
    }
    ObjectNode layout = Layouts.of(title, "N", true, "share of the GEMM rate", false);
    return FigureBlock.of(id, title, layout, traces, caption, JMH_FLOPS, "", 0);
  }

  /** Cached-f against recompute-f: the two f modes of the same benchmark, time vs N. */
  public static FigureBlock cachedVsRecompute(RunData run) {
    String id = "fig_cached";
    String title = "Cached f against recomputed f";
    String caption =
        "A training step with the frozen network's outputs f(x) computed once and cached (the"
            + " suite's way) against one that recomputes f every step (what a naive implementation"
            + " does), time per op against N, log-log. The gap is the cost of f's forward pass;"
            + " it matters most where the adapter is small.";
    if (run.jmh().isEmpty()) {
      return noJmh(id, title, caption);
    }
    KernelCurves.FModes modes = KernelCurves.fModes(run.jmh().get());
    List<ObjectNode> traces = new ArrayList<>();
    List<String> ratios = modes.ratios();
    int c = 0;
    for (int k = 0; k < modes.curves().size(); k++) {
      KernelCurves.Curve curve = modes.curves().get(k);
      boolean recompute = modes.recompute().get(k);
      String color = curve.depth() == 0 ? Colors.palette(c++) : Colors.depth(curve.depth());
      Line.Dash dash = recompute ? Line.Dash.DASH : Line.Dash.SOLID;
      traces.add(micro(curve, color, dash));
    }
    String cap = withFindings(caption, "Recompute against cached", ratios);
    ObjectNode layout = Layouts.of(title, "N", true, "time per op (µs)", true);
    String why =
        "no benchmark in jmh.json has an fMode parameter of CACHED or RECOMPUTE (trainStep)";
    return FigureBlock.of(id, title, layout, traces, cap, JMH, why, 0);
  }

  /** Plain Java (no BLAS) against the jblas twin: where JNI's fixed cost stops losing. */
  public static FigureBlock plainVsBlas(RunData run) {
    String id = "fig_crossover";
    String title = "Plain Java against BLAS: the JNI crossover";
    String caption =
        "The same forward pass written as plain Java loops (dashed) and through jblas (solid),"
            + " time per op against N, log-log, one pair per remaining parameter set (depth; rows,"
            + " the samples per call). Each jblas call pays a fixed JNI cost, so plain"
            + " Java wins at the smallest sizes; the crossover is the first N from which jblas is"
            + " faster.";
    if (run.jmh().isEmpty()) {
      return noJmh(id, title, caption);
    }
    List<ObjectNode> traces = new ArrayList<>();
    List<String> crossings = new ArrayList<>();
    int c = 0;
    for (KernelCurves.Twins twins : KernelCurves.plainVsBlas(run.jmh().get())) {
      int depth = twins.plain().depth();
      String color = depth == 0 ? Colors.palette(c++) : Colors.depth(depth);
      traces.add(micro(twins.plain(), color, Line.Dash.DASH));
      traces.add(micro(twins.blas(), color, Line.Dash.SOLID));
      crossings.add(twins.blas().series() + ": " + twins.crossover());
    }
    ObjectNode layout = Layouts.of(title, "N", true, "time per op (µs)", true);
    String cap = withFindings(caption, "In this run", crossings);
    String why =
        "jmh.json has no plain-Java benchmark with a jblas twin (PlainJavaForward.plainJava and"
            + " .jblas)";
    return FigureBlock.of(id, title, layout, traces, cap, JMH, why, 0);
  }

  private static final List<String> JMH = List.of(RunFolder.JMH);
  private static final List<String> JMH_FLOPS = List.of(RunFolder.JMH, RunFolder.FLOPS);

  /** The caption, then "label: a; b." with this run's findings where it has any. */
  private static String withFindings(String caption, String label, List<String> findings) {
    return findings.isEmpty()
        ? caption
        : caption + " " + label + ": " + String.join("; ", findings) + ".";
  }

  /** The figure that cannot be drawn because the run's jmh.json is missing or does not parse. */
  private static FigureBlock noJmh(String id, String title, String caption) {
    return FigureBlock.absent(
        id, title, caption, List.of(RunFolder.JMH), "jmh.json is missing or does not parse");
  }

  /** The curve's positive points in µs as a line with markers. */
  static ObjectNode micro(KernelCurves.Curve c, String color, Line.Dash dash) {
    double[][] pos = Traces.positive(c.n(), c.seconds());
    return Traces.lineMarkers(pos[0], Scale.micro(pos[1]), c.series(), color, dash);
  }

  /**
   * JMH's score in µs with its interval as error bars; where the interval's lower end is not
   * positive (it crosses 0), the bar reaches down to the score. Null when no score is positive.
   */
  private static ObjectNode withInterval(KernelCurves.Curve c, String color) {
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < c.n().length; i++) {
      double score = c.seconds()[i];
      if (!(c.n()[i] > 0 && score > 0 && Double.isFinite(score))) {
        continue;
      }
      boolean both = c.low()[i] > 0 && c.high()[i] > 0;
      double low = both ? c.low()[i] : score;
      double high = both || c.high()[i] > 0 ? c.high()[i] : score;
      kept.add(new double[] {c.n()[i], score * 1e6, low * 1e6, high * 1e6});
    }
    if (kept.isEmpty()) {
      return null;
    }
    double[] n = kept.stream().mapToDouble(r -> r[0]).toArray();
    double[] y = kept.stream().mapToDouble(r -> r[1]).toArray();
    return Traces.errorY(
        Traces.lineMarkers(n, y, c.series(), color, Line.Dash.SOLID),
        y,
        kept.stream().mapToDouble(r -> r[2]).toArray(),
        kept.stream().mapToDouble(r -> r[3]).toArray(),
        color);
  }

  private static String gemmText(Map<String, Double> bySize) {
    List<String> parts = new ArrayList<>();
    bySize.forEach((s, g) -> parts.add(s + ": " + Format.sig(g, 3) + " GFLOP/s"));
    return String.join(", ", parts);
  }

  /** The fit in µs (the figures' unit). */
  private static org.ftcbench.analysis.PowerLawFit scaled(SeriesFit f) {
    var p = f.fit();
    return new org.ftcbench.analysis.PowerLawFit(
        p.points(),
        p.samples(),
        p.nonPositive(),
        p.missing(),
        p.a() * 1e6,
        p.b(),
        p.bLow(),
        p.bHigh(),
        p.bootLow(),
        p.bootHigh(),
        p.r2(),
        p.n(),
        p.y(),
        p.residuals(),
        p.upper());
  }

  /** Seconds to microseconds. */
  static final class Scale {
    private Scale() {}

    static double[] micro(double[] seconds) {
      double[] out = new double[seconds.length];
      for (int i = 0; i < seconds.length; i++) {
        out[i] = seconds[i] * 1e6;
      }
      return out;
    }
  }
}
