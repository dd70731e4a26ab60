package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.Csv;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on a tiny sweep: parallel (worker processes) = serial, resume = uninterrupted, each
 * cell once.
 */
class SweepRunnerTest {
  static final TrainingSettings SHORT =
      new TrainingSettings(AdamConfig.withLearningRate(0.3), 300, 100, 0.01, 10, Precision.FLOAT64);

  static final List<Criterion> CRITERIA =
      List.of(
          Criterion.parse("paper"),
          Criterion.parse("relative:0.1"),
          Criterion.parse("relative:0.01"));

  /**
   * A Fig.-9-like grid at K = 60 and searches at K = 2N and K = 60; the search task (3, N = 6, K =
   * 60) is also a grid column, so the two experiments share it.
   */
  static final SweepPlan PLAN =
      SweepPlan.of(
          List.of(
              new GridSweep(
                  "grid",
                  3,
                  60,
                  4,
                  List.of(0, 6, 12),
                  List.of(2, 4, 8),
                  List.of(1L),
                  List.of(Criterion.parse("paper")))),
          List.of(
              new SearchSweep(
                  "search",
                  List.of(2, 3),
                  List.of(6, 12),
                  List.of(KRule.parse("2N"), KRule.parse("60")),
                  4,
                  List.of(1L),
                  CRITERIA,
                  new SearchSettings(2, 32, 0))));

  @TempDir static Path tmp;
  static Path serial;
  static SweepRunner.Summary serialSummary;

  @BeforeAll
  static void runSerially() {
    serial = tmp.resolve("serial");
    serialSummary =
        new SweepRunner(serial, new LocalTrainer(SHORT), 1, SweepProgress.NONE).run(PLAN);
  }

  /** A file's data rows without wall_ms (the only column that may differ), sorted. */
  static List<String> table(Path dir, String file) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(file));
    int wall = Csv.parse(lines.get(0)).indexOf("wall_ms");
    return lines.subList(1, lines.size()).stream()
        .map(
            l -> {
              List<String> f = new ArrayList<>(Csv.parse(l));
              f.remove(wall);
              return String.join(",", f);
            })
        .sorted()
        .toList();
  }

  @Test
  void theSharedTaskIsPlannedOnceWithTheCriteriaOfBoth() throws IOException {
    List<SweepItem> shared =
        PLAN.items().stream().filter(i -> i.task().equals(new TaskKey(3, 6, 60, 4, 1))).toList();
    assertThat(shared).hasSize(1);
    assertThat(shared.get(0)).isInstanceOf(SweepItem.GridColumn.class);
    assertThat(shared.get(0).criteria())
        .extracting(Criterion::label)
        .containsExactly("paper", "relative:0.1", "relative:0.01");
    // one row per task and criterion, one row per cell
    List<String> capacity = table(serial, RunFolder.CAPACITY);
    assertThat(capacity).hasSize(PLAN.capacityRows()).doesNotHaveDuplicates();
    List<String> cellKeys =
        table(serial, RunFolder.CELLS).stream()
            .map(l -> String.join(",", Arrays.asList(l.split(",")).subList(0, 6)))
            .toList();
    assertThat(cellKeys).doesNotHaveDuplicates();
    assertThat(cellKeys).hasSize(serialSummary.cellsTrained());
  }

  @Test
  void nEqualsZeroNeedsNoWidthUnderAnyCriterion() throws IOException {
    assertThat(table(serial, RunFolder.CAPACITY))
        .filteredOn(l -> l.startsWith("3,0,60,4,1,"))
        .singleElement()
        .satisfies(l -> assertThat(l.split(",")[6]).isEqualTo("0"));
  }

  @Test
  void parallelGivesTheSameTablesAsSerial() throws IOException {
    Path parallel = tmp.resolve("parallel");
    try (WorkerPool pool = new WorkerPool(TestWorker.command(), 3, SHORT)) {
      new SweepRunner(parallel, pool, 3, SweepProgress.NONE).run(PLAN);
    }
    for (String file : List.of(RunFolder.CELLS, RunFolder.CAPACITY, RunFolder.FAILURES)) {
      assertThat(table(parallel, file)).as(file).isEqualTo(table(serial, file));
    }
  }

  @Test
  void resumingAnInterruptedSweepGivesTheSameTables() throws IOException {
    Path resumed = tmp.resolve("resumed");
    Files.createDirectories(resumed);
    // as if killed: part of cells.csv with a torn last line, the first capacity rows
    List<String> cells = Files.readAllLines(serial.resolve(RunFolder.CELLS));
    int kept = cells.size() / 2;
    String torn = cells.get(kept + 1).substring(0, 7);
    Files.writeString(
        resumed.resolve(RunFolder.CELLS),
        String.join("\n", cells.subList(0, kept + 1)) + "\n" + torn);
    List<String> capacity = Files.readAllLines(serial.resolve(RunFolder.CAPACITY));
    Files.writeString(
        resumed.resolve(RunFolder.CAPACITY), String.join("\n", capacity.subList(0, 3)) + "\n");

    SweepRunner.Summary s =
        new SweepRunner(resumed, new LocalTrainer(SHORT), 2, SweepProgress.NONE).run(PLAN);
    assertThat(s.cellsTrained()).isEqualTo(cells.size() - 1 - kept);
    assertThat(s.rowsWritten()).isEqualTo(capacity.size() - 3);
    for (String file : List.of(RunFolder.CELLS, RunFolder.CAPACITY)) {
      assertThat(table(resumed, file)).as(file).isEqualTo(table(serial, file));
    }
    // the rows that were there are untouched, and a finished folder is left alone
    assertThat(Files.readAllLines(resumed.resolve(RunFolder.CELLS)).subList(0, kept + 1))
        .isEqualTo(cells.subList(0, kept + 1));
    SweepRunner.Summary again =
        new SweepRunner(resumed, new LocalTrainer(SHORT), 2, SweepProgress.NONE).run(PLAN);
    assertThat(again.cellsTrained()).isZero();
    assertThat(again.rowsWritten()).isZero();
    assertThat(again.itemsSkipped()).isEqualTo(PLAN.items().size());
  }

  @Test
  void progressCountsTasksToTheTotal() {
    List<SweepProgress.Status> seen = new ArrayList<>();
    Path dir = tmp.resolve("progress");
    new SweepRunner(
            dir,
            new LocalTrainer(SHORT),
            2,
            s -> {
              synchronized (seen) {
                seen.add(s);
              }
            })
        .run(PLAN);
    SweepProgress.Status last =
        seen.stream().max((a, b) -> Integer.compare(a.itemsDone(), b.itemsDone())).orElseThrow();
    assertThat(last.itemsDone()).isEqualTo(PLAN.items().size());
    assertThat(last.itemsTotal()).isEqualTo(PLAN.items().size());
    assertThat(last.eta()).isNotNull();
    Map<Integer, Long> perDone =
        seen.stream()
            .collect(Collectors.groupingBy(SweepProgress.Status::itemsDone, Collectors.counting()));
    assertThat(perDone).containsKey(0);
  }
}
