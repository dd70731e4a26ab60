package org.ftcbench.capacity;

import java.time.Duration;

/**
 * Where a sweep is, for the command line to print (this package never writes to the terminal).
 * Called from worker threads, after every trained cell and every finished item.
 */
@FunctionalInterface
public interface SweepProgress {
  void update(Status status);

  /** Progress that is not shown. */
  SweepProgress NONE = s -> {};

  /**
   * @param itemsDone tasks finished (including those already finished in an earlier invocation)
   * @param itemsTotal tasks in the plan
   * @param cellsTrained cells trained by this invocation
   * @param cellsReused cells found in cells.csv or shared with another item
   * @param cellsLost cells whose worker process died (failures.csv): their tasks are left for a
   *     rerun
   * @param elapsed time since this invocation started
   * @param eta estimated time left (from the items' estimated costs), or null before the first item
   *     finishes
   */
  record Status(
      int itemsDone,
      int itemsTotal,
      int cellsTrained,
      int cellsReused,
      int cellsLost,
      Duration elapsed,
      Duration eta) {}
}
