package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;
import org.junit.jupiter.api.Test;

/**
 * The worker heap estimate: it grows with the cell, a real worker with the estimated heap trains
 * the largest cell of a plan, and a worker whose heap is too small for it dies of it, which the
 * pool reports ({@link WorkerDiedException}) instead of hanging or losing the reason.
 */
class WorkerHeapTest {
  static final TrainingSettings FEW_STEPS =
      new TrainingSettings(AdamConfig.withLearningRate(0.3), 5, 5, 0.01, 10, Precision.FLOAT64);

  /** The quick profile's largest cell: depth 2 at N = 1,000 (K = 2N) up to max_m = 4,096. */
  static final CellKey LARGEST = new CellKey(2, 1000, 2000, 10, 4096, 1);

  static final SweepPlan PLAN =
      SweepPlan.of(
          List.of(
              new GridSweep(
                  "grid",
                  LARGEST.depth(),
                  LARGEST.k(),
                  LARGEST.d(),
                  List.of(LARGEST.n()),
                  List.of(2, LARGEST.m()),
                  List.of(1L),
                  List.of(Criterion.parse("paper")))),
          List.of());

  @Test
  void theEstimateGrowsWithTheCell() {
    long small = WorkerHeap.cellBytes(2, 100, 10, 8);
    assertThat(WorkerHeap.cellBytes(2, 10_000, 10, 8)).isGreaterThan(small);
    assertThat(WorkerHeap.cellBytes(2, 100, 10, 4096)).isGreaterThan(small);
    assertThat(WorkerHeap.cellBytes(3, 100, 10, 4096))
        .isGreaterThan(WorkerHeap.cellBytes(3, 100, 10, 8));
    assertThat(WorkerHeap.heapBytes(0, 0)).isEqualTo(WorkerHeap.MINIMUM);
    long plan = WorkerHeap.forPlan(PLAN);
    assertThat(plan)
        .isGreaterThanOrEqualTo(
            WorkerHeap.heapBytes(
                WorkerHeap.cellBytes(2, 2000, 10, 4096), WorkerHeap.taskBytes(2000, 10)));
    assertThat(WorkerHeap.option(plan)).matches("-Xmx\\d+m");
  }

  @Test
  void aWorkerWithTheEstimatedHeapTrainsTheLargestCell() {
    try (WorkerPool pool =
        new WorkerPool(TestWorker.command(WorkerHeap.forPlan(PLAN)), 1, FEW_STEPS)) {
      CellResult r = pool.train(LARGEST, 0);
      assertThat(r.failed()).isFalse();
      assertThat(r.steps()).isEqualTo(5);
    }
  }

  @Test
  void aWorkerThatRunsOutOfHeapIsReportedAsDead() {
    // 32 MiB: enough for a small cell, not for a cell on 200,000 samples (its inputs alone, and
    // their copy in the training's precision, are 16 MB each)
    CellKey huge = new CellKey(2, 1000, 200_000, 10, 512, 1);
    try (WorkerPool pool = new WorkerPool(TestWorker.command(32L << 20), 1, FEW_STEPS)) {
      assertThatThrownBy(() -> pool.train(huge, 0))
          .isInstanceOf(WorkerDiedException.class)
          .hasMessageContaining("java.lang.OutOfMemoryError: Java heap space");
      // the pool replaced it: a small cell still trains
      assertThat(pool.train(new CellKey(2, 5, 40, 3, 4, 1), 0).failed()).isFalse();
    }
  }
}
