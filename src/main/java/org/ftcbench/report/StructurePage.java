package org.ftcbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.StructureExperiment;

/**
 * structure.html, the data-shape experiment ({@link StructureExperiment}): certified neurons,
 * largest |weight| and exactness, and trained widths, against cluster spread σ and against the
 * input dimension d, per data family.
 */
public final class StructurePage {
  private StructurePage() {}

  private static final ExperimentFigures.Axis SIGMA =
      new ExperimentFigures.Axis("cluster spread σ", true);
  private static final ExperimentFigures.Axis D =
      new ExperimentFigures.Axis("input dimension d", true);
  private static final ExperimentFigures.Axis NEURONS =
      new ExperimentFigures.Axis("certified neurons", true);
  private static final ExperimentFigures.Axis WEIGHT =
      new ExperimentFigures.Axis("largest |weight|", true);
  private static final ExperimentFigures.Axis RESIDUAL =
      new ExperimentFigures.Axis("max |g(x_i) − z_i|", true);
  private static final ExperimentFigures.Axis TRAINED =
      new ExperimentFigures.Axis("trained m_min", true);

  public static String render(Analysis a, PageContext ctx) {
    StringBuilder b = new StringBuilder();
    b.append(
        "<p>Does the shape of the data matter? The theorems hold for any distinct inputs, but the"
            + " constructions project the data on one direction and their weights grow like"
            + " 1/(smallest projected gap): tight clusters are their worst case, points on a line"
            + " the lower bound's. The same tasks run on data families that differ only in shape"
            + " and in the input dimension d. Profile keys: <code>sweep.structure.*</code>.</p>\n");
    Optional<StructureExperiment> found = StructureExperiment.of(a.run(), a.settings());
    if (found.isEmpty()) {
      b.append(
          Html.absent(
              "structure-absent",
              "This run has only the paper's Gaussian inputs (the sweep.structure experiment did"
                  + " not run)."));
      return page(a, ctx, b);
    }
    StructureExperiment e = found.get();
    b.append("<h2>Data families</h2>\n");
    List<List<String>> rows = new ArrayList<>();
    for (StructureExperiment.Family f : e.families()) {
      rows.add(List.of("<code>" + Html.esc(f.spec()) + "</code>", Html.esc(f.description())));
    }
    b.append(Html.table("families", List.of("data (spec)", "what the inputs are"), rows));

    String noClusters = "the run has no clusters family";
    b.append("<h2>Against the cluster spread σ</h2>\n");
    List<FigureBlock> bySigma =
        List.of(
            ExperimentFigures.curves(
                "fig_structure_weight_sigma",
                "Largest |weight| of the certified adapter against σ",
                SIGMA,
                WEIGHT,
                e.bySigma().weight(),
                List.of(),
                "How large must the constructions' weights get as clusters tighten? Each line is"
                    + " the largest |weight or bias| of the depth's certified construction (one"
                    + " colour per d; depth 2 solid, depth 3 dashed). Theory: the weights grow like"
                    + " 1/(smallest projected gap), and the gaps inside a cluster shrink like σ, so"
                    + " a slope of about −1 (steeper where a construction divides by a gap twice)."
                    + " The fitted slopes are in the table below.",
                noClusters),
            ExperimentFigures.curves(
                "fig_structure_residual_sigma",
                "Exactness of the certificate against σ",
                SIGMA,
                RESIDUAL,
                e.bySigma().residual(),
                List.of(),
                "Do the certificates stay exact as the weights grow? The largest |g(x_i) − z_i|"
                    + " over all K samples (double-double verification) of the certified"
                    + " construction. Theory: exact, so rounding level (about 1e-16 to 1e-15) at"
                    + " every σ; a residual of exactly 0 cannot sit on the log axis and is left"
                    + " out.",
                noClusters),
            ExperimentFigures.curves(
                "fig_structure_neurons_sigma",
                "Certified neurons against σ",
                SIGMA,
                NEURONS,
                e.bySigma().neurons(),
                List.of(),
                "Does the spread change how many neurons the constructions need? Theory: the"
                    + " bounds depend on N and K only (min{3N + 1, K − 1}; min{4√K, 2√K + 3N,"
                    + " 6√(3N + 2)}); the built count moves a little with the order of the"
                    + " projected points (Theorem 4.4, the kept set), not with σ as such. Only"
                    + " the weights should pay for tight clusters.",
                noClusters),
            ExperimentFigures.curves(
                "fig_structure_trained_sigma",
                "Trained minimum width against σ",
                SIGMA,
                TRAINED,
                e.bySigma().trained(),
                List.of(),
                "Does training pay for tight clusters in width? The smallest width training fits,"
                    + " per depth, criterion and d. The theorems' widths do not depend on σ; a"
                    + " trained adapter must turn between points σ apart with bounded steps, so"
                    + " its widths may grow as σ shrinks. A missing point means no width up to"
                    + " max_m fitted.",
                noClusters));
    bySigma.forEach(f -> b.append(Page.figure(f, ctx)));
    b.append("<h3>Largest |weight| ∝ σ^b</h3>\n").append(slopes(e));

    b.append("<h2>Against the input dimension d, per family</h2>\n");
    String noD = "the run has no rows of this experiment";
    List<FigureBlock> byD =
        List.of(
            ExperimentFigures.curves(
                "fig_structure_neurons_d",
                "Certified neurons against d",
                D,
                NEURONS,
                e.byD().neurons(),
                List.of(),
                "Does the input dimension or the family change the certified width? One colour"
                    + " per family, depth 2 solid, depth 3 dashed. Theory: no, the counts depend"
                    + " on N and K only, for any distinct inputs.",
                noD),
            ExperimentFigures.curves(
                "fig_structure_weight_d",
                "Largest |weight| against d",
                D,
                WEIGHT,
                e.byD().weight(),
                List.of(),
                "Which shapes make the weights large? In higher d a random direction separates"
                    + " the points better (larger projected gaps, smaller weights); points on a"
                    + " line or a curve keep their gaps whatever d, tight clusters keep theirs"
                    + " small.",
                noD),
            ExperimentFigures.curves(
                "fig_structure_residual_d",
                "Exactness of the certificate against d",
                D,
                RESIDUAL,
                e.byD().residual(),
                List.of(),
                "The certified construction's largest |g(x_i) − z_i| over all K samples, per"
                    + " family. Theory: exact (rounding level) for every family and d.",
                noD),
            ExperimentFigures.curves(
                "fig_structure_trained_d",
                "Trained minimum width against d",
                D,
                TRAINED,
                e.byD().trained(),
                List.of(),
                "Does training care about the shape of the data? The smallest width training"
                    + " fits, per family, depth and criterion. A missing point means no width up"
                    + " to max_m fitted.",
                noD));
    byD.forEach(f -> b.append(Page.figure(f, ctx)));
    return page(a, ctx, b);
  }

  private static String page(Analysis a, PageContext ctx, StringBuilder b) {
    return Page.render(
        "The shape of the data: clusters, lines and dimension",
        Page.STRUCTURE,
        a.run(),
        ctx,
        b.toString());
  }

  private static String slopes(StructureExperiment e) {
    if (e.weightSlopes().isEmpty()) {
      return Html.absent("structure-slopes", "No clusters curve has two or more σ to fit.");
    }
    List<List<String>> rows = new ArrayList<>();
    for (StructureExperiment.WeightSlope s : e.weightSlopes()) {
      rows.add(
          List.of(
              Html.esc(s.curve()),
              "<span class=\"num\">"
                  + Html.esc(
                      Format.slope(s.fit().b())
                          + " "
                          + Format.interval(s.fit().bLow(), s.fit().bHigh()))
                  + "</span>",
              String.valueOf(s.fit().points())));
    }
    return Html.table("structure-slopes", List.of("curve", "b [95% t]", "σ values"), rows)
        + "<p><small>Theory: b ≈ −1 (weights ∝ 1/gap, gaps ∝ σ), steeper where a construction"
        + " divides by a gap twice; the interval needs 3 σ or more.</small></p>\n";
  }
}
