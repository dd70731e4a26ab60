package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.ftcbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {
  @TempDir Path dir;

  SeriesFit find(Analysis a, Kind kind, int depth, String criterion, String regime) {
    return a.of(kind).stream()
        .filter(
            f ->
                f.series().depth() == depth
                    && f.series().criterion().equals(criterion)
                    && f.series().regime().equals(regime))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + depth + " " + criterion + " " + regime));
  }

  @Test
  void theFixtureGivesTheSlopesItWasMadeWith() {
    Analysis a =
        Analysis.of(RunLoader.load(FixtureRun.write(dir.resolve("m/r"))), FitSettings.defaults());
    assertThat(a.run().notices()).isEmpty();
    SeriesFit c2 = find(a, Kind.CERTIFIED, 2, "", "K = 2N");
    assertThat(c2.verdict().kind()).isEqualTo(Verdict.Kind.LINEAR);
    SeriesFit c3 = find(a, Kind.CERTIFIED, 3, "", "K = 2N");
    assertThat(c3.upperVerdict().kind()).isEqualTo(Verdict.Kind.SQUARE_ROOT);
    assertThat(c3.basis()).isEqualTo("certify.csv, 7 N (10–10000), 14 samples");
    SeriesFit fig9 = find(a, Kind.TRAINED, 3, "paper", "K = 1000");
    assertThat(fig9.fit().nonPositive()).isEqualTo(2); // g = 0 passes at N = 10, 50
    assertThat(find(a, Kind.TRAINED, 2, "relative:0.01", "K = 2N").fit().missing()).isEqualTo(1);
    assertThat(a.of(Kind.KERNEL)).hasSize(8);
  }

  @Test
  void theCertifiedThreeLayerWidthIsTheMinimumOverConstructions() {
    FixtureRun.write(dir);
    Analysis a = Analysis.of(RunLoader.load(dir), FitSettings.defaults());
    SeriesFit c3 = find(a, Kind.CERTIFIED, 3, "", "K = 2N");
    // at N = 10, K = 20: U1 = 4⌈√20⌉ = 20, U2 = 2·5 + 30 = 40, U3 ≥ 6·5 = 30·0.9…, appendix-A = 44
    double[] atTen = c3.series().samples().get(10.0);
    assertThat(java.util.Arrays.stream(atTen).max().orElseThrow()).isLessThanOrEqualTo(20);
  }

  /** Appendix A is shown for comparison: even with fewer neurons it is not the certified width. */
  @Test
  void appendixAIsNotACertifiedWidth() throws Exception {
    FixtureRun.write(dir);
    java.nio.file.Path certify = dir.resolve(org.ftcbench.results.RunFolder.CERTIFY);
    Files.writeString(
        certify,
        "3," + Columns.COMPARISON_ONLY + ",10,20,10,1,1,100,20,5,0.5,1,1\n",
        java.nio.file.StandardOpenOption.APPEND);
    Analysis a = Analysis.of(RunLoader.load(dir), FitSettings.defaults());
    double[] atTen = find(a, Kind.CERTIFIED, 3, "", "K = 2N").series().samples().get(10.0);
    assertThat(java.util.Arrays.stream(atTen).min().orElseThrow()).isGreaterThan(1);
  }

  @Test
  void regimesSeparateSweeps() {
    List<int[]> nk =
        List.of(
            new int[] {10, 20},
            new int[] {100, 200},
            new int[] {1000, 2000}, // K = 2N
            new int[] {10, 1000},
            new int[] {50, 1000},
            new int[] {90, 1000}, // K = 1000
            new int[] {100, 10000}); // K-independence leftover
    assertThat(Regime.find(nk)).extracting(Regime::label).containsExactly("K = 2N", "K = 1000");
    assertThat(Regime.find(List.of(new int[] {10, 20}, new int[] {20, 1000})))
        .containsExactly(Regime.MIXED);
  }

  @Test
  void aRunWithMissingFilesSaysSo() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("certify.csv"), String.join(",", ResultFiles.CERTIFY.header()) + "\n");
    RunData run = RunLoader.load(dir);
    assertThat(run.notices())
        .extracting(Notice::oneLine)
        .contains(
            "env.json: missing: the environment table is empty",
            "cells.csv: missing: no Fig. 9 loss heatmap",
            "jmh.json: missing: no kernel timings");
    assertThat(Analysis.of(run, FitSettings.defaults()).fits()).isEmpty();
  }
}
