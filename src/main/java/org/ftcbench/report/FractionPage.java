package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.FractionExperiment;
import org.ftcbench.results.RunFolder;

/**
 * fraction.html, the pre-training-quality experiment ({@link FractionExperiment}): widths against
 * the changed fraction N/K at fixed K, with the memorization bounds at N = K, the constructions
 * beside their formulas at N = K, and the fitted slopes.
 */
public final class FractionPage {
  private FractionPage() {}

  public static String render(Analysis a, PageContext ctx) {
    StringBuilder b = new StringBuilder();
    b.append(
        "<p>How much does a worse pre-trained f cost? At one fixed K the fraction N/K of changed"
            + " labels grows up to 1, where f fits none of the new labels and fine-tuning is plain"
            + " memorization of K samples. The theorems say Θ(N) neurons for a 2-layer adapter"
            + " (Theorem 4.1) and Θ(√N) for a 3-layer one (Theorem 5.1); at N = K they meet the"
            + " memorization results: about K (K − 2 ≤ m* ≤ K − 1) and about √K (√(2(K − 2) +"
            + " 1/4) − 1/2 ≤ m* ≤ 4√K). Profile keys: <code>sweep.fraction.*</code>.</p>\n");
    List<FractionExperiment> experiments = FractionExperiment.of(a.run(), a.settings());
    if (experiments.isEmpty()) {
      b.append(
          Html.absent(
              "fraction-absent",
              "This run has no task with N = K (the sweep.fraction experiment did not run)."));
    }
    for (FractionExperiment e : experiments) {
      String k = "K = " + Format.count(e.k());
      String suffix = "_k" + e.k();
      b.append("<h2>").append(Html.esc(k)).append("</h2>\n");
      b.append(
          Page.figure(
              ExperimentFigures.curves(
                  "fig_fraction_trained" + suffix,
                  "Trained minimum width against N/K, " + k,
                  new ExperimentFigures.Axis("N/K (changed fraction)", true),
                  new ExperimentFigures.Axis("trained m_min", true),
                  e.trained(),
                  references(e),
                  "Does a trained adapter keep the theorems' laws as f gets worse, and does the"
                      + " 3-layer adapter keep its advantage? Each line is the smallest width"
                      + " that training fits (geometric mean over seeds, bars: their range), per"
                      + " depth and criterion. Theory: growth like N for depth 2 and like √N for"
                      + " depth 3; at N/K = 1 the bars on the right are the memorization bounds"
                      + " (depth 2 about K, depth 3 about √K). Trained widths may sit far below"
                      + " them: the bounds are for every data set, training meets one.",
                  "the run has no trained rows at this K"),
              ctx));
      b.append(
          Page.figure(
              ExperimentFigures.curves(
                  "fig_fraction_certified" + suffix,
                  "Certified width against N/K, " + k,
                  new ExperimentFigures.Axis("N/K (changed fraction)", true),
                  new ExperimentFigures.Axis("certified neurons", true),
                  e.certified(),
                  references(e),
                  "What do the constructions need at the same points? The dashed lines are the"
                      + " certified widths (the fewest neurons over the depth's constructions,"
                      + " verified exactly on all K samples; Appendix A never counts). Theory:"
                      + " min{3N + 1, K − 1} for depth 2, min{4√K, 2√K + 3N, 6√(3N + 2)} for depth"
                      + " 3, so both flatten as N nears K; the bars at N/K = 1 are the memorization"
                      + " bounds.",
                  "the run has no certified rows at this K"),
              ctx));
      b.append("<h3>The constructions at N = K beside their formulas</h3>\n");
      b.append(checks(e));
      b.append("<h3>Fitted slopes against N at ").append(Html.esc(k)).append("</h3>\n");
      b.append(
          e.fits().isEmpty()
              ? Html.absent("fraction-fits" + suffix, "No series to fit at this K.")
              : VerdictTable.render(e.fits(), ctx));
      b.append("<p><small>")
          .append(VerdictTable.EXPLANATION)
          .append(
              " Here every N runs at one K, N = K included, so a slope below the law's says the"
                  + " width flattens towards the memorization bound.</small></p>\n");
    }
    return Page.render(
        "Pre-training quality: width against N/K", Page.FRACTION, a.run(), ctx, b.toString());
  }

  /** The memorization bounds at N/K = 1: a marker at their middle with a bar from low to high. */
  private static List<ObjectNode> references(FractionExperiment e) {
    List<ObjectNode> out = new ArrayList<>();
    for (FractionExperiment.Memorization m : e.memorization()) {
      String color = Traces.alpha(Colors.depth(m.depth()), 0.6);
      double mid = Math.sqrt(m.low() * m.high());
      ObjectNode t =
          Traces.markers(
              new double[] {1},
              new double[] {mid},
              "memorization, depth " + m.depth() + ": " + m.text(),
              color,
              11);
      out.add(
          Traces.errorY(
              t, new double[] {mid}, new double[] {m.low()}, new double[] {m.high()}, color));
    }
    return out;
  }

  private static String checks(FractionExperiment e) {
    if (e.checks().isEmpty()) {
      return Html.absent("fraction-checks-k" + e.k(), "No certified row at N = K = " + e.k() + ".");
    }
    List<List<String>> rows = new ArrayList<>();
    for (FractionExperiment.FormulaCheck c : e.checks()) {
      String verdict =
          c.equalsFormula()
              ? "equal"
              : c.neurons() < c.formula()
                  ? Format.count(c.formula() - c.neurons()) + " below"
                  : "ABOVE by " + Format.count(c.neurons() - c.formula());
      rows.add(
          List.of(
              String.valueOf(c.depth()),
              Html.esc(c.construction()) + (c.comparisonOnly() ? " (comparison only)" : ""),
              String.valueOf(c.seed()),
              Format.count(c.neurons()),
              Format.count(c.formula()),
              Format.count(c.lowerBound()),
              verdict));
    }
    return Html.table(
            "fraction-checks",
            List.of(
                "depth",
                "construction",
                "seed",
                "neurons",
                "its formula (upper_bound)",
                "lower bound on m*",
                "neurons against formula"),
            rows)
        + "<p><small>Data: "
        + RunFolder.CERTIFY
        + ". The formula is the construction's own neuron count from the theorems, with the"
        + " ceilings the suite uses; a construction may need fewer (e.g. when a block is"
        + " empty), never more.</small></p>\n";
  }
}
