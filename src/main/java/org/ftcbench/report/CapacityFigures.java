package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.Fig9Grid;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.KIndependence;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.SampleSpread;
import org.ftcbench.analysis.ScalingSeries;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.plotly.components.Line;

/**
 * The capacity figures: neurons, parameters and trained widths against N, the Fig. 9 heatmap and
 * the K-independence check. Each is a pure function of the analysed run.
 */
public final class CapacityFigures {
  private CapacityFigures() {}

  /** The constant of the paper's red Θ(√N) curve in Fig. 9, read from its pixels (≈ 2.4). */
  static final double PAPER_SQRT_CONSTANT = 2.4;

  private static final List<String> CERTIFY = List.of(RunFolder.CERTIFY);
  private static final List<String> CAPACITY = List.of(RunFolder.CAPACITY);

  static final String LOG_NOTE =
      " Both axes are logarithmic, so a power law N^b is a straight line of slope b: slope 1"
          + " (Θ(N)) rises one decade per decade of N, slope 0.5 (Θ(√N)) half a decade.";

  /**
   * The headline: neurons against N for both depths — certified (solid), trained (dash-dot, one
   * line per criterion), the theorem bounds (dashed, thin) and the fitted power laws (dotted).
   */
  public static FigureBlock headline(Analysis a) {
    List<ObjectNode> traces = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (int depth : depths(a)) {
      String color = Colors.depth(depth);
      Optional<SeriesFit> cert = widest(a.of(Kind.CERTIFIED), depth, "");
      cert.ifPresent(
          f -> {
            centreAndFit(
                traces,
                f,
                "certified, depth " + depth + ", " + f.series().regime(),
                "certified d" + depth,
                color,
                Line.Dash.SOLID);
            bounds(a, depth, f.series().regime(), color, traces);
            files.add(RunFolder.CERTIFY);
          });
      int c = 0;
      for (String criterion : criteria(a, depth)) {
        Optional<SeriesFit> tr = widest(a.of(Kind.TRAINED), depth, criterion);
        if (tr.isEmpty()) {
          continue;
        }
        String tc = depth == 3 ? Colors.shade("#ff7f0e", c) : Colors.shade("#2ca02c", c);
        SeriesFit f = tr.get();
        centreAndFit(
            traces,
            f,
            "trained, depth " + depth + ", " + criterion + ", " + f.series().regime(),
            "trained d" + depth + " " + criterion,
            tc,
            Line.Dash.DASH_DOT);
        files.add(RunFolder.CAPACITY);
        c++;
      }
    }
    String title = "Neurons against N, both depths";
    String caption =
        "How many hidden neurons an adapter g needs after N of K labels changed. Solid lines:"
            + " certified constructions (for depth 3 the fewest neurons over U1, U2 and U3, as in"
            + " Theorem 5.1), geometric mean over seeds; thin dashed lines: the theorem bounds (upper"
            + " min{3N+1, K−1} and lower min{3N, K−2} for depth 2, Theorem 4.1; Theorem 5.1 for"
            + " depth 3); dash-dot lines: the smallest width that gradient descent trained to each"
            + " success criterion, geometric mean over seeds; dotted lines: the fitted power laws, whose"
            + " slopes b are in the verdict table."
            + LOG_NOTE
            + " Points ≤ 0 (e.g. m_min = 0 where g = 0 already meets the paper criterion) cannot be"
            + " drawn on log axes; the verdict table counts them. Click a legend entry to hide a"
            + " line.";
    ObjectNode layout = Layouts.of(title, "N (changed labels)", true, "neurons m", true);
    List<String> from =
        files.isEmpty() ? List.of(RunFolder.CERTIFY, RunFolder.CAPACITY) : distinct(files);
    String why =
        "no certified or trained widths in this run (certify.csv and capacity.csv are missing or"
            + " empty)";
    return FigureBlock.of("fig_headline", title, layout, traces, caption, from, why, 0);
  }

