package org.ftcbench.capacity;

import java.util.List;
import java.util.Map;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.ResultFiles;

/**
 * One row of capacity.csv: the smallest adapter width that fits a task under a criterion.
 *
 * <p>{@code mMin = 0} means the task passes with g = 0 (N = 0, or a loose criterion at small N/K):
 * no training is needed and steps = wall_ms = 0. {@code mMin = null} (an empty field) means no
 * width tried passed; loss, steps and wall time then describe the largest width tried. Otherwise
 * loss, steps and wall time are those of the cell at m_min.
 */
public record CapacityRow(
    TaskKey task,
    String criterion,
    Integer mMin,
    double lossAtMMin,
    double initialLoss,
    int steps,
    long wallMs) {

  /** The row for a task that passes with g = 0. */
  static CapacityRow withoutTraining(TaskKey task, Criterion criterion, double initialLoss) {
    return new CapacityRow(task, criterion.label(), 0, initialLoss, initialLoss, 0, 0);
  }

  /** The row whose answer is {@code cell} (or, if {@code found} is false, its largest failure). */
  static CapacityRow fromCell(Criterion criterion, CellResult cell, boolean found, double l0) {
    return new CapacityRow(
        cell.key().task(),
        criterion.label(),
        found ? cell.key().m() : null,
        cell.finalLoss(),
        l0,
        cell.steps(),
        cell.wallMs());
  }

  /**
   * The capacity.csv row ({@link ResultFiles#CAPACITY}), with the precision its cells were trained
   * in (the trainer's, the run's).
   */
  public List<Object> row(Precision precision) {
    return java.util.Arrays.asList(
        task.depth(),
        task.n(),
        task.k(),
        task.d(),
        task.seed(),
        criterion,
        mMin,
        lossAtMMin,
        initialLoss,
        steps,
        wallMs,
        precision.label(),
        task.data(),
        task.adapter());
  }

  /**
   * The identity of a row ({@link ResultFiles#CAPACITY}'s key): resuming skips rows whose key is
   * already in the file.
   */
  public static String key(TaskKey task, String criterion) {
    return ResultFiles.CAPACITY.keyOf(
        Map.of(
            ResultFiles.DEPTH, String.valueOf(task.depth()),
            ResultFiles.N, String.valueOf(task.n()),
            ResultFiles.K, String.valueOf(task.k()),
            ResultFiles.D, String.valueOf(task.d()),
            ResultFiles.SEED, String.valueOf(task.seed()),
            ResultFiles.CRITERION, criterion,
            ResultFiles.DATA, task.data(),
            ResultFiles.ADAPTER, task.adapter()));
  }
}
