package org.ftcbench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.LoraCapacity;
import org.ftcbench.capacity.AdapterShape;

/** The pages of one analysed run, rendered: file name → HTML. Pure. */
public final class Report {
  private Report() {}

  public static Map<String, String> pages(Analysis a, PageContext ctx) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put(Page.INDEX, IndexPage.render(a, ctx));
    pages.put(Page.CAPACITY, CapacityPage.render(a, ctx));
    pages.put(Page.KERNELS, KernelsPage.render(a, ctx));
    pages.put(Page.FRACTION, FractionPage.render(a, ctx));
    pages.put(Page.STRUCTURE, StructurePage.render(a, ctx));
    LoraCapacity lora = lora(a);
    if (!lora.isEmpty()) {
      pages.put(Page.LORA, LoraPage.render(lora, a.run(), ctx));
    }
    return pages;
  }

  /** The run's LoRA rows analysed, additive parameters counted as the sweep lays m out. */
  static LoraCapacity lora(Analysis a) {
    return LoraCapacity.of(a.run(), FitSettings.defaults(), AdapterShape::parameters);
  }
}
