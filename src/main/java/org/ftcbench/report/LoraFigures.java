package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.analysis.LoraCapacity;
import org.ftcbench.analysis.SampleSpread;
import org.ftcbench.analysis.ScalingSeries;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Symbol;

/** The LoRA page's figures, drawn from {@link LoraCapacity}: no number is computed here. */
final class LoraFigures {
  private LoraFigures() {}

  private static final List<String> CAPACITY = List.of(RunFolder.CAPACITY);

  private static final String CENSORED_NOTE =
      " A triangle at D marks a search that reached r = D without passing (censored: r* > D);"
          + " it is not a value and is left out of the fit.";

  /** r* (or P*) against N per variant, depth, criterion and K rule, with fits and censoring. */
  static FigureBlock scaling(LoraCapacity lora, boolean parameters) {
    String id = parameters ? "fig_lora_params" : "fig_lora_rank";
    String title = parameters ? "LoRA parameters P* against N" : "LoRA rank r* against N";
    List<ObjectNode> traces = new ArrayList<>();
    List<SeriesFit> fits = parameters ? lora.parameters() : lora.ranks();
    for (int i = 0; i < fits.size(); i++) {
      SeriesFit f = fits.get(i);
      String color = Colors.palette(i);
      traces.addAll(Traces.seriesWithFit(f, name(f.series()), color));
      String rankTitle = lora.ranks().get(i).series().title();
      List<LoraCapacity.Censored> cut =
          lora.censored().stream().filter(c -> c.series().equals(rankTitle)).toList();
      if (!cut.isEmpty()) {
        traces.add(
            Traces.markers(
                cut.stream().mapToDouble(LoraCapacity.Censored::n).toArray(),
                cut.stream()
                    .mapToDouble(c -> parameters ? c.parametersAtWidth() : c.width())
                    .toArray(),
                "censored at D: " + name(f.series()),
                color,
                11,
                Symbol.TRIANGLE_UP));
      }
    }
    String caption =
        (parameters
                ? "Answers: how many trainable numbers a LoRA needs as N grows, P* = Σ over the"
                    + " adapted layers r*(D_in + D_out) (+ D_out with trained biases), computed"
                    + " from each seed's r*."
                : "Answers: how the smallest LoRA rank r* that fits the changed labels grows with"
                    + " N, per variant (layers all|last, bias frozen|trainable), f's depth L,"
                    + " criterion and K rule.")
            + " The line is the geometric mean over seeds, the error bars the range over seeds,"
            + " the dotted line the fitted power law (slopes with intervals in the table above)."
            + CENSORED_NOTE
            + CapacityFigures.LOG_NOTE;
    ObjectNode layout =
        Layouts.of(title, "N", true, parameters ? "trainable parameters P*" : "rank r*", true);
    return FigureBlock.of(
        id, title, layout, traces, caption, CAPACITY, "no N was run at two or more values", 0);
  }

  /** LoRA's P* beside the additive 2- and 3-layer adapters' P* on the same tasks. */
  static FigureBlock againstAdditive(LoraCapacity lora) {
    String id = "fig_lora_vs_additive";
    String title = "Parameters: LoRA against the additive adapters, same tasks";
    List<ObjectNode> traces = new ArrayList<>();
    int i = 0;
    for (SeriesFit f : lora.additive().isEmpty() ? List.<SeriesFit>of() : lora.parameters()) {
      traces.addAll(Traces.seriesWithFit(f, "LoRA " + name(f.series()), Colors.palette(i++)));
    }
    for (SeriesFit f : lora.additive()) {
      ScalingSeries s = f.series();
      traces.addAll(
          Traces.seriesWithFit(
              f,
              "additive depth " + s.depth() + ", " + s.criterion() + ", " + s.regime(),
              Colors.depth(s.depth())));
    }
    String caption =
        "Answers: which kind of adapter needs fewer trainable numbers for the same changed"
            + " labels. LoRA's P* (coloured) and the additive adapters' weights and biases at their"
            + " m_min (depth colours), on the tasks both sweeps trained (same N, K, d, seed and"
            + " criterion); the dotted lines are the fits."
            + CapacityFigures.LOG_NOTE;
    ObjectNode layout = Layouts.of(title, "N", true, "trainable parameters P*", true);
    String why = "the additive sweeps trained none of the LoRA sweep's tasks (same N, K, d, seed)";
    return FigureBlock.of(id, title, layout, traces, caption, CAPACITY, why, 0);
  }

  /** r* against K at fixed N. */
  static FigureBlock kDependence(LoraCapacity lora) {
    String caption =
        "Answers: does the rank needed depend on K at fixed N? A low-rank change of W moves f's"
            + " output on every sample, where an additive ReLU adapter can be exactly 0 on the"
            + " unchanged ones (the paper's Theorems 4.1 and 5.1: m* does not depend on K). Each"
            + " line holds N fixed and varies K; markers are seeds. A rising line says r* grows"
            + " with K. The x axis (K) is logarithmic; censored searches are not drawn.";
    return lines(
        "fig_lora_k",
        "LoRA rank r* against K at fixed N",
        lora.kLines(),
        "K (samples)",
        true,
        caption,
        "no N was run at two or more K (sweep.lora.k_dependence)");
  }

  /** r* against f's depth L at fixed N and K. */
  static FigureBlock depth(LoraCapacity lora) {
    String caption =
        "Answers: how rank trades against depth: r* against f's number of affine layers L (L − 1"
            + " hidden layers of width D, all adapted in the all variant) at fixed N and K;"
            + " markers are seeds. A falling line says depth buys rank. Censored searches are not"
            + " drawn.";
    return lines(
        "fig_lora_depth",
        "LoRA rank r* against f's depth L",
        lora.depthLines(),
        "depth L of f",
        false,
        caption,
        "no task was run at two or more depths (sweep.lora.depths)");
  }

  private static FigureBlock lines(
      String id,
      String title,
      List<LoraCapacity.Line> lines,
      String x,
      boolean logX,
      String caption,
      String why) {
    List<ObjectNode> traces = new ArrayList<>();
    int c = 0;
    for (LoraCapacity.Line line : lines) {
      String color = Colors.palette(c++);
      SampleSpread sp = line.spread();
      traces.add(
          Traces.errorY(
              Traces.lineMarkers(sp.n(), sp.centre(), line.name(), color, Line.Dash.SOLID),
              sp.centre(),
              sp.low(),
              sp.high(),
              color));
    }
    ObjectNode layout = Layouts.of(title, x, logX, "rank r*", false);
    return FigureBlock.of(id, title, layout, traces, caption, CAPACITY, why, 0);
  }

  /** "all/frozen, L = 3, paper, K = 2N": a series' title after its kind. */
  private static String name(ScalingSeries s) {
    return s.title().substring(s.title().indexOf(", ") + 2);
  }
}
