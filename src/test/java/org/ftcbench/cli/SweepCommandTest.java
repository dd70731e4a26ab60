package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.capacity.SweepProgress;
import org.ftcbench.cli.MainTest.Result;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepCommandTest {
  static Result run(List<String> args) {
    return MainTest.run(args.toArray(String[]::new));
  }

  /** The quick profile shrunk to seconds: a 2×2 grid and one small search per depth. */
  static final List<String> TINY =
      List.of(
          "sweep.training.max_steps=150",
          "sweep.training.plateau_window=50",
          "sweep.fig9.k=40",
          "sweep.fig9.d=3",
          "sweep.fig9.n=0,6",
          "sweep.fig9.m=2,4",
          "sweep.scaling.n=5",
          "sweep.scaling.d=3",
          "sweep.scaling.max_m=8",
          "sweep.k_independence.enabled=false",
          "sweep.lora.enabled=false",
          "sweep.fraction.enabled=false",
          "sweep.structure.enabled=false",
          "sweep.certify.n=10,30");

  static List<String> sweep(Path run, List<String> more) {
    List<String> a =
        new ArrayList<>(List.of("sweep", "--profile", "quick", "--run", run.toString()));
    a.addAll(TINY);
    a.addAll(more);
    return a;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sweep.no_such_key=1",
        "sweep.scaling.criteria=paper,strict",
        "sweep.fig9.n=10,2000",
        "sweep.fig9.m=48:6:6",
        "sweep.scaling.max_m=1",
        "sweep.scaling.k=3",
        "sweep.threads=-1",
        "sweep.training.max_steps=0",
        "sweep.fig9.enabled=yes",
        "not-an-override",
        "--engine=cloud",
        "--partition=debug",
        "--sbatch=--time=1:00:00",
        "--detach",
        "--task-heap=lots",
      })
  void badSettingsGiveOneLineAndExit2BeforeAnyWork(String bad, @TempDir Path tmp) {
    Path run = tmp.resolve("run");
    run(sweep(run, List.of(bad))).badInputLine();
    assertThat(run).doesNotExist();
  }

  @Test
  void messagesSayWhatAndHowToFixIt(@TempDir Path tmp) {
    assertThat(run(sweep(tmp.resolve("a"), List.of("sweep.fig9.n=2000"))).err())
        .contains("N = 2000 larger than K = 40: choose N ≤ K");
    assertThat(run(sweep(tmp.resolve("b"), List.of("sweep.fig9.m=48:6:6"))).err())
        .contains("sweep.fig9.m is empty");
    assertThat(run(sweep(tmp.resolve("c"), List.of("sweep.scaling.criteria=strict"))).err())
        .contains("unknown criterion 'strict'");
    assertThat(run(List.of("sweep")).err()).contains("--profile");
  }

  @Test
  void aKeyTheSweepDoesNotKnowIsReported(@TempDir Path tmp) throws Exception {
    String quick = Files.readString(Profile.FOLDER.resolve("quick.properties"));
    Files.writeString(tmp.resolve("typo.properties"), quick + "\nsweep.fig9.seed = 3\n");
    Profile p = Profile.load(tmp, "typo", Map.of());
    SweepSettings.read(p);
    assertThatThrownBy(() -> p.requireNoUnknownKeys("sweep."))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("sweep.fig9.seed");
  }

  @Test
  void aFolderThatIsNotARunFolderIsRefused(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    Result r = run(sweep(tmp, List.of()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not a run folder");
  }

  @Test
  void aSweepWritesItsRunFolderAndResumesIt(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    Result first = run(sweep(run, List.of("sweep.threads=2")));
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("4/4 tasks"); // 2 grid columns, 1 search per depth
    for (String f : List.of(RunFolder.ENV, RunFolder.CELLS, RunFolder.CAPACITY, "failures.csv")) {
      assertThat(run.resolve(f)).exists();
    }
    JsonNode env = new ObjectMapper().readTree(run.resolve(RunFolder.ENV).toFile());
    assertThat(env.get("profile").asText()).isEqualTo("quick");
    assertThat(env.get("sweep_settings").get("sweep.fig9.n").asText()).isEqualTo("0,6");
    assertThat(env.get("end").asText()).isGreaterThanOrEqualTo(env.get("start").asText());
    // grid: 2 N × 2 m cells; capacity: 2 grid rows (paper) + 2 depths × 3 criteria
    assertThat(Files.readAllLines(run.resolve(RunFolder.CELLS))).hasSizeGreaterThan(4);
    assertThat(Files.readAllLines(run.resolve(RunFolder.CAPACITY))).hasSize(1 + 2 + 6);
    List<String> cells = Files.readAllLines(run.resolve(RunFolder.CELLS));

    // serial and resumed: nothing to train, nothing rewritten
    Result again = run(sweep(run, List.of("sweep.threads=1")));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 cells trained").contains("0 capacity rows written");
    assertThat(Files.readAllLines(run.resolve(RunFolder.CELLS))).isEqualTo(cells);

    // other training settings would make the shared cells inconsistent
    Result changed = run(sweep(run, List.of("sweep.training.learning_rate=0.2")));
    assertThat(changed.code()).isEqualTo(2);
    assertThat(changed.err()).contains("was started with sweep.training.learning_rate=0.3");
  }

  /** A lost cell is shown at once, even right after another line, and counts as an end. */
  @Test
  void theProgressLineCountsCellsLostToDeadWorkers() {
    java.io.StringWriter text = new java.io.StringWriter();
    SweepProgress printer = Progress.trained(new java.io.PrintWriter(text, true));
    printer.update(new SweepProgress.Status(2, 4, 7, 1, 0, java.time.Duration.ofSeconds(29), null));
    printer.update(new SweepProgress.Status(2, 4, 7, 1, 1, java.time.Duration.ofSeconds(30), null));
    printer.update(new SweepProgress.Status(3, 4, 8, 1, 1, java.time.Duration.ofSeconds(31), null));
    assertThat(text.toString().lines())
        .containsExactly(
            "sweep: 2/4 tasks, 7 cells trained, 1 reused, elapsed 29s, ETA unknown",
            "sweep: 2/4 tasks, 7 cells trained, 1 reused, 1 lost (worker died, see failures.csv),"
                + " elapsed 30s, ETA unknown",
            "sweep: 3/4 tasks, 8 cells trained, 1 reused, 1 lost (worker died, see failures.csv),"
                + " elapsed 31s, ETA unknown");
  }

  @Test
  void statusNeedsASweepSubmittedToSlurm(@TempDir Path tmp) throws Exception {
    Result none = run(List.of("sweep", "status", tmp.resolve("none").toString()));
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("is not a folder");
    Files.writeString(tmp.resolve(RunFolder.ENV), "{}");
    assertThat(run(List.of("sweep", "status", tmp.toString())).badInputLine())
        .contains("was not submitted to Slurm");
  }

  @Test
  void speedPrintsStepsPerSecond() {
    Result r =
        run(List.of("sweep", "speed", "--depth", "3", "--k", "200", "--m", "6", "--steps", "50"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("depth,K,d,m,params,steps,steps_per_s,us_per_step");
    assertThat(r.out().lines()).hasSize(2);
  }
}