  /** Certified neurons and parameters against N with bounds and fits, every regime. */
  public static List<FigureBlock> certified(Analysis a) {
    return List.of(certified(a, Kind.CERTIFIED), certified(a, Kind.PARAMS));
  }

  private static final String NEURONS_CAPTION =
      "Certified neurons per depth and K rule (each curve holds one sweep: K fixed, or K a fixed"
          + " multiple of N), geometric mean over seeds, with the theorem's upper and lower bounds"
          + " (dashed) and the fitted power law (dotted). A construction curve must lie between"
          + " its bounds; its slope is the verdict table's."
          + LOG_NOTE;

  private static final String PARAMS_CAPTION =
      "Trainable parameters (weights and biases) of the certified adapter with the fewest neurons,"
          + " against N. For depth 2 the parameters grow like the neurons (m·(d+2)+1); for depth"
          + " 3 the middle layer has d1·d2 weights, so Θ(√N) neurons still cost Θ(N)"
          + " parameters."
          + LOG_NOTE;

  /** Certified neurons (with the theorem bounds) or parameters against N, one curve a regime. */
  private static FigureBlock certified(Analysis a, Kind kind) {
    boolean neurons = kind == Kind.CERTIFIED;
    String what = neurons ? "certified" : "parameters";
    List<ObjectNode> traces = new ArrayList<>();
    int i = 0;
    for (SeriesFit f : a.of(kind)) {
      ScalingSeries s = f.series();
      String color = regimeColor(s.depth(), i++);
      String regime = ", depth " + s.depth() + ", " + s.regime();
      centreAndFit(
          traces, f, what + regime, "d" + s.depth() + " " + s.regime(), color, Line.Dash.SOLID);
      if (neurons) {
        bounds(a, s.depth(), s.regime(), color, traces);
      }
    }
    String title = neurons ? "Certified neurons against N" : "Certified parameters against N";
    String id = neurons ? "fig_certified" : "fig_params";
    String heading = neurons ? title : "Parameters against N";
    ObjectNode layout = Layouts.of(title, "N", true, neurons ? "neurons m" : "parameters", true);
    String caption = neurons ? NEURONS_CAPTION : PARAMS_CAPTION;
    String why =
        neurons ? "no certified rows in this run" : "certify.csv has no params column or no rows";
    return FigureBlock.of(id, heading, layout, traces, caption, CERTIFY, why, 0);
  }

  /** Trained minimum width per depth × criterion with the seed spread as a band. */
  public static FigureBlock trained(Analysis a) {
    List<ObjectNode> traces = new ArrayList<>();
    int i = 0;
    for (SeriesFit f : a.of(Kind.TRAINED)) {
      ScalingSeries s = f.series();
      String name = "depth " + s.depth() + ", " + s.criterion() + ", " + s.regime();
      traces.addAll(Traces.seriesWithFit(f, name, Colors.palette(i++)));
    }
    String title = "Trained minimum width against N";
    String caption =
        "The smallest adapter width m that gradient descent trained to each success criterion"
            + " (paper: ℓ_FT ≤ 0.04; relative:ε: ℓ_FT ≤ ε·ℓ_FT(g = 0)), per depth and K rule. The"
            + " line is the geometric mean over seeds (the point the fit goes through), the error bars the range from the smallest to the"
            + " largest seed, the dotted line the fitted power law. Widths with no passing m in the"
            + " grid, and m_min = 0, are not drawn (counted in the verdict table). The paper"
            + " criterion's initial loss is about (N/K)·(2/3), so at small N/K it passes with g = 0"
            + " and demands a different precision at every N/K; relative criteria demand the same"
            + " at every N."
            + LOG_NOTE;
    ObjectNode layout = Layouts.of(title, "N", true, "minimum width m", true);
    String why = "no trained widths in this run";
    return FigureBlock.of("fig_trained", title, layout, traces, caption, CAPACITY, why, 0);
  }

