package org.ftcbench.report;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.analysis.LoraCapacity;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.SeriesFit;

/**
 * lora.html: the LoRA sweep (docs/lora.md): r* and P* against N with fits and verdicts, LoRA's P*
 * against the additive adapters', r* against K at fixed N and against f's depth. Written only for a
 * run with LoRA rows.
 */
public final class LoraPage {
  private LoraPage() {}

  public static String render(LoraCapacity lora, RunData run, PageContext ctx) {
    StringBuilder b = new StringBuilder();
    b.append(
        "<p>LoRA fine-tunes f's hidden weights as W + B A with B (D × r) and A (r × D), B = 0 at"
            + " the start, f's output layer frozen; r* is the smallest rank that trains to the"
            + " criterion, searched up to r = D (docs/lora.md).</p>\n");
    b.append("<h2>Fits</h2>\n");
    List<SeriesFit> fits = new ArrayList<>(lora.ranks());
    fits.addAll(lora.parameters());
    fits.addAll(lora.additive());
    b.append(
        fits.isEmpty()
            ? Html.absent("lora-fits", "No LoRA series with two or more N in this run.")
            : VerdictTable.render(fits, ctx));
    b.append(
        Page.figures(
            ctx,
            List.of(
                LoraFigures.scaling(lora, false),
                LoraFigures.scaling(lora, true),
                LoraFigures.againstAdditive(lora),
                LoraFigures.kDependence(lora),
                LoraFigures.depth(lora))));
    return Page.render("LoRA adapters: rank against N", Page.LORA, run, ctx, b.toString());
  }
}
