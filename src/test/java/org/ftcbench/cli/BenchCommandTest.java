package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftcbench.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftcbench.cli.MainTest.Result;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchCommandTest {

  @BeforeAll
  static void allowConcurrentJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  /** The shortest real run: gemm at n = 8, one fork, one 10 ms iteration. */
  static final String[] TINY = {
    "bench.benchmarks=gemm",
    "bench.gemm.size=8",
    "bench.precision=float64",
    "bench.forks=1",
    "bench.warmupIterations=0",
    "bench.measurementIterations=1",
    "bench.measurementMillis=10",
  };

  static String[] tiny(Path run) {
    String[] a = new String[TINY.length + 5];
    a[0] = "bench";
    a[1] = "--profile";
    a[2] = "quick";
    System.arraycopy(TINY, 0, a, 3, TINY.length);
    a[a.length - 2] = "--run";
    a[a.length - 1] = run.toString();
    return a;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bench --profile nosuchprofile",
        "bench --profile quick bench.benchmarks=trainStep,certfy",
        "bench --profile quick bench.nosuchkey=1",
        "bench --profile quick bench.forks",
        "bench --profile quick bench.forks=0",
        "bench --profile quick bench.N=10,20000",
        "bench --profile quick bench.depth=4",
        "bench --profile quick bench.fMode=LAZY",
        "bench --profile quick bench.gcProfiler=yes",
        "bench --profile quick --run /nonexistent/run",
        "bench --profile quick --machine ../escape",
        "bench",
        "bench --profile quick --nodes a,b",
        "bench --profile quick --engine cloud",
        "bench --profile quick --partition p",
        "bench --profile quick --engine slurm --machine m",
      })
  void badInputGivesOneLineAndExitCode2(String args) {
    run(args.split(" ")).badInputLine();
  }

  @Test
  void unknownBenchmarkNamesTheChoices() {
    assertThat(run("bench", "--profile", "quick", "bench.benchmarks=certfy").err())
        .contains(
            "unknown benchmark 'certfy' in bench.benchmarks: choose from forward, backward,"
                + " trainStep, gemm, plainJava");
  }

  @Test
  void aRunIntoAFolderWritesJmhJsonFlopsAndEnv(@TempDir Path dir) throws Exception {
    Result r = run(tiny(dir));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip().lines().reduce((a, b) -> b)).hasValue(dir.toString());
    JsonNode jmh = new ObjectMapper().readTree(dir.resolve(RunFolder.JMH).toFile());
    assertThat(jmh).hasSize(2);
    assertThat(Files.readAllLines(dir.resolve(RunFolder.FLOPS))).hasSize(3);
    JsonNode env = new ObjectMapper().readTree(dir.resolve(RunFolder.ENV).toFile());
    assertThat(env.get("openblas_core").asText()).isNotEqualTo("unknown");
    assertThat(env.at("/bench/status").asText()).isEqualTo("complete");
    assertThat(env.at("/bench/settings/forks").asInt()).isEqualTo(1);
    assertThat(env.at("/bench/end").isTextual()).isTrue();

    Result again = run(tiny(dir));
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already has jmh.json");
  }

  @Test
  void aSweepsEnvJsonIsKeptAndGainsTheBenchObject(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve(RunFolder.ENV),
        "{\"machine\": \"m\", \"profile\": \"quick\", \"start\": \"s\"}");
    Result r = run(tiny(dir));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode env = new ObjectMapper().readTree(dir.resolve(RunFolder.ENV).toFile());
    assertThat(env.get("machine").asText()).isEqualTo("m");
    assertThat(env.get("start").asText()).isEqualTo("s");
    assertThat(env.has("openblas_core")).isTrue();
    assertThat(env.at("/bench/status").asText()).isEqualTo("complete");
  }
}
