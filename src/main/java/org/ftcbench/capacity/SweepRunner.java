package org.ftcbench.capacity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.IntFunction;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;

/**
 * Runs a {@link SweepPlan} into a run folder: cells.csv (+ failures.csv) and capacity.csv.
 *
 * <ul>
 *   <li><b>Parallel:</b> {@code threads} independent items at once, their cells trained by a {@link
 *       CellTrainer} (one worker process per core: jblas's BLAS is single-threaded, and not safe to
 *       call from two threads of one process).
 *   <li><b>Deterministic:</b> a cell's result depends only on its key and the settings, so a
 *       parallel run writes the same rows as a serial one (in another order, and with other wall
 *       times).
 *   <li><b>Resumable:</b> rows already in the run folder are not recomputed; an item whose capacity
 *       rows are all present is skipped, an item that was cut off replays its cells from cells.csv
 *       and trains only the missing ones.
 *   <li><b>Robust to dead workers:</b> a task whose cell lost its worker process ({@link
 *       WorkerDiedException}) is left unfinished, the cell recorded in failures.csv and counted in
 *       the progress; the other tasks go on, and a rerun finishes it.
 * </ul>
 */
public final class SweepRunner {
  private final Path runDir;
  private final CellTrainer trainer;
  private final int threads;
  private final SweepProgress progress;

  /**
   * What a run did.
   *
   * @param itemsLost tasks left unfinished because a worker process died (failures.csv says which
   *     cell); a rerun with the same run folder finishes them
   */
  public record Summary(
      int items,
      int itemsSkipped,
      int cellsTrained,
      int cellsReused,
      int rowsWritten,
      int itemsLost) {}

  /**
   * @param trainer trains the cells; with more than one thread it must allow concurrent calls (a
   *     {@link WorkerPool} of {@code threads} workers; a {@link LocalTrainer} serialises them)
   * @param threads items run at once
   */
  public SweepRunner(Path runDir, CellTrainer trainer, int threads, SweepProgress progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    this.runDir = runDir;
    this.trainer = trainer;
    this.threads = threads;
    this.progress = progress;
  }

  public Summary run(SweepPlan plan) {
    long t0 = System.nanoTime();
    try (CellStore store = new CellStore(runDir, trainer.precision());
        CsvLog capacity = CsvLog.open(runDir, ResultFiles.CAPACITY)) {
      Set<String> written = new HashSet<>();
      for (Map<String, String> row : capacity.rows()) {
        written.add(ResultFiles.CAPACITY.keyOf(row));
      }
      List<SweepItem> todo = new ArrayList<>();
      for (SweepItem item : plan.items()) {
        if (!item.criteria().stream()
            .allMatch(c -> written.contains(CapacityRow.key(item.task(), c.label())))) {
          todo.add(item);
        }
      }
      int skipped = plan.items().size() - todo.size();
      double totalCost = todo.stream().mapToDouble(SweepItem::cost).sum();
      // ETA: work accounted for (cells found or trained, finished items) against the rate of
      // the work this invocation performed (cells it trained), in the units of SweepItem.cost
      DoubleAdder costDone = new DoubleAdder();
      DoubleAdder performed = new DoubleAdder();
      AtomicInteger itemsDone = new AtomicInteger(skipped);
      AtomicInteger rows = new AtomicInteger();
      AtomicInteger lost = new AtomicInteger();
      Runnable report =
          () -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            double rate = performed.sum();
            double left = totalCost - costDone.sum();
            boolean running = itemsDone.get() < plan.items().size();
            // unknown before any work, and when the running items are past their estimates
            Duration eta =
                rate > 0 && (left > 0 || !running)
                    ? Duration.ofMillis((long) (elapsed.toMillis() * Math.max(0, left) / rate))
                    : null;
            progress.update(
                new SweepProgress.Status(
                    itemsDone.get(),
                    plan.items().size(),
                    store.trained(),
                    store.reused(),
                    lost.get(),
                    elapsed,
                    eta));
          };
      report.run();
      // a heartbeat, so that progress shows while long cells train
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sweep-progress"));
      ticker.scheduleAtFixedRate(report, 10, 10, TimeUnit.SECONDS);
      ExecutorService pool =
          Executors.newFixedThreadPool(threads, DaemonThreads.named("sweep-worker"));
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (SweepItem item : todo) {
          futures.add(
              pool.submit(
                  () -> {
                    DoubleAdder itemDone = new DoubleAdder();
                    List<CapacityRow> done;
                    try {
                      done = runItem(item, store, report, costDone, performed, itemDone);
                    } catch (WorkerDiedException e) {
                      // recorded in failures.csv; the task is left for a rerun
                      lost.incrementAndGet();
                      report.run();
                      return;
                    }
                    for (CapacityRow row : done) {
                      String key = CapacityRow.key(row.task(), row.criterion());
                      if (!written.contains(key)) {
                        capacity.append(row.row(trainer.precision()));
                        rows.incrementAndGet();
                      }
                    }
                    // a finished item counts its whole estimate, whatever its cells added
                    costDone.add(Math.max(0, item.cost() - itemDone.sum()));
                    itemsDone.incrementAndGet();
                    report.run();
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("sweep interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      } finally {
        pool.shutdownNow();
        ticker.shutdownNow();
      }
      return new Summary(
          plan.items().size(), skipped, store.trained(), store.reused(), rows.get(), lost.get());
    }
  }

  /** Trains (or reuses) the item's cells and returns its capacity rows, one per criterion. */
  private List<CapacityRow> runItem(
      SweepItem item,
      CellStore store,
      Runnable report,
      DoubleAdder costDone,
      DoubleAdder performed,
      DoubleAdder itemDone) {
    TaskKey key = item.task();
    double l0;
    try {
      l0 = trainer.initialLoss(key);
    } catch (WorkerDiedException e) {
      store.lost(key, 0, e.getMessage());
      throw e;
    }
    // one training serves every criterion: stop at the tightest (see TrainingSettings)
    double stopLoss =
        item.criteria().stream().mapToDouble(c -> c.threshold(l0)).min().orElseThrow();
    IntFunction<CellResult> cellAt =
        m -> {
          CellKey cell = key.cell(m);
          // only this item asks for its task's cells, so this check does not race
          boolean known = store.contains(cell);
          CellResult r = store.get(cell, () -> trainer.train(cell, stopLoss));
          double work = SweepItem.cellCost(cell, r.steps());
          double room = Math.max(0, item.cost() - itemDone.sum());
          itemDone.add(Math.min(work, room));
          costDone.add(Math.min(work, room));
          if (!known) {
            performed.add(work);
            report.run();
          }
          return r;
        };
    List<CapacityRow> out = new ArrayList<>();
    if (item instanceof SweepItem.GridColumn grid) {
      List<CellResult> cells = grid.ms().stream().map(cellAt::apply).toList();
      for (Criterion c : grid.criteria()) {
        out.add(WidthSearch.onGrid(key, l0, c, cells));
      }
    } else if (item instanceof SweepItem.Search search) {
      out.addAll(WidthSearch.searchAll(key, l0, search.criteria(), search.settings(), cellAt));
    }
    return out;
  }
}
