package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftcbench.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ftcbench.cli.MainTest.Result;
import org.ftcbench.compare.Pairing;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bench --side: two sides interleaved into two run folders, then compare and calibrate on them. */
class InterleavedBenchTest {
  @BeforeAll
  static void allowConcurrentJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bench --profile quick --side a=java",
        "bench --profile quick --side a=java --side b=java --side c=java",
        "bench --profile quick --side a/b=java --side b=java",
        "bench --profile quick --side a= --side b=java",
        "bench --profile quick --side a=java --side b=java --side-jar c=x.jar",
        "bench --profile quick --side a=java --side b=java --side-jar b=/nonexistent.jar",
        "bench --profile quick --side a=java --side b=java --run /tmp",
        "bench --profile quick --side a=java --side b=java --engine slurm",
      })
  void badSidesGiveOneLineAndExitCode2(String args) {
    run(args.split(" ")).badInputLine();
  }

  /** bench of the quick profile into the machine folder {@code machine}, sides a and b. */
  static List<String> withSides(String machine, String a, String b) {
    return new ArrayList<>(
        List.of("bench", "--profile", "quick", "--machine", machine, "--side", a, "--side", b));
  }

  @Test
  void aSideWhoseJvmDoesNotStartIsRefusedBeforeAnythingIsMeasured() {
    String machine = "test-interleaved-broken-" + ProcessHandle.current().pid();
    try {
      Result r = run(withSides(machine, "a=java", "b=/nonexistent/java").toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("side b's JVM failed 'blas-check'").contains("--side b=");
      assertThat(CliCommand.RESULTS.resolve(machine)).doesNotExist();
    } finally {
      delete(CliCommand.RESULTS.resolve(machine));
    }
  }

  @Test
  void twoSidesMakeTwoRunFoldersThatCompareAndCalibrateReadAsAPair() throws Exception {
    // a unique machine folder under benchmarks/results, removed afterwards
    String machine = "test-interleaved-" + ProcessHandle.current().pid();
    Path root = CliCommand.RESULTS.resolve(machine);
    try {
      List<String> args =
          withSides(machine, "plain=java", "flagged=java -Dftcbench.test.side=flagged");
      args.addAll(List.of("--order-seed", "3"));
      args.addAll(List.of(BenchCommandTest.TINY));
      args.add("bench.forks=2");
      Result r = run(args.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      List<String> dirs = r.out().strip().lines().toList();
      assertThat(dirs).hasSize(2);
      Path a = Path.of(dirs.get(0));
      Path b = Path.of(dirs.get(1));
      assertThat(a.getFileName().toString()).endsWith("-plain");
      assertThat(b.getFileName().toString()).endsWith("-flagged");
      assertThat(a.getParent()).isEqualTo(root);

      // each side's env.json is its own JVM's stamp (the flag), with the interleaving
      JsonNode envB = new ObjectMapper().readTree(b.resolve(RunFolder.ENV).toFile());
      assertThat(envB.get("jvm_flags").toString()).contains("-Dftcbench.test.side=flagged");
      assertThat(envB.get("machine").asText()).isEqualTo(machine);
      assertThat(envB.get("profile").asText()).isEqualTo("quick");
      assertThat(envB.at("/bench/status").asText()).isEqualTo("complete");
      assertThat(envB.at("/bench/interleaved/seed").asLong()).isEqualTo(3);
      assertThat(envB.at("/bench/interleaved/partner").asText())
          .isEqualTo(a.getFileName().toString());
      assertThat(envB.at("/bench/interleaved/sides/flagged").asText())
          .isEqualTo("java -Dftcbench.test.side=flagged");
      assertThat(Pairing.of(a, b)).isEqualTo(Pairing.INTERLEAVED);

      Path reports = Files.createTempDirectory("ftc-reports");
      Result c = run("compare", a.toString(), b.toString(), "--out", reports.toString());
      assertThat(c.code()).as(c.err()).isZero();
      assertThat(c.out())
          .contains("2 points compared (interleaved;")
          .contains("pairing: interleaved");

      // the pair as an interleaved A/A calibration of this machine, which compare then finds
      Result cal = run("calibrate", a.toString(), b.toString());
      assertThat(cal.code()).as(cal.err()).isZero();
      assertThat(cal.out()).contains("1 pair(s), 1 added (0 separate-run, 1 interleaved)");
      assertThat(root.resolve("calibration.json")).isRegularFile();
      Result again = run("compare", a.toString(), b.toString(), "--out", reports.toString());
      assertThat(again.out()).contains("the A/A calibration " + root.toAbsolutePath().normalize());
      assertThat(
              run(
                      "compare",
                      a.toString(),
                      b.toString(),
                      "--calibration",
                      "none",
                      "--out",
                      reports.toString())
                  .out())
          .contains("no A/A calibration found");
      delete(reports);
    } finally {
      delete(root);
    }
  }

  static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