  /**
   * The paper's Fig. 9: mean final loss over N × m (depth 3, K = 1000, or the K with the most
   * cells), the minimum-m curve (capacity.csv's m_min for the paper criterion, else the smallest m
   * whose mean loss is ≤ 0.04) and the paper's 2.4·√N reference.
   */
  public static FigureBlock fig9(RunData run) {
    String id = "fig_fig9";
    String title = "Fig. 9: fine-tuning loss over N and m (depth 3)";
    String baseCaption =
        "The paper's only experiment (Sohn et al. 2024, Fig. 9): each cell is the final"
            + " fine-tuning loss ℓ_FT of a depth-3 adapter with m neurons after N of K labels"
            + " changed, mean over seeds (darker is lower). The orange steps are the smallest m"
            + " meeting ℓ_FT ≤ 0.04 per N; the red curve is the paper's Θ(√N) reference 2.4·√N."
            + " If training follows Theorem 5.1 the orange steps rise like the red curve. Both axes"
            + " are linear, as in the paper.";
    Optional<Fig9Grid> found = Fig9Grid.of(run);
    if (found.isEmpty()) {
      return FigureBlock.absent(
          id, title, baseCaption, List.of(RunFolder.CELLS), Fig9Grid.whyMissing(run));
    }
    Fig9Grid g = found.get();
    List<Integer> nl = g.ns();
    List<Integer> ml = g.ms();
    List<ObjectNode> traces = new ArrayList<>();
    traces.add(
        Traces.unlisted(
            Traces.heatmap(
                nl.stream().mapToDouble(Integer::doubleValue).toArray(),
                ml.stream().mapToDouble(Integer::doubleValue).toArray(),
                g.meanLoss(),
                0,
                "final loss",
                "mean final loss")));
    List<String> files = new ArrayList<>(List.of(RunFolder.CELLS));
    String curveFrom;
    if (g.fromCapacity()) {
      curveFrom = "capacity.csv (criterion paper, geometric mean over seeds)";
      files.add(RunFolder.CAPACITY);
    } else {
      curveFrom = "the cells (smallest m whose mean loss is ≤ 0.04)";
    }
    SampleSpread curve = g.minWidth();
    if (!curve.isEmpty()) {
      traces.add(Traces.steps(curve.n(), curve.centre(), "min m with loss ≤ 0.04", "#ff7f0e", 3));
    }
    double nMax = nl.get(nl.size() - 1);
    double nMin = Math.max(1, nl.get(0));
    traces.add(
        Traces.curve(
            nMin,
            nMax,
            n -> PAPER_SQRT_CONSTANT * Math.sqrt(n),
            "paper: 2.4·√N",
            "#d62728",
            false));
    int k = g.k();
    ObjectNode layout =
        Layouts.of(
            title + ", K = " + k,
            "N (changed labels)",
            false,
            "adapter width m (d1 = d2 = m/2)",
            false);
    String caption =
        baseCaption
            + " This run: K = "
            + k
            + ", "
            + nl.size()
            + " N × "
            + ml.size()
            + " m cells; the steps come from "
            + curveFrom
            + "."
            + (k == Fig9Grid.PAPER_K
                ? ""
                : " (No depth-3 cells at the paper's K = 1000; K = " + k + " has the most.)");
    return FigureBlock.of(id, title, layout, traces, caption, files, "", 0);
  }

  /** m_min against K at fixed N: the theory says it does not depend on K. */
  public static FigureBlock kIndependence(RunData run) {
    String id = "fig_k_independence";
    String title = "K-independence: minimum width against K at fixed N";
    String caption =
        "Theorem 4.1 (for K ≥ 3N + 2) and Theorem 5.1 say the neurons needed depend on N, not on"
            + " K. Each line holds N fixed and varies K: trained m_min (geometric mean over seeds, markers"
            + " per seed) from capacity.csv and certified neurons from certify.csv where the run"
            + " has several K for one N. Flat lines agree with the theory; the x axis (K) is"
            + " logarithmic.";
    List<ObjectNode> traces = new ArrayList<>();
    List<String> files = new ArrayList<>();
    int c = 0;
    for (KIndependence.Line line : KIndependence.of(run).lines()) {
      String color = Colors.palette(c++);
      SampleSpread sp = line.spread();
      traces.add(Traces.lineMarkers(sp.n(), sp.centre(), line.name(), color, Line.Dash.SOLID));
      traces.add(seeds(line, color));
      files.add(line.source());
    }
    ObjectNode layout = Layouts.of(title, "K (samples)", true, "neurons m", false);
    List<String> from =
        files.isEmpty() ? List.of(RunFolder.CAPACITY, RunFolder.CERTIFY) : distinct(files);
    String why = "no N was run at two or more K (the profile's k_independence sweep did not run)";
    return FigureBlock.of(id, title, layout, traces, caption, from, why, 0);
  }

