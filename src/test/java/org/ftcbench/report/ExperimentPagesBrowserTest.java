package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.ExperimentFixture;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.FixtureRun;
import org.ftcbench.analysis.RunLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two experiment pages in real headless Chromium: a run with the paper's rows and both
 * experiments' rows ({@link ExperimentFixture}) draws every figure without a JavaScript error; a
 * run without them says so in one line, and the summary links both pages.
 */
class ExperimentPagesBrowserTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void writeReport() {
    Path run = tmp.resolve("results/fixture-host-test-cpu/20261126T235748Z");
    FixtureRun.write(run);
    ExperimentFixture.append(run);
    out = tmp.resolve("reports");
    ReportWriter.write(List.of(run), out, FitSettings.defaults());
  }

  @Test
  void theFractionPageDrawsItsFiguresAndTheFormulaCheck() throws Exception {
    BrowserTest.requireChromium();
    String dom = BrowserTest.chromium(out.resolve(Page.FRACTION), "--dump-dom");
    BrowserTest.checkDom(Page.FRACTION, dom, 2);
    assertThat(dom)
        .contains("id=\"fig_fraction_trained_k100\"")
        .contains("id=\"fig_fraction_certified_k100\"")
        .contains("<table class=\"fraction-checks\">")
        .contains("<table class=\"verdicts\">")
        .contains("memorization, depth 2: K − 2 ≤ m* ≤ K − 1");
  }

  @Test
  void theStructurePageDrawsEveryFigureAndDescribesEachFamily() throws Exception {
    BrowserTest.requireChromium();
    String dom = BrowserTest.chromium(out.resolve(Page.STRUCTURE), "--dump-dom");
    BrowserTest.checkDom(Page.STRUCTURE, dom, 8);
    assertThat(dom)
        .contains("id=\"fig_structure_weight_sigma\"")
        .contains("id=\"fig_structure_trained_d\"")
        .contains("Gaussian clusters: 4 centres")
        .contains("<table class=\"structure-slopes\">")
        .doesNotContain("Not shown:");
    BrowserTest.keepScreenshot(out.resolve(Page.STRUCTURE), "structure", 5200);
  }

  @Test
  void theSummaryLinksBothPages() throws Exception {
    String index = Files.readString(out.resolve(Page.INDEX));
    assertThat(index)
        .contains("href=\"" + Page.FRACTION + "\"")
        .contains("href=\"" + Page.STRUCTURE + "\"");
  }

  /** A run of the paper's setting only: each page is one line saying what is absent. */
  @Test
  void aRunWithoutTheExperimentsSaysSoInOneLine() {
    Path run = FixtureRun.write(tmp.resolve("paper-only"));
    Analysis a = Analysis.of(RunLoader.load(run), FitSettings.defaults());
    PageContext ctx = PageContext.filesOnly("assets/plotly.js", java.util.Map.of());
    assertThat(FractionPage.render(a, ctx))
        .contains("<p class=\"absent\" id=\"fraction-absent\">")
        .doesNotContain("<figure");
    assertThat(StructurePage.render(a, ctx))
        .contains("<p class=\"absent\" id=\"structure-absent\">")
        .doesNotContain("<figure");
  }
}
