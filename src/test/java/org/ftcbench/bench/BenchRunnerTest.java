package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.results.Csv;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JMH runs with real forks and the shortest settings: what a bench run leaves in its folder,
 * and what a failing benchmark leaves.
 */
class BenchRunnerTest {
  @BeforeAll
  static void allowConcurrentJmh() {
    // JMH refuses to start while another JMH run holds /tmp/jmh.lock; a test measures nothing.
    System.setProperty("jmh.ignoreLock", "true");
  }

  static BenchSettings tiny(List<BenchmarkName> benchmarks) {
    return new TinySettings(benchmarks).gcProfiler(true).build();
  }

  @Test
  void aRunWritesJmhJsonFlopsAndLogAndCleansItsScratch(@TempDir Path run, @TempDir Path tmp)
      throws Exception {
    BenchSettings s = tiny(List.of(BenchmarkName.TRAIN_STEP, BenchmarkName.GEMM));
    List<String> progress = new ArrayList<>();
    new BenchRunner(s, run, tmp, progress::add).run();

    JsonNode jmh = new ObjectMapper().readTree(run.resolve(RunFolder.JMH).toFile());
    List<BenchPoint> points = BenchPlan.points(s);
    assertThat(jmh.isArray()).isTrue();
    assertThat(jmh).hasSize(points.size()); // step, dgemm, callOverhead
    for (int i = 0; i < points.size(); i++) {
      JsonNode r = jmh.get(i);
      assertThat(r.get("benchmark").asText()).isEqualTo(points.get(i).jmhName());
      assertThat(Double.isFinite(r.at("/primaryMetric/score").asDouble())).isTrue();
      assertThat(r.at("/primaryMetric/score").asDouble()).isPositive();
      assertThat(r.at("/secondaryMetrics/gc.alloc.rate.norm").isMissingNode()).isFalse();
      assertThat(r.get("jvmArgs").toString()).contains("-Djava.io.tmpdir=" + tmp);
    }
    assertThat(jmh.get(0).get("params").get("fMode").asText()).isEqualTo("CACHED");

    List<String> flops = Files.readAllLines(run.resolve(RunFolder.FLOPS));
    assertThat(Csv.parse(flops.get(0))).isEqualTo(ResultFiles.FLOPS.header());
    assertThat(flops).hasSize(points.size() + 1);
    List<String> step = Csv.parse(flops.get(1));
    assertThat(step.get(0)).isEqualTo("org.ftcbench.bench.TrainStep.step");
    assertThat(step.get(1)).isEqualTo("K=40;N=3;depth=2;fMode=CACHED;precision=float64");
    assertThat(step.get(5)).isEqualTo("10-10-1");
    assertThat(Long.parseLong(step.get(8)))
        .isEqualTo(Flops.lossAndGradient(new int[] {10, 10, 1}, 40));

    assertThat(Files.readString(run.resolve(BenchRunner.LOG))).contains("Result \"");
    assertThat(progress).anyMatch(l -> l.startsWith("bench [3/3] Gemm.callOverhead"));
    try (var left = Files.list(tmp)) {
      assertThat(left).isEmpty(); // the scratch folder, with the forks' jblas folders, is gone
    }
  }

  @Test
  void aFailingBenchmarkStopsTheRunAndKeepsEarlierPoints(@TempDir Path run, @TempDir Path tmp)
      throws Exception {
    BenchSettings s = tiny(List.of(BenchmarkName.GEMM));
    BenchPoint good =
        new BenchPoint(BenchmarkName.GEMM, "dgemm", Map.of("size", "4"), new int[0], 128);
    BenchPoint bad =
        new BenchPoint(
            BenchmarkName.TRAIN_STEP,
            "step",
            Map.of("depth", "2", "N", "3", "K", "40", "fMode", "BOGUS"),
            new int[] {10, 10, 1},
            1);
    BenchRunner runner = new BenchRunner(s, run, tmp, l -> {});

    assertThatThrownBy(() -> runner.run(List.of(good, bad)))
        .isInstanceOf(BenchFailedException.class)
        .hasMessageContaining("benchmark TrainStep.step K=40 N=3 depth=2 fMode=BOGUS failed")
        .hasMessageContaining(BenchRunner.LOG)
        .hasMessageContaining("No enum constant org.ftcbench.nn.FrozenPlusAdapter.FMode.BOGUS")
        .hasMessageContaining("the 1 point measured before it is in " + run.resolve(RunFolder.JMH));

    JsonNode jmh = new ObjectMapper().readTree(run.resolve(RunFolder.JMH).toFile());
    assertThat(jmh).hasSize(1);
    assertThat(jmh.get(0).get("benchmark").asText()).isEqualTo("org.ftcbench.bench.Gemm.dgemm");
    assertThat(Files.readAllLines(run.resolve(RunFolder.FLOPS))).hasSize(3);
    try (var left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void staleScratchFoldersOfDeadProcessesAreDeleted(@TempDir Path tmp) throws Exception {
    Path stale = tmp.resolve(ForkTempDir.PREFIX + Long.MAX_VALUE);
    Files.createDirectories(stale.resolve("forks/jblas123"));
    Files.writeString(stale.resolve("forks/jblas123/libjblas.so"), "x");
    Path alive = tmp.resolve(ForkTempDir.PREFIX + ProcessHandle.current().pid());
    Path other = tmp.resolve("jblas999"); // not ours: never touched
    Files.createDirectories(other);
    try (ForkTempDir scratch = ForkTempDir.create(tmp)) {
      assertThat(stale).doesNotExist();
      assertThat(scratch.dir()).isEqualTo(alive);
      assertThat(scratch.forks()).isDirectory();
    }
    assertThat(alive).doesNotExist();
    assertThat(other).isDirectory();
  }
}
