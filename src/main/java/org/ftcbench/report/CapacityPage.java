package org.ftcbench.report;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.RunFolder;

/**
 * capacity.html: neurons and parameters against N with bounds and fits, trained widths with the
 * seed spread, the Fig. 9 heatmap and the K-independence check.
 */
public final class CapacityPage {
  private CapacityPage() {}

  public static String render(Analysis a, PageContext ctx) {
    StringBuilder b = new StringBuilder();
    List<SeriesFit> fits = a.fits().stream().filter(f -> f.series().kind() != Kind.KERNEL).toList();
    b.append("<h2>Fits</h2>\n");
    b.append(
        fits.isEmpty()
            ? "<p class=\"absent\">No certified or trained series in this run.</p>\n"
            : VerdictTable.render(fits, ctx));
    List<FigureBlock> figures = new ArrayList<>(CapacityFigures.certified(a));
    figures.add(CapacityFigures.trained(a));
    figures.add(CapacityFigures.fig9(a.run()));
    figures.add(CapacityFigures.kIndependence(a.run()));
    figures.add(
        FitFigures.residuals(
            "fig_capacity_residuals",
            "Residuals of the capacity fits",
            fits.stream()
                .filter(
                    f -> f.series().kind() == Kind.CERTIFIED || f.series().kind() == Kind.TRAINED)
                .toList(),
            List.of(RunFolder.CERTIFY, RunFolder.CAPACITY)));
    b.append(Page.figures(ctx, figures));
    return Page.render(
        "Fine-tuning capacity: neurons against N", Page.CAPACITY, a.run(), ctx, b.toString());
  }
}
