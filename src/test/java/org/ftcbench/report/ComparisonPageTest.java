package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.FixtureRun;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.compare.Calibration;
import org.ftcbench.compare.Comparison;
import org.ftcbench.compare.Label;
import org.ftcbench.compare.Pairing;
import org.ftcbench.compare.PointComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison page of two runs: a self-comparison (every point same, nothing highlighted) and
 * two runs with known differences ({@link ComparisonFixture}), written to files whose links must
 * all resolve offline.
 */
class ComparisonPageTest {
  @TempDir static Path tmp;

  static Path a;
  static Path b;
  static Analysis analysisA;
  static Analysis analysisB;

  @BeforeAll
  static void runs() {
    Path[] runs = ComparisonFixture.write(tmp.resolve("results"));
    a = runs[0];
    b = runs[1];
    analysisA = Analysis.of(RunLoader.load(a), FitSettings.defaults());
    analysisB = Analysis.of(RunLoader.load(b), FitSettings.defaults());
  }

  static final Pattern HREF = Pattern.compile("(?:href|src)=\"([^\"#]+)\"");

  static void assertOfflineAndLinksResolve(Path page) throws Exception {
    String html = Files.readString(page);
    assertThat(html).doesNotContain("https://").doesNotContain("http://");
    Matcher m = HREF.matcher(html);
    int links = 0;
    while (m.find()) {
      String href = m.group(1);
      assertThat(page.getParent().resolve(java.net.URLDecoder.decode(href, "UTF-8")).normalize())
          .as(page.getFileName() + " → " + href)
          .exists();
      links++;
    }
    assertThat(links).as("links on " + page.getFileName()).isGreaterThan(5);
  }