  // ---- helpers ----

  /** Every seed of a K-independence line as a marker. */
  private static ObjectNode seeds(KIndependence.Line line, String color) {
    List<double[]> points = new ArrayList<>();
    line.byK()
        .forEach(
            (k, v) ->
                Arrays.stream(v)
                    .filter(Double::isFinite)
                    .forEach(y -> points.add(new double[] {k, y})));
    return Traces.markers(
        points.stream().mapToDouble(p -> p[0]).toArray(),
        points.stream().mapToDouble(p -> p[1]).toArray(),
        "seeds: " + line.name(),
        color,
        5);
  }

  private static void bounds(
      Analysis a, int depth, String regime, String color, List<ObjectNode> traces) {
    for (SeriesFit f : a.fits()) {
      ScalingSeries s = f.series();
      if (s.depth() != depth || !s.regime().equals(regime)) {
        continue;
      }
      if (s.kind() == Kind.UPPER_BOUND || s.kind() == Kind.LOWER_BOUND) {
        SampleSpread sp = s.spread();
        String which = s.kind() == Kind.UPPER_BOUND ? "upper" : "lower";
        traces.add(
            Traces.line(
                sp.n(),
                sp.centre(),
                which + " bound, depth " + depth + ", " + regime,
                Traces.alpha(color, 0.55),
                s.kind() == Kind.UPPER_BOUND ? Line.Dash.DASH : Line.Dash.LONG_DASH,
                1.5));
      }
    }
  }

  /** The series' centre per N as a line with markers, and its fitted power law where it has one. */
  private static void centreAndFit(
      List<ObjectNode> traces,
      SeriesFit f,
      String name,
      String fitName,
      String color,
      Line.Dash dash) {
    SampleSpread sp = f.series().spread();
    if (!sp.isEmpty()) {
      traces.add(Traces.lineMarkers(sp.n(), sp.centre(), name, color, dash));
    }
    if (f.fit().isFitted()) {
      traces.add(Traces.fitLine(f.fit(), fitName, color));
    }
  }

  /** The series of this depth (and criterion) with the most points, preferring K ∝ N sweeps. */
  private static Optional<SeriesFit> widest(List<SeriesFit> fits, int depth, String criterion) {
    return fits.stream()
        .filter(f -> f.series().depth() == depth && f.series().criterion().equals(criterion))
        .max(
            Comparator.comparingInt((SeriesFit f) -> f.series().regime().endsWith("N") ? 1 : 0)
                .thenComparingInt(f -> f.series().samples().size()));
  }

  private static List<Integer> depths(Analysis a) {
    return a.fits().stream()
        .filter(f -> f.series().kind() == Kind.CERTIFIED || f.series().kind() == Kind.TRAINED)
        .map(f -> f.series().depth())
        .distinct()
        .sorted()
        .toList();
  }

  private static List<String> criteria(Analysis a, int depth) {
    return a.of(Kind.TRAINED).stream()
        .filter(f -> f.series().depth() == depth)
        .map(f -> f.series().criterion())
        .distinct()
        .toList();
  }

  private static String regimeColor(int depth, int i) {
    return Colors.shade(Colors.depth(depth), i);
  }

  static List<String> distinct(List<String> files) {
    return files.stream().distinct().toList();
  }

  /** The N range of a fit as text, "10–10000". */
  static String range(SeriesFit f) {
    return Format.count(f.fit().nMin()) + "–" + Format.count(f.fit().nMax());
  }
}
