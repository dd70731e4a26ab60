package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.FixtureRun;
import org.ftcbench.analysis.LoraFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lora.html of a run with LoRA rows ({@link LoraFixture}), opened in headless Chromium offline like
 * {@link BrowserTest}'s pages; a run without LoRA rows gets no page and no link.
 */
class LoraPageTest {
  @Test
  void theLoraPageRendersOfflineAndTheSummaryLinksIt(@TempDir Path tmp) throws Exception {
    Path run = LoraFixture.write(tmp.resolve("results").resolve("m").resolve("20260101T000000Z"));
    Path out = tmp.resolve("reports");
    ReportWriter.write(List.of(run), out, FitSettings.defaults());
    Path page = out.resolve(Page.LORA);
    assertThat(page).isRegularFile();
    String html = Files.readString(page);
    for (String id :
        List.of("fig_lora_rank", "fig_lora_params", "fig_lora_vs_additive", "fig_lora_k")) {
      assertThat(html).as(id).contains("<div id=\"" + id + "\" class=\"plot\"");
    }
    assertThat(html).contains("censored at D").contains("Answers: ");
    assertThat(Files.readString(out.resolve(Page.INDEX))).contains("href=\"lora.html\"");
    BrowserTest.requireChromium();
    BrowserTest.checkDom(Page.LORA, BrowserTest.chromium(page, "--dump-dom"), 5);
    BrowserTest.keepScreenshot(page, "lora", 5200);
  }

  @Test
  void aRunWithoutLoraRowsHasNoLoraPage(@TempDir Path tmp) throws Exception {
    Path run = FixtureRun.write(tmp.resolve("results").resolve("m").resolve("20260101T000000Z"));
    Path out = tmp.resolve("reports");
    ReportWriter.write(List.of(run), out, FitSettings.defaults());
    assertThat(out.resolve(Page.LORA)).doesNotExist();
    assertThat(Files.readString(out.resolve(Page.INDEX))).doesNotContain("lora.html");
  }
}
