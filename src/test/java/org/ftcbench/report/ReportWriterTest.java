package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.FixtureRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  static final Pattern HREF = Pattern.compile("(?:href|src)=\"([^\"#]+)\"");

  @Test
  void writesThreeOfflinePagesWhoseLinksAllResolve() throws Exception {
    Path run = FixtureRun.write(tmp.resolve("results/host/20261126T235748Z"));
    Path out = tmp.resolve("reports");
    ReportWriter.Written w = ReportWriter.write(List.of(run), out, FitSettings.defaults());
    assertThat(w.index()).isEqualTo(out.resolve("index.html"));
    assertThat(out.resolve("assets/" + PlotlyAsset.fileName())).isRegularFile();
    assertThat(PlotlyAsset.version()).startsWith("2.35.");
    for (String page : List.of("index.html", "capacity.html", "kernels.html")) {
      String html = Files.readString(out.resolve(page));
      assertThat(html)
          .doesNotContain("cdn.plot.ly")
          .doesNotContain("https://")
          .doesNotContain("http://");
      assertThat(html).doesNotContain("Plot.show");
      Matcher m = HREF.matcher(html);
      while (m.find()) {
        String href = m.group(1);
        assertThat(out.resolve(java.net.URLDecoder.decode(href, "UTF-8")).normalize())
            .as(page + " → " + href)
            .exists();
      }
    }
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("id=\"verdict-table\"").contains("square-root").contains("linear");
    assertThat(index).contains("id=\"fig_headline\"").doesNotContain("id=\"notices\"");
    String capacity = Files.readString(out.resolve("capacity.html"));
    assertThat(capacity)
        .contains("id=\"fig_fig9\"")
        .contains("\"type\":\"heatmap\",\"name\":\"mean final loss\"")
        .contains("\"colorscale\":\"Viridis\"")
        .contains("paper: 2.4·√N");
    // the seed range of the trained widths: plotly's own error bars, not a polygon
    assertThat(capacity)
        .contains("id=\"fig_k_independence\"")
        .contains("\"error_y\":{\"type\":\"data\",\"symmetric\":false,\"array\":[")
        .doesNotContain("Plotly.restyle")
        .doesNotContain("Plotly.relayout");
    String kernels = Files.readString(out.resolve("kernels.html"));
    assertThat(kernels)
        .contains("id=\"fig_gflops\"")
        .contains("id=\"fig_cached\"")
        .contains("id=\"fig_crossover\"");
    assertThat(kernels).contains("id=\"fig_time_TrainStep_step\"");
  }

  @Test
  void aRunMissingFilesShowsWhatIsThereAndWhatIsMissing() throws Exception {
    Path run = FixtureRun.write(tmp.resolve("results/host/20261126T000000Z"));
    Files.delete(run.resolve("cells.csv"));
    Files.delete(run.resolve("env.json"));
    Files.writeString(run.resolve("jmh.json"), "[{\"benchmark\": \"x\""); // truncated
    Files.writeString(
        run.resolve("capacity.csv"),
        Files.readString(run.resolve("capacity.csv")) + "3,100,2"); // torn
    Path out = tmp.resolve("reports");
    ReportWriter.write(List.of(run), out, FitSettings.defaults());
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index)
        .contains("id=\"notices\"")
        .contains("cells.csv: missing: no Fig. 9 loss heatmap")
        .contains("env.json: missing")
        .contains("jmh.json: does not parse as JSON")
        .contains("capacity.csv: the last line is incomplete");
    assertThat(index).contains("certified neurons, depth 3"); // what is there is still reported
    String capacity = Files.readString(out.resolve("capacity.html"));
    assertThat(capacity).contains("Not shown: cells.csv is missing or has no rows");
  }

  @Test
  void severalRunsGetTheirOwnPagesAndTheNewestIsTheIndex() throws Exception {
    Path a = FixtureRun.write(tmp.resolve("results/host/20260101T000000Z"));
    Path b = FixtureRun.write(tmp.resolve("results/host/20260202T000000Z"));
    Path out = tmp.resolve("reports");
    ReportWriter.write(List.of(b, a), out, FitSettings.defaults());
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("20260202T000000Z")
        .contains("All runs")
        .contains("<h3 class=\"machine\">fixture-host-test-cpu — 2 runs</h3>");
    assertThat(out.resolve("runs/fixture-host-test-cpu/20260101T000000Z/index.html"))
        .isRegularFile();
    assertThat(out.resolve("runs/fixture-host-test-cpu/20260202T000000Z/kernels.html"))
        .isRegularFile();
  }

  @Test
  void relativeLinksAreEncoded() {
    assertThat(ReportWriter.href(Path.of("/a/reports"), Path.of("/a/bench results/x.csv")))
        .isEqualTo("../bench%20results/x.csv");
  }
}
