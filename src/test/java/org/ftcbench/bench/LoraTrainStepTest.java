package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.nn.LoraWeights;
import org.ftcbench.results.Csv;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LoRA training-step benchmark: called directly, counted, and in a tiny real JMH run. */
class LoraTrainStepTest {
  @ParameterizedTest
  @ValueSource(strings = {"float64", "float32"})
  void aStepLowersTheLossAndAllocatesNothing(String precision) {
    LoraTrainStep b = new LoraTrainStep();
    b.N = 3;
    b.K = 40;
    b.rank = 2;
    b.precision = precision;
    b.setUp();
    double first = b.step();
    double later = first;
    for (int i = 0; i < 50; i++) {
      later = b.step();
    }
    assertThat(first).isFinite().isPositive();
    assertThat(later).isLessThan(first);
    BenchmarkMethodsTest.assertAllocatesNothing(() -> BenchmarkMethodsTest.sink = b.step());
  }

  @Test
  void flopsGrowByTheSameAmountPerRank() {
    int[] f = LoraTrainStep.SPEC.fWidths(LoraTrainStep.DEPTH, AdapterTask.D); // 10-64-64-1
    long r1 = Flops.loraTrainStep(f, 1, 1, false, 100);
    long r2 = Flops.loraTrainStep(f, 1, 2, false, 100);
    long r3 = Flops.loraTrainStep(f, 1, 3, false, 100);
    assertThat(r3 - r2).isEqualTo(r2 - r1);
    // per rank and sample, written out: forward 2(10+64) + 2(64+64); backward ∂B, V (2·2·64 each
    // layer), ∂A (2·10, 2·64), G_1's V_2 A_2 (2·64)
    long perRank = 2 * (10 + 64) + 2 * (64 + 64) + 4 * 64 + 4 * 64 + 2 * 10 + 2 * 64 + 2 * 64;
    assertThat(r2 - r1).isEqualTo(100 * perRank);
    // r = 0 would be f's forward plus G_1 = G_2 W_2, the backward through f's frozen layer
    assertThat(Flops.loraTrainStep(f, 1, 0, false, 100))
        .isEqualTo(Flops.forward(f, 100) + 2 * 100 * 64 * 64);
    assertThat(LoraTrainStep.SPEC.layers()).isEqualTo(LoraWeights.Layers.ALL_HIDDEN);
  }

  @Test
  void aTinyJmhRunWritesItsPointsWithTheirFlops(@TempDir Path run, @TempDir Path tmp)
      throws Exception {
    BenchRunnerTest.allowConcurrentJmh();
    BenchSettings s = new TinySettings(List.of(BenchmarkName.LORA_TRAIN_STEP)).build();
    List<String> progress = new ArrayList<>();
    new BenchRunner(s, run, tmp, progress::add).run();
    JsonNode jmh = new ObjectMapper().readTree(run.resolve(RunFolder.JMH).toFile());
    assertThat(jmh).hasSize(1); // N = 3, rank 2, float64
    assertThat(jmh.get(0).get("benchmark").asText())
        .isEqualTo("org.ftcbench.bench.LoraTrainStep.step");
    assertThat(jmh.get(0).get("params").get("rank").asText()).isEqualTo("2");
    assertThat(jmh.get(0).at("/primaryMetric/score").asDouble()).isPositive();
    List<String> flops = Csv.parse(Files.readAllLines(run.resolve(RunFolder.FLOPS)).get(1));
    assertThat(flops.get(1)).isEqualTo("K=40;N=3;precision=float64;rank=2");
    assertThat(Long.parseLong(flops.get(8)))
        .isEqualTo(
            Flops.loraTrainStep(
                LoraTrainStep.SPEC.fWidths(LoraTrainStep.DEPTH, AdapterTask.D), 1, 2, false, 40));
  }
}
