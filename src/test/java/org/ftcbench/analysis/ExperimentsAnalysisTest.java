package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two experiments' analyses on {@link ExperimentFixture}'s hand-checkable rows. */
class ExperimentsAnalysisTest {
  @TempDir Path tmp;

  RunData fixture() {
    return RunLoader.load(ExperimentFixture.append(tmp.resolve("run")));
  }

  @Test
  void theFractionExperimentIsTheKWithATaskAtNEqualsK() {
    List<FractionExperiment> all = FractionExperiment.of(fixture(), FitSettings.defaults());
    assertThat(all).extracting(FractionExperiment::k).containsExactly(ExperimentFixture.FRACTION_K);
    FractionExperiment e = all.get(0);

    // trained: one curve per depth and criterion, x = N/K, the geometric mean over seeds
    assertThat(e.trained())
        .extracting(Curve::name)
        .containsExactly("trained, depth 2, paper", "trained, depth 3, paper");
    Curve two = e.trained().get(0);
    assertThat(two.spread().n()).containsExactly(0.1, 0.3, 1.0);
    assertThat(two.byX().get(0.1)).containsExactlyInAnyOrder(19.0, 21.0);
    assertThat(two.spread().centre()[0]).isCloseTo(Math.sqrt(19 * 21), within(1e-9));
    assertThat(two.spread().low()[2]).isEqualTo(199);
    assertThat(two.spread().high()[2]).isEqualTo(201);

    // certified: the fewest neurons per depth (U1's 38 for depth 3), 3N + 1 capped at K − 1
    assertThat(e.certified())
        .extracting(Curve::name)
        .containsExactly("certified, depth 2", "certified, depth 3");
    assertThat(e.certified().get(0).spread().centre()).containsExactly(31, 91, 99);
    assertThat(e.certified().get(1).spread().centre()).containsExactly(38, 38, 38);

    // the memorization bounds at N = K: K − 2 … K − 1 and √(2(K − 2) + 1/4) − 1/2 … 4√K
    assertThat(e.memorization().get(0).low()).isEqualTo(98);
    assertThat(e.memorization().get(0).high()).isEqualTo(99);
    assertThat(e.memorization().get(1).low()).isCloseTo(Math.sqrt(196.25) - 0.5, within(1e-12));
    assertThat(e.memorization().get(1).high()).isEqualTo(40);

    // the constructions at N = K beside their formulas, per seed
    assertThat(e.checks()).hasSize(4);
    assertThat(e.checks())
        .filteredOn(c -> c.depth() == 2)
        .allSatisfy(
            c -> {
              assertThat(c.neurons()).isEqualTo(99);
              assertThat(c.equalsFormula()).isTrue();
            });
    assertThat(e.checks())
        .filteredOn(c -> c.depth() == 3)
        .allSatisfy(c -> assertThat(c.equalsFormula()).isFalse());

    // slopes against N: depth 3 trained is about 4√N: b ≈ 0.5, and a square-root verdict
    SeriesFit three =
        e.fits().stream()
            .filter(f -> f.series().title().equals("trained, depth 3, paper, K = 100"))
            .findFirst()
            .orElseThrow();
    assertThat(three.fit().b()).isCloseTo(0.498, within(1e-3));
    assertThat(three.verdict().kind()).isEqualTo(Verdict.Kind.SQUARE_ROOT);
    assertThat(three.series().source()).isEqualTo("capacity.csv");
  }

  @Test
  void theStructureExperimentShowsWeightsAgainstSigmaAndEveryFamilyAgainstD() {
    StructureExperiment e = StructureExperiment.of(fixture(), FitSettings.defaults()).orElseThrow();
    // Gaussian first, each family with its one-line description
    assertThat(e.families())
        .extracting(StructureExperiment.Family::spec)
        .containsExactly(
            "gaussian",
            "clusters:centres=4,sigma=0.1",
            "clusters:centres=4,sigma=0.01",
            "clusters:centres=4,sigma=1e-3");
    assertThat(e.families().get(1).description()).contains("4 centres").contains("σ = 0.1");

    // against σ: one line per depth and d; largest |weight| = 5/σ, so a slope of exactly −1
    assertThat(e.bySigma().weight())
        .extracting(Curve::name)
        .containsExactly("depth 2, d = 2, 4 centres", "depth 2, d = 10, 4 centres");
    assertThat(e.bySigma().weight().get(0).spread().n()).containsExactly(0.001, 0.01, 0.1);
    assertThat(e.bySigma().weight().get(0).spread().centre()[0]).isCloseTo(5000, within(1e-6));
    assertThat(e.weightSlopes()).hasSize(2);
    assertThat(e.weightSlopes().get(0).fit().b()).isCloseTo(-1, within(1e-9));
    assertThat(e.bySigma().neurons().get(0).spread().centre()).containsExactly(31, 31, 31);
    assertThat(e.bySigma().trained().get(0).spread().centre())
        .containsExactly(new double[] {19, 16, 13}, within(1e-9));

    // against d: every family (Gaussian included) per depth
    assertThat(e.byD().weight()).hasSize(4);
    assertThat(e.byD().weight().get(0).name()).isEqualTo("gaussian, depth 2");
    assertThat(e.byD().weight().get(0).spread().n()).containsExactly(2, 10);
    assertThat(e.byD().residual())
        .allSatisfy(c -> assertThat(c.spread().centre()).containsOnly(1e-16));
    assertThat(e.byD().trained()).extracting(Curve::group).contains("gaussian");
  }

  /**
   * The data-shape experiment's Gaussian rows (its reference, in every d) are not part of the
   * paper's sweeps: the paper's analyses do not see them; its non-Gaussian rows never were.
   */
  @Test
  void thePaperSettingLeavesOutTheDataShapeExperiment() {
    FixtureRun.write(tmp.resolve("both"));
    RunData whole = RunLoader.load(ExperimentFixture.append(tmp.resolve("both")));
    assertThat(whole.dataShapePoints()).containsExactly(List.of(10, 50));
    RunData p = whole.paperSetting();
    int all = whole.capacity().orElseThrow().rowCount();
    // 2 d × (Gaussian + 3 clusters) rows at (N, K) = (10, 50) are left out, nothing else
    assertThat(p.capacity().orElseThrow().rowCount()).isEqualTo(all - 8);
    assertThat(p.certify().orElseThrow().rowCount())
        .isEqualTo(whole.certify().orElseThrow().rowCount() - 8);
    assertThat(p.capacity().orElseThrow().intColumn(Columns.K).asList()).doesNotContain(50);
  }

  @Test
  void aRunWithoutTheExperimentsHasNeither() {
    RunData paperOnly = RunLoader.load(FixtureRun.write(tmp.resolve("paper")));
    assertThat(FractionExperiment.of(paperOnly, FitSettings.defaults())).isEmpty();
    assertThat(StructureExperiment.of(paperOnly, FitSettings.defaults()))
        .isEqualTo(Optional.empty());
  }
}
