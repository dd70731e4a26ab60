package org.ftcbench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ftcbench.analysis.Analysis;

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
    return pages;
  }
}
