package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ftcbench.analysis.ScalingSeries.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LoRA analysis on {@link LoraFixture}: slopes, P*, censoring, K and depth lines. */
class LoraCapacityTest {
  /** The additive count of the sweep (capacity.AdapterShape), written out for this test. */
  static final LoraCapacity.AdditiveParameters ADDITIVE =
      (depth, d, m) ->
          depth == 2
              ? (long) m * (d + 2) + 1
              : (long) (m / 2) * (d + 1) + (long) (m - m / 2) * (m / 2 + 1) + (m - m / 2) + 1;

  @TempDir static Path tmp;
  static LoraCapacity lora;

  @BeforeAll
  static void analyse() {
    lora =
        LoraCapacity.of(
            RunLoader.load(LoraFixture.write(tmp.resolve("run"))),
            FitSettings.defaults(),
            ADDITIVE);
  }

  @Test
  void rankSeriesPerVariantAndCriterionRecoverTheFixturesSlope() {
    assertThat(lora.ranks()).hasSize(4);
    for (SeriesFit f : lora.ranks()) {
      assertThat(f.series().kind()).isEqualTo(Kind.LORA_RANK);
      assertThat(f.fit().points()).isEqualTo(7);
      // the slope's interval holds the fixture's 0.7 (the censored largest N pulls the fit down a
      // little: the seeds left there are the smaller ones)
      assertThat(f.fit().bLow()).as(f.series().title()).isLessThan(LoraFixture.SLOPE);
      assertThat(f.fit().bHigh()).as(f.series().title()).isGreaterThan(LoraFixture.SLOPE - 0.1);
    }
  }

  @Test
  void parametersAreRankTimesTheAdaptedLayersWidths() {
    SeriesFit rank = lora.ranks().get(0);
    SeriesFit params = lora.parameters().get(0);
    assertThat(params.series().kind()).isEqualTo(Kind.LORA_PARAMS);
    assertThat(rank.series().title()).contains("all/frozen");
    // all/frozen on (10, 64, 64, 1): r (10 + 64) + r (64 + 64) = 202 r
    double[] r = rank.series().samples().get(100.0);
    double[] p = params.series().samples().get(100.0);
    for (int i = 0; i < r.length; i++) {
      assertThat(p[i]).isEqualTo(202 * r[i]);
    }
  }

  @Test
  void searchesThatReachedDAreCensoredNotValues() {
    // 0.5·1000^0.7 ≈ 63: about half the seeds at N = 1000 pass D = 64, none below
    assertThat(lora.censored())
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.width()).isEqualTo(64);
              assertThat(c.n()).isEqualTo(1000);
              assertThat(c.series()).startsWith("LoRA rank r*");
            });
    assertThat(lora.censored().get(0).parametersAtWidth()).isIn(202L * 64, 128L * 64 + 64);
    for (SeriesFit f : lora.ranks()) {
      long missing =
          f.series().samples().values().stream()
              .flatMapToDouble(java.util.Arrays::stream)
              .filter(Double::isNaN)
              .count();
      assertThat(f.fit().missing()).isEqualTo((int) missing);
    }
  }

  @Test
  void kAndDepthLinesHoldTheRestFixed() {
    assertThat(lora.kLines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.name()).isEqualTo("all/frozen, L = 3, relative:0.01, N = 100");
              assertThat(l.byX().keySet()).containsExactly(200.0, 1000.0, 10000.0);
            });
    assertThat(lora.depthLines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.name()).isEqualTo("all/frozen, relative:0.01, N = 100, K = 200");
              assertThat(l.byX().keySet()).containsExactly(2.0, 3.0, 4.0);
              // the fixture's r* falls with L
              assertThat(l.spread().centre()[0]).isGreaterThan(l.spread().centre()[2]);
            });
  }

  @Test
  void additiveParametersComeFromTheSameTasksOnly() {
    // the fixture's additive rows: depths 2 and 3 × 3 criteria at K = 2N; LoRA has 2 criteria
    assertThat(lora.additive()).hasSize(4);
    assertThat(lora.additive())
        .allSatisfy(f -> assertThat(f.series().criterion()).isIn("paper", "relative:0.01"));
  }

  @Test
  void aRunWithoutLoraRowsHasNothingToShow(@TempDir Path other) {
    LoraCapacity none =
        LoraCapacity.of(
            RunLoader.load(FixtureRun.write(other.resolve("run"))),
            FitSettings.defaults(),
            ADDITIVE);
    assertThat(none.isEmpty()).isTrue();
  }
}
