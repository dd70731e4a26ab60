package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.ManyRuns;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.compare.Comparison;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.plotly.components.Line;

/**
 * End to end: a report of a small real run (fixture CSVs, real JMH output) opened in headless
 * Chromium (Debian package {@code chromium}) with every host name unresolvable, so nothing can come
 * from the network. Each page must load plotly.js from assets/, draw every figure (plotly's SVG is
 * in the DOM) and raise no JavaScript error (the pages' own window.onerror hook counts them into
 * {@code body[data-js-errors]}). The comparison page of this run against a changed copy of it
 * ({@link ComparisonFixture}) is checked the same way. Screenshots of the index and the comparison
 * are kept in target/report-e2e/ for a human to look at.
 *
 * <p>Where Chromium is not installed the test is skipped, loudly.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path KEEP = Path.of("target/report-e2e");

  @TempDir static Path tmp;
  static Path out;
  static String comparisonPage;

  @BeforeAll
  static void writeReport() {
    Path[] runs = ComparisonFixture.write(tmp.resolve("results"));
    out = tmp.resolve("reports");
    Analysis a = Analysis.of(RunLoader.load(runs[0]), FitSettings.defaults());
    Analysis b = Analysis.of(RunLoader.load(runs[1]), FitSettings.defaults());
    ReportWriter.write(List.of(runs[0]), out, FitSettings.defaults());
    Path page =
        ComparisonWriter.write(
                Comparison.of(runs[0], runs[1], Comparison.DEFAULT_NOISE_FLOOR), a, b, out)
            .page();
    comparisonPage = out.relativize(page).toString();
    ReportWriter.write(List.of(runs[0]), out, FitSettings.defaults()); // links the comparison
  }

  static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      String msg =
          "SKIPPED: the report's browser test needs headless Chromium at "
              + CHROMIUM
              + " (Debian package chromium; ./run-benchmarks.sh test installs it as root):"
              + " the HTML pages were NOT checked in a browser";
      System.err.println("\n*** " + msg + " ***\n");
      Assumptions.assumeTrue(false, msg);
    }
  }

  /** Runs Chromium headless on a page with no network; returns its stdout. */
  /**
   * A screenshot of {@code page}, 1250 pixels wide, kept as {@code target/report-e2e/NAME.png} for
   * a human to look at.
   */
  static Path keepScreenshot(Path page, String name, int height) throws Exception {
    Files.createDirectories(KEEP);
    Path png = KEEP.resolve(name + ".png").toAbsolutePath();
    Files.deleteIfExists(png);
    chromium(page, "--window-size=1250," + height, "--screenshot=" + png);
    assertThat(png).isRegularFile();
    System.err.println("screenshot: " + png);
    return png;
  }

  static String chromium(Path page, String... extra) throws IOException, InterruptedException {
    return chromium(page.toUri().toString(), extra);
  }

  /**
   * Runs Chromium headless on a URL, with every host name unresolvable (so only file: and 127.0.0.1
   * load); returns its stdout.
   */
  static String chromium(String url, String... extra) throws IOException, InterruptedException {
    // its own profile and output beside the report, or in a temporary folder of its own (also when
    // another test class calls this after JUnit deleted this class's static @TempDir)
    Path work =
        tmp != null && Files.isDirectory(tmp) ? tmp : Files.createTempDirectory("ftc-chromium");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"),
                "--virtual-time-budget=20000"));
    cmd.addAll(List.of(extra));
    cmd.add(url);
    Path stdout = Files.createTempFile(work, "chromium", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 180 s on " + url);
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  static final Pattern PLOT_DIV = Pattern.compile("<div id=\"(fig_[A-Za-z0-9_]+)\" class=\"plot");

  void checkPage(String name, int minFigures) throws Exception {
    requireChromium();
    checkDom(name, chromium(out.resolve(name), "--dump-dom"), minFigures);
  }

  /**
   * A page's DOM after loading: no JavaScript error, at least {@code minFigures} figures, each
   * drawn (plotly's SVG is there) with its legend clear of the x axis.
   */
  static void checkDom(String name, String dom, int minFigures) {
    assertThat(dom).as(name + " rendered").contains("</html>");
    Matcher err = Pattern.compile("data-js-errors=\"(\\d+)\"").matcher(dom);
    assertThat(err.find()).as(name + ": the load hook ran").isTrue();
    assertThat(err.group(1))
        .as(name + " JavaScript errors: " + between(dom, "id=\"js-errors\"", "</div>"))
        .isEqualTo("0");
    List<String> ids = new ArrayList<>();
    Matcher m = PLOT_DIV.matcher(dom);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).as(name + " figures").hasSizeGreaterThanOrEqualTo(minFigures);
    for (String id : ids) {
      String block = between(dom, "<div id=\"" + id + "\"", "<figcaption>");
      assertThat(block).as(name + ": figure " + id + " drew an SVG").contains("class=\"main-svg\"");
      legendBelowClearsTheXAxisTitle(name + ": figure " + id, block);
    }
  }

  static final Pattern SVG_HEIGHT =
      Pattern.compile("<svg class=\"main-svg\"[^>]*height=\"([\\d.]+)\"");
  static final Pattern LEGEND_TOP =
      Pattern.compile(
          "<g class=\"legend\"[^>]*transform=\"translate\\([-\\d.]+,\\s*([-\\d.]+)\\)\"");
  static final Pattern X_TITLE_BASELINE =
      Pattern.compile("<text class=\"xtitle\"[^>]*\\by=\"([-\\d.]+)\"");

  /**
   * A legend below the plot starts below the x axis's title: plotly moved a legend of many rows,
   * placed at a fraction of the plot area below it, up over the tick labels and the title.
   */
  static boolean legendBelowClearsTheXAxisTitle(String what, String block) {
    Matcher height = SVG_HEIGHT.matcher(block);
    Matcher legend = LEGEND_TOP.matcher(block);
    Matcher title = X_TITLE_BASELINE.matcher(block);
    if (!height.find() || !legend.find() || !title.find()) {
      return false; // no legend or no x-axis title
    }
    double top = Double.parseDouble(legend.group(1));
    if (top < Double.parseDouble(height.group(1)) / 2) {
      return false; // a legend above the plot (the comparison's one-row-per-point figures)
    }
    // the baseline plus the title's descenders
    assertThat(top)
        .as(what + ": legend top (px)")
        .isGreaterThan(Double.parseDouble(title.group(1)) + 5);
    return true;
  }

  /** A legend of two dozen long entries, one a row, stays below the x axis's title. */
  @Test
  void aLegendOfManyRowsStaysBelowTheXAxisTitle() throws Exception {
    requireChromium();
    double[] n = {10, 100, 1000};
    List<ObjectNode> traces = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      traces.add(
          Traces.lineMarkers(
              n,
              new double[] {i + 1, 10 * (i + 1), 100 * (i + 1)},
              "series "
                  + i
                  + ", a legend entry as long as a benchmark's [K=10000, fMode=RECOMPUTE]",
              Colors.palette(i),
              Line.Dash.SOLID));
    }
    FigureBlock block =
        FigureBlock.of(
            "fig_legend",
            "Many legend rows",
            Layouts.of("Many legend rows", "N", true, "time per op (µs)", true),
            traces,
            "24 series",
            List.of(),
            "",
            0);
    Path dir = tmp.resolve("legend");
    Files.createDirectories(dir.resolve("assets"));
    Files.write(dir.resolve("assets").resolve(PlotlyAsset.fileName()), PlotlyAsset.bytes());
    PageContext ctx = PageContext.filesOnly("assets/" + PlotlyAsset.fileName(), Map.of());
    Path page = dir.resolve("legend.html");
    Files.writeString(page, Page.document("legend", "", ctx.plotlyHref(), Page.figure(block, ctx)));
    String figure = between(chromium(page, "--dump-dom"), "<div id=\"fig_legend\"", "<figcaption>");
    assertThat(legendBelowClearsTheXAxisTitle("fig_legend", figure))
        .as("the legend lies below the plot, under the x-axis title")
        .isTrue();
  }

  static String between(String s, String from, String to) {
    int i = s.indexOf(from);
    if (i < 0) {
      return "";
    }
    int j = s.indexOf(to, i);
    return j < 0 ? s.substring(i) : s.substring(i, j);
  }

  @Test
  void indexDrawsItsFigureAndHasTheVerdictTable() throws Exception {
    checkPage("index.html", 1);
    String dom = chromium(out.resolve("index.html"), "--dump-dom");
    assertThat(between(dom, "id=\"verdict-table\"", "</table>"))
        .contains("<table class=\"verdicts\">")
        .contains("certified neurons, depth 2")
        .contains("certified neurons, depth 3");
  }

  @Test
  void capacityPageDrawsEveryFigure() throws Exception {
    checkPage("capacity.html", 6);
  }

  @Test
  void kernelsPageDrawsEveryFigure() throws Exception {
    checkPage("kernels.html", 6);
  }

  /** The comparison page: its six figures, the highlighted stamps and the label counts. */
  @Test
  void comparisonPageDrawsEveryFigure() throws Exception {
    checkPage(comparisonPage, 6);
    String dom = chromium(out.resolve(comparisonPage), "--dump-dom");
    // forward ×0.3: 6 of its 8 points significant with the fixture's two forks per run
    assertThat(between(dom, "id=\"label-counts\"", "</table>"))
        .contains("data-label=\"faster\">6<");
    assertThat(between(dom, "id=\"env-compare\"", "</table>"))
        .contains("<tr class=\"differs\"><td>cpu_model</td>");
    assertThat(chromium(out.resolve("index.html"), "--dump-dom"))
        .contains("id=\"latest-comparison\"")
        .contains(comparisonPage.substring(comparisonPage.indexOf('/') + 1));
  }

  @Test
  void screenshotOfTheComparisonForAHumanToLookAt() throws Exception {
    requireChromium();
    Path png = keepScreenshot(out.resolve(comparisonPage), "compare", 3000);
    assertThat(Files.size(png)).isGreaterThan(20_000);
  }

  /** The error hook must be able to fail: without assets/ plotly is undefined. */
  @Test
  void aPageWithoutItsPlotlyAssetCountsErrors() throws Exception {
    requireChromium();
    Path lonely = tmp.resolve("lonely");
    Files.createDirectories(lonely);
    Files.copy(out.resolve("index.html"), lonely.resolve("index.html"));
    String dom = chromium(lonely.resolve("index.html"), "--dump-dom");
    Matcher err = Pattern.compile("data-js-errors=\"(\\d+)\"").matcher(dom);
    assertThat(err.find()).isTrue();
    assertThat(Integer.parseInt(err.group(1))).isPositive();
    assertThat(dom).contains("plotly.js did not load").doesNotContain("class=\"main-svg\"");
  }

  @Test
  void screenshotOfTheIndexForAHumanToLookAt() throws Exception {
    requireChromium();
    Path png = keepScreenshot(out.resolve("index.html"), "index", 2600);
    assertThat(Files.size(png)).isGreaterThan(20_000);
  }

  /**
   * A results folder after trying things out ({@link ManyRuns}: a complete run, then a gemm-only
   * bench run, a sweep under another --machine and an unfinished sweep, all newer): index.html
   * leads with the complete run, says that newer runs exist and what they are, and lists every run
   * in the overview, grouped by machine. A screenshot is kept for a human to look at.
   */
  @Test
  void afterManyRunsTheIndexLeadsWithTheCompleteRunAndListsTheOthers() throws Exception {
    requireChromium();
    List<Path> runs = ManyRuns.write(tmp.resolve("many/results"));
    Path reports = tmp.resolve("many/reports");
    ReportWriter.write(runs, reports, FitSettings.defaults());
    String dom = chromium(reports.resolve("index.html"), "--dump-dom");
    Matcher err = Pattern.compile("data-js-errors=\"(\\d+)\"").matcher(dom);
    assertThat(err.find()).isTrue();
    assertThat(err.group(1)).as("JavaScript errors").isEqualTo("0");
    String body = dom.substring(dom.indexOf("<body"));

    // first what the reader came for: the complete run, its verdicts and headline figure
    assertThat(between(body, "<p class=\"sub\">", "</p>"))
        .contains(ManyRuns.COMPLETE.replace("/", " / "));
    assertThat(body).doesNotContain("id=\"notices\"");
    int front = body.indexOf("id=\"front-run\"");
    int verdicts = body.indexOf("id=\"verdict-table\"");
    int overview = body.indexOf("id=\"runs\"");
    assertThat(front).as("the front line comes first").isPositive().isLessThan(verdicts);
    assertThat(verdicts).isLessThan(body.indexOf("id=\"fig_headline\"")).isLessThan(overview);
    assertThat(between(body, "id=\"verdict-table\"", "</table>"))
        .contains("certified neurons, depth 2")
        .contains("certified neurons, depth 3");
    assertThat(between(body, "<div id=\"fig_headline\"", "<figcaption>"))
        .contains("class=\"main-svg\"");
    assertThat(between(body, "id=\"front-run\"", "</p>"))
        .contains("This page shows run <code>fixture-host-test-cpu / 20260101T000000Z</code>")
        .contains("the newest run with certified and trained widths")
        .contains("Newer runs exist but hold less")
        .contains("vm-amd-epyc / 20260102T000000Z</a> (bench only)")
        .contains("blas-system / 20260103T000000Z</a> (sweep only)")
        .contains("fixture-host-test-cpu / 20260104T000000Z</a> (unfinished)");

    // then every run, grouped by machine, the bench-only run without notices
    String table = between(body, "id=\"run-history\"", "</div>");
    assertThat(table)
        .contains("<h3 class=\"machine\">blas-system — 1 run</h3>")
        .contains("<h3 class=\"machine\">fixture-host-test-cpu — 2 runs</h3>")
        .contains("<h3 class=\"machine\">vm-amd-epyc — 1 run</h3>")
        .contains("<tr class=\"front\" data-run=\"20260101T000000Z\" data-status=\"complete\">");
    String gemm = between(table, "data-run=\"20260102T000000Z\"", "</tr>");
    assertThat(gemm)
        .contains("data-status=\"bench only\"")
        .contains("3 points: Gemm.dgemm, Gemm.callOverhead")
        .contains("<td>none</td>");
    assertThat(between(table, "data-run=\"20260104T000000Z\"", "</tr>"))
        .contains("data-status=\"unfinished\"")
        .contains("the sweep has not finished");
    assertThat(between(table, "data-run=\"20260103T000000Z\"", "</tr>"))
        .contains("data-status=\"sweep only\"")
        .contains("7 N: 10 … 10000");
    // each run's own page exists where the overview links it
    Matcher link = Pattern.compile("href=\"(runs/[^\"]+/index.html)\"").matcher(table);
    int pages = 0;
    while (link.find()) {
      assertThat(reports.resolve(link.group(1))).isRegularFile();
      pages++;
    }
    assertThat(pages).as("links to the other runs' pages").isGreaterThanOrEqualTo(3);

    keepScreenshot(reports.resolve("index.html"), "index-many-runs", 2600);
  }
}
