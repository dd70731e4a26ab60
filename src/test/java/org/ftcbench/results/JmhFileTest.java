package org.ftcbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.bench.Flops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real bench run of the suite's own benchmarks (the golden run folder). */
class JmhFileTest {
  static final Path RUN = Path.of("src/test/resources/golden/results/vm-amd-epyc/20261207T074433Z");

  @TempDir Path dir;
  final List<String> problems = new ArrayList<>();

  List<JmhResult> read(Path run) {
    return JmhFile.read(run, problems::add).orElseThrow();
  }

  void copy(String file) throws Exception {
    Files.copy(RUN.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void everyResultHasItsFieldsAndItsFlopsFromFlopsCsv() {
    List<JmhResult> all = read(RUN);
    assertThat(problems).isEmpty();
    assertThat(all).hasSize(51);
    JmhResult first = all.get(0);
    assertThat(first.benchmark()).isEqualTo("org.ftcbench.bench.TrainStep.step");
    assertThat(List.of(first.className(), first.method(), first.shortName()))
        .containsExactly("TrainStep", "step", "TrainStep.step");
    assertThat(first.params())
        .containsExactly(
            Map.entry("K", "10000"),
            Map.entry("N", "10"),
            Map.entry("depth", "2"),
            Map.entry("fMode", "CACHED"),
            Map.entry("precision", "float32"));
    assertThat(first.mode()).isEqualTo("avgt");
    assertThat(first.unit()).isEqualTo("us/op");
    assertThat(first.score()).isEqualTo(246.07161274799887);
    assertThat(first.scoreError()).isEqualTo(71.67011064232814);
    assertThat(first.confidenceLow()).isEqualTo(174.40150210567072);
    assertThat(first.forks())
        .isDeepEqualTo(
            new double[][] {{247.55928029678483}, {241.6165670682731}, {249.03899087893865}});
    assertThat(first.secondsPerOp(first.score())).isCloseTo(246.07161274799887e-6, within(1e-18));
    assertThat(first.secondary().get("gc.alloc.rate.norm").score()).isEqualTo(4.920433647462969);
    assertThat(first.secondary().get("gc.alloc.rate.norm").unit()).isEqualTo("B/op");
    assertThat(List.of(first.warmupIterations(), first.warmupSeconds(), first.measurementSeconds()))
        .containsExactly(1, 0.3, 0.3);
    assertThat(first.flopsPerOp()).isEqualTo(14_260_000);
    for (JmhResult r : all) {
      assertThat(r.flopsPerOp()).as(r.benchmark() + " " + r.params()).isNotNaN();
      if (r.shortName().equals("Gemm.dgemm") || r.shortName().equals("Gemm.sgemm")) {
        assertThat(r.flopsPerOp()).isEqualTo(Flops.gemm(r.intParam("size")));
      }
    }
  }

  @Test
  void resultsWithoutAFlopsRowHaveNoFlopsAndAreNamed() throws Exception {
    copy(RunFolder.JMH);
    List<String> flops = Files.readAllLines(RUN.resolve(RunFolder.FLOPS));
    List<String> kept = new ArrayList<>(flops.subList(0, flops.size() - 1)); // the last row lost
    kept.set(1, kept.get(1).replaceFirst(",[0-9]+$", ",-5")); // and the first one broken
    Files.write(dir.resolve(RunFolder.FLOPS), kept);
    List<JmhResult> all = read(dir);
    assertThat(all.stream().filter(r -> Double.isNaN(r.flopsPerOp())).count()).isEqualTo(2);
    assertThat(problems)
        .hasSize(2)
        .anySatisfy(
            p -> assertThat(p).isEqualTo("1 row was left out (flops_per_op is not a number ≥ 0)"))
        .anySatisfy(p -> assertThat(p).startsWith("has no row for 2 results of jmh.json (first: "));
  }

  @Test
  void withoutFlopsCsvNothingIsCountedAndNothingIsWrong() throws Exception {
    copy(RunFolder.JMH);
    assertThat(read(dir)).allSatisfy(r -> assertThat(r.flopsPerOp()).isNaN());
    assertThat(problems).isEmpty();
  }

  @Test
  void aMissingFileIsEmptyAndGarbageIsUnusable() throws Exception {
    assertThat(JmhFile.read(dir, problems::add)).isEmpty();
    Files.writeString(dir.resolve(RunFolder.JMH), "[{\"benchmark\": ");
    assertThatThrownBy(() -> JmhFile.read(dir, problems::add))
        .isInstanceOf(JmhFile.Unusable.class)
        .hasMessageStartingWith("does not parse as JSON (");
    Files.writeString(dir.resolve(RunFolder.JMH), "{}");
    assertThatThrownBy(() -> JmhFile.read(dir, problems::add))
        .hasMessage("is not JMH's JSON result format (expected an array of results)");
  }

  @Test
  void timeSettingsAndScoresBecomeSeconds() {
    assertThat(JmhResult.durationSeconds("300 ms")).isEqualTo(0.3);
    assertThat(JmhResult.durationSeconds("1 s")).isEqualTo(1.0);
    assertThat(JmhResult.durationSeconds("soon")).isNaN();
    assertThat(withUnit("us/op").secondsPerOp(250)).isCloseTo(2.5e-4, within(1e-15));
    assertThat(withUnit("ops/ms").secondsPerOp(4)).isCloseTo(2.5e-4, within(1e-15));
    assertThat(withUnit("B/op").secondsPerOp(4)).isNaN();
    assertThat(withUnit("B/op").timed()).isFalse();
    assertThat(JmhResult.rateSeconds("GFLOP/ms")).isEqualTo(1e-3);
    assertThat(JmhResult.rateSeconds("FLOP/op")).isNaN();
  }

  static JmhResult withUnit(String unit) {
    return new JmhResult(
        "a.B.c",
        "avgt",
        new java.util.TreeMap<>(),
        unit,
        1,
        0,
        1,
        1,
        new double[][] {{1}},
        Map.of(),
        0,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }
}
