package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.Columns;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.GemmShare;
import org.ftcbench.analysis.JmhResults;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.JmhResult;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Line;

/**
 * The kernel figures from jmh.json: time per op against N per benchmark, GFLOP/s against the gemm
 * rate, cached-f against recompute-f, and plain Java against BLAS.
 *
 * <p>Benchmarks are recognised by name and parameter, because the result file is JMH's own: the
 * {@code fMode} parameter (CACHED, RECOMPUTE) marks the two f modes (bench.TrainStep); the methods
 * {@code plainJava} and {@code jblas} of one class are the no-BLAS and BLAS twins
 * (bench.PlainJavaForward); the gemm roofline is {@link JmhResults#isGemm} with its {@code size}
 * parameter (bench.Gemm.dgemm, sgemm). No benchmark's kind is guessed from words in its name.
 */
public final class KernelFigures {
  private KernelFigures() {}

  /** The f modes of bench.TrainStep's {@code fMode} parameter. */
  private static final String CACHED = "CACHED";

  private static final String RECOMPUTE = "RECOMPUTE";

  /** The method names of bench.PlainJavaForward's twins. */
  private static final String PLAIN_METHOD = "plainJava";

  private static final String BLAS_METHOD = "jblas";

  /** One figure per benchmark: time per op vs N, JMH's interval as a band, the fitted slope. */
  public static List<FigureBlock> timeVsN(Analysis a) {
    List<FigureBlock> out = new ArrayList<>();
    Optional<JmhResults> jmh = a.run().jmh();
    String caption =
        "Time per operation against N for each parameter set of this benchmark (JMH average"
            + " time, log-log). The line is JMH's score, the shaded band JMH's own confidence"
            + " interval for it (99.9% unless the run changed it), the dotted line the power law"
            + " fitted to the raw samples (forks × iterations), slope b in the legend and in the"
            + " verdict table. The adapter's width grows with N as the certified construction needs"
            + " (depth 2 about 3N, depth 3 about 6√(3N)), so a slope of 1 means cost ∝ N.";
    if (jmh.isEmpty()) {
      out.add(noJmh("fig_time", "Time per op against N", caption));
      return out;
    }
    Table t = jmh.get().table();
    Map<String, List<SeriesFit>> byBenchmark = new LinkedHashMap<>();
    for (SeriesFit f : a.of(Kind.KERNEL)) {
      byBenchmark
          .computeIfAbsent(benchmarkOf(t, f.series().title()), x -> new ArrayList<>())
          .add(f);
    }
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
        double[][] rows = rows(t, s, Columns.N);
        double[][] pos = Traces.positive(rows[0], rows[1]);
        if (pos[0].length == 0) {
          continue;
        }
        double[][] band = bandRows(rows);
        if (band[0].length > 1) {
          traces.add(Traces.band(band[0], band[1], band[2], "interval: " + s, color));
        }
        traces.add(Traces.lineMarkers(pos[0], Scale.micro(pos[1]), s, color, Line.Dash.SOLID));
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
    Table t = run.jmh().get().table();
    List<ObjectNode> traces = new ArrayList<>();
    Map<String, List<Integer>> bySeries = new LinkedHashMap<>();
    double gemmBest = Double.NaN;
    List<String> gemmLines = new ArrayList<>();
    Map<String, Double> gemmBySize = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      double g = t.doubleColumn("gflops").getDouble(i);
      if (!(g > 0)) {
        continue;
      }
      if (JmhResults.isGemm(t.stringColumn(Columns.BENCHMARK).get(i))
          && !t.intColumn(Columns.SIZE).isMissing(i)) {
        gemmBySize.put(
            run.jmh().get().result(i).method() + " size " + t.intColumn(Columns.SIZE).getInt(i), g);
        continue;
      }
      if (!t.intColumn(Columns.N).isMissing(i)) {
        bySeries
            .computeIfAbsent(t.stringColumn(Columns.SERIES).get(i), x -> new ArrayList<>())
            .add(i);
      }
    }
    int c = 0;
    double nMin = Double.POSITIVE_INFINITY;
    double nMax = 0;
    for (var e : bySeries.entrySet()) {
      double[] x =
          e.getValue().stream().mapToDouble(i -> t.intColumn(Columns.N).getInt(i)).toArray();
      double[] y =
          e.getValue().stream().mapToDouble(i -> t.doubleColumn("gflops").getDouble(i)).toArray();
      double[][] pos = sortByX(Traces.positive(x, y));
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
      gemmLines.add(String.valueOf(e.getKey()));
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
    for (String series : new java.util.LinkedHashSet<>(s.stringColumn(Columns.SERIES).asList())) {
      Table one =
          s.where(s.stringColumn(Columns.SERIES).isEqualTo(series)).sortAscendingOn(Columns.N);
      traces.add(
          Traces.lineMarkers(
              one.intColumn(Columns.N).asDoubleArray(),
              one.doubleColumn(GemmShare.SHARE).asDoubleArray(),
              series,
              Colors.palette(c++),
              Line.Dash.SOLID));
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
    Table t = run.jmh().get().table();
    List<ObjectNode> traces = new ArrayList<>();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String mode = t.stringColumn(JmhResults.F_MODE).get(i);
      if (t.intColumn(Columns.N).isMissing(i) || !(mode.equals(CACHED) || mode.equals(RECOMPUTE))) {
        continue;
      }
      groups.computeIfAbsent(t.stringColumn(Columns.SERIES).get(i), x -> new ArrayList<>()).add(i);
    }
    List<String> ratios = new ArrayList<>();
    int c = 0;
    for (var e : groups.entrySet()) {
      boolean recompute =
          t.stringColumn(JmhResults.F_MODE).get(e.getValue().get(0)).equals(RECOMPUTE);
      int depth =
          t.intColumn(Columns.DEPTH).isMissing(e.getValue().get(0))
              ? 0
              : t.intColumn(Columns.DEPTH).getInt(e.getValue().get(0));
      String color = depth == 0 ? Colors.palette(c++) : Colors.depth(depth);
      double[][] rows = rows(t, e.getKey(), Columns.N);
      double[][] pos = Traces.positive(rows[0], rows[1]);
      traces.add(
          Traces.lineMarkers(
              pos[0],
              Scale.micro(pos[1]),
              e.getKey(),
              color,
              recompute ? Line.Dash.DASH : Line.Dash.SOLID));
      if (recompute) {
        JmhResult result = run.jmh().get().result(e.getValue().get(0));
        Map<String, String> cachedParams = new TreeMap<>(result.params());
        cachedParams.put("fMode", CACHED);
        Optional<String> cached = run.jmh().get().series(result.benchmark(), cachedParams);
        cached.ifPresent(
            k -> {
              double[][] r = rows(t, k, Columns.N);
              if (r[0].length > 0 && rows[0].length > 0) {
                int last = rows[0].length - 1;
                for (int j = r[0].length - 1; j >= 0; j--) {
                  if (r[0][j] == rows[0][last] && r[1][j] > 0) {
                    ratios.add(
                        e.getKey()
                            + " at N = "
                            + Format.count(rows[0][last])
                            + ": "
                            + Format.sig(rows[1][last] / r[1][j], 3)
                            + "× the cached time");
                    break;
                  }
                }
              }
            });
      }
    }
    if (traces.isEmpty()) {
      return FigureBlock.absent(
          id,
          title,
          caption,
          List.of(RunFolder.JMH),
          "no benchmark in jmh.json has an fMode parameter of CACHED or RECOMPUTE (trainStep)");
    }
    String cap =
        caption
            + (ratios.isEmpty()
                ? ""
                : " Recompute against cached: " + String.join("; ", ratios) + ".");
    ObjectNode layout = Layouts.of(title, "N", true, "time per op (µs)", true);
    return FigureBlock.of(id, title, layout, traces, cap, JMH, "", 0);
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
    Table t = run.jmh().get().table();
    // plain-Java series → its jblas twin's: the same class and parameters, method jblas
    Map<String, String> plainToBlas = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      JmhResult r = run.jmh().get().result(i);
      if (r.method().equals(PLAIN_METHOD)) {
        String blas =
            r.benchmark().substring(0, r.benchmark().length() - PLAIN_METHOD.length())
                + BLAS_METHOD;
        String series = t.stringColumn(Columns.SERIES).get(i);
        run.jmh().get().series(blas, r.params()).ifPresent(b -> plainToBlas.putIfAbsent(series, b));
      }
    }
    List<ObjectNode> traces = new ArrayList<>();
    List<String> crossings = new ArrayList<>();
    int c = 0;
    for (var pair : plainToBlas.entrySet()) {
      String series = pair.getKey();
      String twin = pair.getValue();
      double[][] p = rows(t, series, Columns.N);
      double[][] b = rows(t, twin, Columns.N);
      if (p[0].length == 0 || b[0].length == 0) {
        continue;
      }
      int depth = depthOf(t, series);
      String color = depth == 0 ? Colors.palette(c++) : Colors.depth(depth);
      double[][] pp = Traces.positive(p[0], p[1]);
      double[][] bp = Traces.positive(b[0], b[1]);
      traces.add(Traces.lineMarkers(pp[0], Scale.micro(pp[1]), series, color, Line.Dash.DASH));
      traces.add(Traces.lineMarkers(bp[0], Scale.micro(bp[1]), twin, color, Line.Dash.SOLID));
      crossings.add(twin + ": " + crossover(p, b));
    }
    if (traces.isEmpty()) {
      return FigureBlock.absent(
          id,
          title,
          caption,
          List.of(RunFolder.JMH),
          "jmh.json has no plain-Java benchmark with a jblas twin (PlainJavaForward.plainJava and"
              + " .jblas)");
    }
    ObjectNode layout = Layouts.of(title, "N", true, "time per op (µs)", true);
    String cap = caption + " In this run: " + String.join("; ", crossings) + ".";
    return FigureBlock.of(id, title, layout, traces, cap, JMH, "", 0);
  }

  private static final List<String> JMH = List.of(RunFolder.JMH);
  private static final List<String> JMH_FLOPS = List.of(RunFolder.JMH, RunFolder.FLOPS);

  /** The figure that cannot be drawn because the run's jmh.json is missing or does not parse. */
  private static FigureBlock noJmh(String id, String title, String caption) {
    return FigureBlock.absent(
        id, title, caption, List.of(RunFolder.JMH), "jmh.json is missing or does not parse");
  }

  /** "jblas faster from N = 100" or "plain Java faster at every N measured" etc. */
  static String crossover(double[][] plain, double[][] blas) {
    Map<Double, Double> p = new TreeMap<>();
    for (int i = 0; i < plain[0].length; i++) {
      p.put(plain[0][i], plain[1][i]);
    }
    Double from = null;
    boolean any = false;
    Map<Double, Double> b = new TreeMap<>();
    for (int i = 0; i < blas[0].length; i++) {
      b.put(blas[0][i], blas[1][i]);
    }
    for (var e : b.entrySet()) {
      Double pv = p.get(e.getKey());
      if (pv == null) {
        continue;
      }
      any = true;
      if (e.getValue() < pv) {
        if (from == null) {
          from = e.getKey();
        }
      } else {
        from = null;
      }
    }
    if (!any) {
      return "no common N";
    }
    if (from == null) {
      return "plain Java is faster at the largest N measured";
    }
    return "jblas faster from N = " + Format.count(from) + " on";
  }

  // ---- helpers ----

  /** {N, seconds, low, high} of one series' rows, ascending N. */
  static double[][] rows(Table t, String series, String xCol) {
    TreeMap<Double, double[]> m = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn(Columns.SERIES).get(i).equals(series) && !t.intColumn(xCol).isMissing(i)) {
        m.put(
            (double) t.intColumn(xCol).getInt(i),
            new double[] {
              t.doubleColumn(Columns.SECONDS).getDouble(i),
              t.doubleColumn(Columns.SECONDS_LOW).getDouble(i),
              t.doubleColumn(Columns.SECONDS_HIGH).getDouble(i)
            });
      }
    }
    double[][] out = new double[4][m.size()];
    int j = 0;
    for (var e : m.entrySet()) {
      out[0][j] = e.getKey();
      out[1][j] = e.getValue()[0];
      out[2][j] = e.getValue()[1];
      out[3][j] = e.getValue()[2];
      j++;
    }
    return out;
  }

  /** The band {N, low µs, high µs} over rows whose interval is positive on both ends. */
  private static double[][] bandRows(double[][] rows) {
    List<double[]> keep = new ArrayList<>();
    for (int i = 0; i < rows[0].length; i++) {
      if (rows[2][i] > 0 && rows[3][i] > 0) {
        keep.add(new double[] {rows[0][i], rows[2][i] * 1e6, rows[3][i] * 1e6});
      } else if (rows[1][i] > 0) {
        // no positive lower end (JMH's interval crosses 0): draw the band down to the score
        keep.add(
            new double[] {
              rows[0][i], rows[1][i] * 1e6, rows[3][i] > 0 ? rows[3][i] * 1e6 : rows[1][i] * 1e6
            });
      }
    }
    double[][] out = new double[3][keep.size()];
    for (int i = 0; i < keep.size(); i++) {
      for (int j = 0; j < 3; j++) {
        out[j][i] = keep.get(i)[j];
      }
    }
    return out;
  }

  private static double[][] sortByX(double[][] xy) {
    TreeMap<Double, Double> m = new TreeMap<>();
    for (int i = 0; i < xy[0].length; i++) {
      m.put(xy[0][i], xy[1][i]);
    }
    return new double[][] {
      m.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
      m.values().stream().mapToDouble(Double::doubleValue).toArray()
    };
  }

  private static String benchmarkOf(Table t, String series) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn(Columns.SERIES).get(i).equals(series)) {
        return t.stringColumn(Columns.BENCHMARK).get(i);
      }
    }
    return series;
  }

  private static int depthOf(Table t, String series) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn(Columns.SERIES).get(i).equals(series)) {
        return t.intColumn(Columns.DEPTH).isMissing(i) ? 0 : t.intColumn(Columns.DEPTH).getInt(i);
      }
    }
    return 0;
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
