package org.ftcbench.capacity;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;

/**
 * The trained cells of a run: cells.csv (docs/design.md) and failures.csv (why a cell with
 * final_loss = NaN failed; cells.csv's columns are fixed, so the reason lives beside it). Every
 * cell is trained at most once per run folder, keyed by {@link CellKey}: cells already in cells.csv
 * (an interrupted run being resumed) are reused, and a cell asked for by two threads at once is
 * trained by one of them. Each finished cell is appended and flushed at once, so killing the
 * process loses only the cells in flight. A cell whose worker died ({@link WorkerDiedException})
 * goes to failures.csv (step −1, the reason) and not to cells.csv, so that a rerun trains it again.
 */
public final class CellStore implements AutoCloseable {
  private final Precision precision;
  private final CsvLog cells;
  private final CsvLog failures;
  private final ConcurrentMap<CellKey, CompletableFuture<CellResult>> known =
      new ConcurrentHashMap<>();
  private final AtomicInteger trained = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();

  public CellStore(Path runDir, Precision precision) {
    this.precision = precision;
    this.cells = CsvLog.open(runDir, ResultFiles.CELLS);
    this.failures = CsvLog.open(runDir, ResultFiles.FAILURES);
    for (Map<String, String> row : cells.rows()) {
      CellResult r = CellResult.fromRow(row);
      known.putIfAbsent(r.key(), CompletableFuture.completedFuture(r));
    }
  }

  /** The cell's result: from this run folder if it is there, else trained now and appended. */
  public CellResult get(CellKey key, Supplier<CellResult> training) {
    CompletableFuture<CellResult> mine = new CompletableFuture<>();
    CompletableFuture<CellResult> existing = known.putIfAbsent(key, mine);
    if (existing != null) {
      reused.incrementAndGet();
      try {
        return existing.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause; // e.g. the other request's worker died
        }
        throw e;
      }
    }
    try {
      CellResult r = training.get();
      if (!r.key().equals(key)) {
        throw new IllegalStateException("asked to train " + key + ", got " + r.key());
      }
      if (r.failed()) {
        failures.append(r.failureRow());
      }
      cells.append(r.row(precision));
      trained.incrementAndGet();
      mine.complete(r);
      return r;
    } catch (RuntimeException | Error e) {
      known.remove(key, mine);
      mine.completeExceptionally(e);
      if (e instanceof WorkerDiedException died) {
        lost(key.task(), key.m(), died.getMessage());
      }
      throw e;
    }
  }

  /**
   * Records in failures.csv that the cell (task, m) has no result because its worker died (step −1;
   * m = 0 for the task's initial loss); cells.csv does not get it, so a rerun computes it.
   */
  public void lost(TaskKey task, int m, String reason) {
    failures.append(CellResult.failureRow(task, m, -1, reason));
  }

  /** Whether the cell is known (in cells.csv, trained, or being trained). */
  public boolean contains(CellKey key) {
    return known.containsKey(key);
  }

  /** Cells trained by this process. */
  public int trained() {
    return trained.get();
  }

  /** Cells answered from cells.csv or from another request of this process. */
  public int reused() {
    return reused.get();
  }

  @Override
  public void close() {
    cells.close();
    failures.close();
  }
}
