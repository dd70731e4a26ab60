package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.Csv;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process killed with SIGKILL in the middle of a parallel sweep: its cell is recorded in
 * failures.csv and counted in the progress, the other tasks finish on a fresh worker, and a rerun
 * on the same run folder completes the run with the tables of an uninterrupted one.
 */
class WorkerDeathTest {
  @TempDir Path tmp;

  /** Cells of about a second each (no plateau stop), so that the kill lands during training. */
  static final TrainingSettings SLOW =
      new TrainingSettings(
          AdamConfig.withLearningRate(0.3), 6000, 6000, 0.0, 10, Precision.FLOAT64);

  static final SweepPlan PLAN =
      SweepPlan.of(
          List.of(),
          List.of(
              new SearchSweep(
                  "search",
                  List.of(2),
                  List.of(5, 8, 11, 14),
                  List.of(KRule.parse("40")),
                  3,
                  List.of(1L),
                  List.of(Criterion.parse("relative:0.01")),
                  new SearchSettings(2, 16, 0))));

  @Test
  void aKilledWorkerIsReportedAndARerunCompletesTheRun() throws Exception {
    Path run = tmp.resolve("run");
    List<SweepProgress.Status> seen = new ArrayList<>();
    AtomicInteger lostSeen = new AtomicInteger();
    SweepRunner.Summary first;
    long killed;
    try (WorkerPool pool = new WorkerPool(TestWorker.command(WorkerHeap.forPlan(PLAN)), 2, SLOW)) {
      CompletableFuture<SweepRunner.Summary> sweep =
          CompletableFuture.supplyAsync(
              () ->
                  new SweepRunner(
                          run,
                          pool,
                          2,
                          s -> {
                            synchronized (seen) {
                              seen.add(s);
                            }
                            lostSeen.accumulateAndGet(s.cellsLost(), Math::max);
                          })
                      .run(PLAN));
      // wait until a cell is done, so that both workers are busy training, then kill one
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (Files.notExists(run.resolve(RunFolder.CELLS))
          || Files.readAllLines(run.resolve(RunFolder.CELLS)).size() < 2) {
        assertThat(System.nanoTime()).as("a first cell within 2 minutes").isLessThan(deadline);
        Thread.sleep(50);
      }
      killed = pool.pids().get(0);
      assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL
      first = sweep.get(300, TimeUnit.SECONDS);
    }
    assertThat(first.itemsLost()).isEqualTo(1);
    assertThat(lostSeen.get()).as("the progress line counts the lost cell").isEqualTo(1);
    List<String> failures = Files.readAllLines(run.resolve(RunFolder.FAILURES));
    assertThat(failures).hasSize(2);
    List<String> row = Csv.parse(failures.get(1));
    assertThat(row.get(6)).isEqualTo("-1");
    assertThat(row.get(7))
        .contains("worker process " + killed)
        .contains("killed by signal 9 (SIGKILL");
    // the other tasks were finished on the remaining and the fresh worker
    assertThat(Files.readAllLines(run.resolve(RunFolder.CAPACITY)))
        .hasSize(1 + PLAN.capacityRows() - 1);

    // the rerun trains the lost cell and its task, and nothing else
    SweepRunner.Summary rerun =
        new SweepRunner(run, new LocalTrainer(SLOW), 1, SweepProgress.NONE).run(PLAN);
    assertThat(rerun.itemsLost()).isZero();
    assertThat(rerun.itemsSkipped()).isEqualTo(PLAN.items().size() - 1);
    Path uninterrupted = tmp.resolve("uninterrupted");
    new SweepRunner(uninterrupted, new LocalTrainer(SLOW), 1, SweepProgress.NONE).run(PLAN);
    for (String file : List.of(RunFolder.CAPACITY, RunFolder.CELLS)) {
      assertThat(SweepRunnerTest.table(run, file))
          .as(file)
          .isEqualTo(SweepRunnerTest.table(uninterrupted, file));
    }
  }
}
