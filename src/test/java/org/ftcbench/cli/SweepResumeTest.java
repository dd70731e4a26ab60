package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.analysis.RunSummary;
import org.ftcbench.cli.MainTest.Result;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep started with {@code --machine killtest}, killed (SIGKILL) in its certified sweep, and
 * resumed with a bare {@code sweep --run R}: the resume keeps the machine, profile and settings of
 * the first start, and refuses options that would change them; a bench run into the folder and a
 * further resume keep them too.
 */
class SweepResumeTest {
  @TempDir Path tmp;

  @BeforeAll
  static void allowConcurrentJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  static Result run(String... args) {
    return MainTest.run(args);
  }

  static JsonNode env(Path run) throws Exception {
    return new ObjectMapper().readTree(run.resolve(RunFolder.ENV).toFile());
  }

  /** Starts the sweep in its own JVM and kills it once its first certified row is written. */
  static void startAndKill(Path run) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "sweep",
                "--profile",
                "quick",
                "--machine",
                "killtest",
                "--run",
                run.toString()));
    cmd.addAll(SweepCommandTest.TINY);
    // N = 300 after N = 10 keeps the sweep busy for a second or more after its first row
    cmd.addAll(List.of("sweep.threads=1", "sweep.certify.n=10,300"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Path certify = run.resolve(RunFolder.CERTIFY);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.isRegularFile(certify) && Files.readAllLines(certify).size() >= 2)) {
        assertThat(p.isAlive()).as("the sweep runs until it is killed").isTrue();
        assertThat(System.nanoTime())
            .as("the first certified row within 120 s")
            .isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(p.exitValue()).as("killed, not finished").isNotZero();
  }

  @Test
  void aKilledSweepResumesWithTheMachineAndSettingsOfItsFirstStart() throws Exception {
    Path run = tmp.resolve("R");
    startAndKill(run);
    JsonNode first = env(run);
    assertThat(first.get("machine").asText()).isEqualTo("killtest");
    assertThat(first.get("end").isNull()).as("killed: end is null").isTrue();
    JsonNode settings = first.get("sweep_settings");
    assertThat(settings.get("sweep.fig9.n").asText()).isEqualTo("0,6");
    assertThat(settings.get("sweep.certify.n").asText()).isEqualTo("10,300");
    assertThat(RunLoader.load(run).machine()).isEqualTo("killtest");
    byte[] killed = Files.readAllBytes(run.resolve(RunFolder.ENV));

    // options that would change the run are refused in one line, before anything is written
    for (String[] args :
        new String[][] {
          {"sweep", "--run", run.toString(), "--machine", "other"},
          {"sweep", "--run", run.toString(), "--profile", "standard"},
          {"sweep", "--run", run.toString(), "sweep.fig9.n=0,6,12"},
          {"sweep", "--run", run.toString(), "sweep.certify.n=10"},
          {"bench", "--run", run.toString(), "--profile", "standard"},
        }) {
      run(args).badInputLine();
      assertThat(Files.readAllBytes(run.resolve(RunFolder.ENV))).isEqualTo(killed);
    }
    assertThat(run("sweep", "--run", run.toString(), "--machine", "other").err())
        .contains("has machine killtest (its env.json), not other: resume it without --machine");
    assertThat(run("sweep", "--run", run.toString(), "sweep.fig9.n=0,6,12").err())
        .contains("was started with sweep.fig9.n=0,6, not 0,6,12");

    // the bare resume: the first start's machine, profile and settings, the certified rows kept
    Result resumed = run("sweep", "--run", run.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    Matcher kept = Pattern.compile("\\((\\d+) already there\\)").matcher(resumed.out());
    assertThat(kept.find()).as(resumed.out()).isTrue();
    assertThat(Integer.parseInt(kept.group(1))).isPositive();
    JsonNode after = env(run);
    assertThat(after.get("machine").asText()).isEqualTo("killtest");
    assertThat(after.get("profile").asText()).isEqualTo("quick");
    assertThat(after.get("first_start").asText()).isEqualTo(first.get("start").asText());
    assertThat(after.get("sweep_settings")).isEqualTo(settings);
    assertThat(after.get("end").isTextual()).isTrue();
    RunSummary summary = RunSummary.of(RunLoader.load(run));
    assertThat(summary.machine()).isEqualTo("killtest");
    assertThat(summary.status()).isEqualTo(RunSummary.Status.SWEEP_ONLY);

    // a bench run into the folder takes its profile from the run and keeps the stamp
    List<String> bench = new ArrayList<>(List.of("bench", "--run", run.toString()));
    bench.addAll(List.of(BenchCommandTest.TINY));
    Result b = run(bench.toArray(String[]::new));
    assertThat(b.code()).as(b.err()).isZero();
    // and a further resume keeps the bench run's record
    Result again = run("sweep", "--run", run.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 cells trained");
    JsonNode last = env(run);
    assertThat(last.get("machine").asText()).isEqualTo("killtest");
    assertThat(last.get("first_start").asText()).isEqualTo(first.get("start").asText());
    assertThat(last.get("sweep_settings")).isEqualTo(settings);
    assertThat(last.at("/bench/status").asText()).isEqualTo("complete");
    assertThat(last.at("/bench/profile").asText()).isEqualTo("quick");
    assertThat(RunSummary.of(RunLoader.load(run)).status()).isEqualTo(RunSummary.Status.COMPLETE);
  }
}