  /** The label count cell of the summary table. */
  static long count(String html, Label l) {
    Matcher m = Pattern.compile("data-label=\"" + l.word() + "\">(\\d+)<").matcher(html);
    assertThat(m.find()).as("count cell of " + l).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aSelfComparisonIsAllSameWithNothingHighlighted() throws Exception {
    Comparison c = Comparison.of(a, a, Comparison.DEFAULT_NOISE_FLOOR);
    Path out = tmp.resolve("self-reports");
    ComparisonWriter.Written w = ComparisonWriter.write(c, analysisA, analysisA, out);
    assertThat(w.page().getFileName().toString())
        .isEqualTo(
            "fixture-host-test-cpu_20261126T235748Z__vs__fixture-host-test-cpu_20261126T235748Z.html");
    String html = Files.readString(w.page());
    assertThat(count(html, Label.SAME)).isEqualTo(36);
    assertThat(count(html, Label.SLOWER) + count(html, Label.FASTER)).isZero();
    assertThat(html)
        .contains("B and A are the same at every point")
        .contains("No mismatches")
        .contains("The stamps agree on every field")
        .doesNotContain("class=\"differs\"");
    for (String id :
        List.of(
            "fig_ratio",
            "fig_scaling_PlainJavaForward_jblas",
            "fig_scaling_PlainJavaForward_plainJava",
            "fig_scaling_TrainStep_step",
            "fig_trained_ab",
            "fig_slopes")) {
      assertThat(html).as(id).contains("<div id=\"" + id + "\" class=\"plot\">");
    }
    assertThat(html).doesNotContain("class=\"absent\"");
    assertOfflineAndLinksResolve(w.page());
  }

  @Test
  void realDifferencesAreLabelledCountedAndHighlighted() throws Exception {
    Comparison c = Comparison.of(a, b, Comparison.DEFAULT_NOISE_FLOOR);
    Path out = tmp.resolve("ab-reports");
    ComparisonWriter.Written w = ComparisonWriter.write(c, analysisA, analysisB, out);
    String html = Files.readString(w.page());
    // the counts on the page are the comparison's, and the known differences show
    for (Label l : Label.values()) {
      assertThat(count(html, l)).as(l.word()).isEqualTo(c.counts().get(l));
    }
    // jblas ×0.3 at its 8 points: faster, or inconclusive where the fixture's two forks disagree
    // (about 2 degrees of freedom), never same or slower
    List<PointComparison> forward =
        c.points().stream()
            .filter(p -> p.point().benchmark().equals(ComparisonFixture.JBLAS))
            .toList();
    assertThat(forward).hasSize(8);
    assertThat(forward).allMatch(p -> p.label() == Label.FASTER || p.label() == Label.INCONCLUSIVE);
    long faster = forward.stream().filter(p -> p.label() == Label.FASTER).count();
    assertThat(faster).isGreaterThanOrEqualTo(6);
    assertThat(count(html, Label.FASTER)).isEqualTo(faster);
    assertThat(count(html, Label.SLOWER)).isGreaterThanOrEqualTo(12); // trainStep ×3
    assertThat(html)
        .contains("B is significantly slower at")
        .contains("and faster at " + faster + " points");
    // the methods: fork-level statistics, separate runs, the default floor (no calibration here)
    assertThat(html)
        .contains("<li><strong>statistics</strong>: fork-level")
        .contains("<li><strong>pairing</strong>: separate runs")
        .contains("<li><strong>noise floor</strong>: ±5% at every point")
        .contains("id=\"detectable\"")
        .contains("<td>TrainStep.step avgt</td>");
    // environment: exactly the changed fields are highlighted, start time never
    for (String field : List.of("machine", "cpu_model", "jvm_version", "git_commit", "host")) {
      assertThat(html).contains("<tr class=\"differs\"><td>" + field + "</td>");
    }
    assertThat(html)
        .contains(ComparisonFixture.CPU_B)
        .contains("<tr><td>cores</td>")
        .contains("<tr><td>start</td>");
    // mismatches are visible, not dropped
    assertThat(html)
        .contains("id=\"comparison-notes\"")
        .contains("1 point(s) only in A and 0 only in B")
        .contains("id=\"only-a\"")
        .contains("Gemm.dgemm [size=512] avgt");
    // every point in the table, with both means and its label
    assertThat(
            Pattern.compile("<td class=\"l-(faster|slower|same|inconclusive)\">")
                .matcher(html)
                .results()
                .count())
        .isEqualTo(35);
    assertThat(html).contains("36.86 us/op").contains("11.06 us/op");
    // capacity: the changed depth-2 relative:0.01 rows differ; slopes: only plainJava depth 2
    assertThat(html).contains("7 of 57 rows differ");
    assertThat(html)
        .contains("<tr class=\"differs\"><td>PlainJavaForward.plainJava [depth=2, rows=256]</td>");
    assertThat(
            Pattern.compile("<tr class=\"differs\"><td>[^<]*(neurons|width|TrainStep)")
                .matcher(html)
                .find())
        .isFalse();
    assertOfflineAndLinksResolve(w.page());

    ComparisonWriter.Latest latest = ComparisonWriter.latest(out).orElseThrow();
    assertThat(latest.page()).isEqualTo(w.page());
    assertThat(latest.runA()).isEqualTo(a.toAbsolutePath().normalize());
    assertThat(latest.runB()).isEqualTo(b.toAbsolutePath().normalize());
  }

  @Test
  void calibratedFloorsAreShownPerPointAndInTheMethods() throws Exception {
    // two A/A pairs in which every trainStep point drifted by ±250%: floors far above ×3
    Comparison plain = Comparison.of(a, b, Comparison.DEFAULT_NOISE_FLOOR);
    java.util.Map<String, Double> drift = new java.util.LinkedHashMap<>();
    plain.points().stream()
        .filter(p -> p.point().benchmark().equals(ComparisonFixture.TRAIN_STEP))
        .forEach(p -> drift.put(p.point().label(), Math.log(3.5)));
    Calibration cal =
        new Calibration(
            tmp.resolve("calibration.json"),
            List.of(
                new Calibration.Pair("r1", "r2", Pairing.SEPARATE, "quick", "", drift),
                new Calibration.Pair("r3", "r4", Pairing.SEPARATE, "quick", "", drift)));
    Comparison c = Comparison.of(a, b, Comparison.DEFAULT_NOISE_FLOOR, List.of(cal));
    assertThat(c.points().stream().filter(p -> p.floorPairs() == 2))
        .hasSize(drift.size())
        .allMatch(p -> p.label() == Label.SAME);
    String html = ComparisonPage.render(c, analysisA, analysisB, ctx());
    assertThat(html)
        .contains("<li><strong>noise floor</strong>: the larger of ±5% and the A/A calibration")
        .contains("(A/A, 2 pairs)")
        .contains("calibrated floor");
  }

  private static ComparisonContext ctx() {
    return new ComparisonContext("plotly.js", null, java.util.Map.of(), java.util.Map.of());
  }

  @Test
  void theIndexGroupsRunsByMachineAndLinksTheLatestComparison() throws Exception {
    Path out = tmp.resolve("index-reports");
    Path olderA = FixtureRun.write(tmp.resolve("results/fixture-host/20261001T000000Z"));
    ReportWriter.write(List.of(a, b, olderA), out, FitSettings.defaults());
    String before = Files.readString(out.resolve("index.html"));
    assertThat(before).contains("No comparison yet").doesNotContain("Latest comparison");

    Comparison c = Comparison.of(a, b, Comparison.DEFAULT_NOISE_FLOOR);
    ComparisonWriter.Written w = ComparisonWriter.write(c, analysisA, analysisB, out);
    assertThat(Files.readString(w.page())).contains("href=\"../index.html\"");
    ReportWriter.write(List.of(a, b, olderA), out, FitSettings.defaults());
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index)
        .contains("<h3 class=\"machine\">fixture-host-test-cpu — 2 runs</h3>")
        .contains("<h3 class=\"machine\">other-host — 1 run</h3>")
        .contains("id=\"latest-comparison\"")
        .contains("href=\"compare/" + w.page().getFileName() + "\"");
    // newest first within a machine
    assertThat(index.indexOf(">20261126T235748Z</a>"))
        .isLessThan(index.indexOf(">20261001T000000Z</a>"));
    String older =
        Files.readString(out.resolve("runs/fixture-host-test-cpu/20261001T000000Z/index.html"));
    assertThat(older).contains("href=\"../../../compare/" + w.page().getFileName() + "\"");
    assertOfflineAndLinksResolve(out.resolve("index.html"));
    assertOfflineAndLinksResolve(
        out.resolve("runs/fixture-host-test-cpu/20261001T000000Z/index.html"));
  }

  @Test
  void aBrokenOrDanglingLatestRecordIsNoComparison() throws Exception {
    Path out = tmp.resolve("broken");
    Files.createDirectories(out.resolve("compare"));
    assertThat(ComparisonWriter.latest(out)).isEmpty();
    Files.writeString(out.resolve("compare/latest.json"), "{not json");
    assertThat(ComparisonWriter.latest(out)).isEmpty();
    Files.writeString(
        out.resolve("compare/latest.json"),
        "{\"format\":\"ftc-comparison/1\",\"page\":\"gone.html\"}");
    assertThat(ComparisonWriter.latest(out)).isEmpty();
    Files.writeString(
        out.resolve("compare/latest.json"),
        "{\"format\":\"ftc-comparison/1\",\"page\":\"../../outside.html\"}");
    Files.writeString(tmp.resolve("outside.html"), "x");
    assertThat(ComparisonWriter.latest(out)).isEmpty();
  }
}
