package org.ftcbench.report;

import java.util.List;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.results.RunFolder;

/**
 * kernels.html: time per op against N per benchmark, GFLOP/s against the gemm rate, cached-f
 * against recompute-f, and the plain-Java/BLAS crossover.
 */
public final class KernelsPage {
  private KernelsPage() {}

  public static String render(Analysis a, PageContext ctx) {
    StringBuilder b = new StringBuilder();
    List<SeriesFit> fits = a.of(Kind.KERNEL);
    b.append("<h2>Fits</h2>\n");
    b.append(
        fits.isEmpty()
            ? "<p class=\"absent\">No benchmark with a parameter N in this run.</p>\n"
            : VerdictTable.render(fits, ctx));
    String blas = a.run().env().getOrDefault("jblas_flavor", "");
    if (!blas.isEmpty()) {
      b.append("<p>BLAS: jblas ")
          .append(Html.esc(a.run().env().getOrDefault("jblas_version", "?")))
          .append(", native flavour <code>")
          .append(Html.esc(blas))
          .append("</code>")
          .append(
              a.run().env().containsKey("blas")
                  ? ", configuration <code>" + Html.esc(a.run().env().get("blas")) + "</code>"
                  : "")
          .append(
              a.run().env().containsKey("blas_config")
                  ? " (<code>--blas " + Html.esc(a.run().env().get("blas_config")) + "</code>)"
                  : "")
          .append("; CPU ")
          .append(Html.esc(a.run().env().getOrDefault("cpu_model", "unknown")))
          .append(".</p>\n");
    }
    for (FigureBlock f : KernelFigures.timeVsN(a)) {
      b.append(Page.figure(f, ctx));
    }
    b.append(Page.figure(KernelFigures.gflops(a.run()), ctx));
    b.append(Page.figure(KernelFigures.gemmShare(a.run()), ctx));
    b.append(Page.figure(KernelFigures.cachedVsRecompute(a.run()), ctx));
    b.append(Page.figure(KernelFigures.plainVsBlas(a.run()), ctx));
    b.append(
        Page.figure(
            FitFigures.residuals(
                "fig_kernel_residuals",
                "Residuals of the kernel fits",
                fits,
                List.of(RunFolder.JMH)),
            ctx));
    return Page.render("Kernel cost against N", Page.KERNELS, a.run(), ctx, b.toString());
  }
}
