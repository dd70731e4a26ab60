package org.ftcbench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.LoraCapacity;
import org.ftcbench.capacity.AdapterShape;

/** The pages of one analysed run, rendered: file name → HTML. Pure. */
public final class Report {
  private Report() {}

  public static Map<String, String> pages(Analysis a, PageContext ctx) {
    Map<String, String> pages = new LinkedHashMap<>();
    LoraCapacity lora =
        LoraCapacity.of(a.run(), a.settings(), AdapterShape::parameters); // additive P as swept
    pages.put(Page.INDEX, IndexPage.render(a, ctx, !lora.isEmpty()));
    pages.put(Page.CAPACITY, CapacityPage.render(a, ctx));
    pages.put(Page.KERNELS, KernelsPage.render(a, ctx));
    pages.put(Page.FRACTION, FractionPage.render(a, ctx));
    pages.put(Page.STRUCTURE, StructurePage.render(a, ctx));
    if (!lora.isEmpty()) {
      pages.put(Page.LORA, LoraPage.render(lora, a.run(), ctx));
    }
    return pages;
  }
}
