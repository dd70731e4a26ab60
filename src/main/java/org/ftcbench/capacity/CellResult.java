package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.ResultFiles;

/**
 * The outcome of training one cell, a row of cells.csv.
 *
 * @param key the cell
 * @param finalLoss the lowest ℓ_FT reached (NaN if the training failed)
 * @param initialLoss ℓ_FT(g = 0), where training starts
 * @param steps Adam updates done
 * @param wallMs wall-clock time of the training in milliseconds
 * @param failure why the training failed (NaN or diverging loss), or null
 */
public record CellResult(
    CellKey key, double finalLoss, double initialLoss, int steps, long wallMs, String failure) {

  public boolean failed() {
    return failure != null;
  }

  /**
   * Whether the cell fits the task under {@code criterion}, judged against the task's ℓ_FT(g = 0)
   * ({@link AdapterTraining#initialLoss}), the same for every cell of the task.
   */
  public boolean passes(Criterion criterion, double taskInitialLoss) {
    return !failed() && criterion.passes(finalLoss, taskInitialLoss);
  }

  /**
   * The cells.csv row ({@link ResultFiles#CELLS}), with the precision its cells were trained in
   * (the trainer's, the run's). Doubles are written in full (Double.toString round-trips exactly).
   */
  public List<Object> row(Precision precision) {
    return columns(
        key.task(), key.m(), List.of(finalLoss, initialLoss, steps, wallMs, precision.label()));
  }

  /** The failures.csv row ({@link ResultFiles#FAILURES}); only for a failed cell. */
  public List<Object> failureRow() {
    return failureRow(key.task(), key.m(), steps, failure);
  }

  /**
   * A failures.csv row ({@link ResultFiles#FAILURES}): the cell (task, m) of a task, the step it
   * failed at (−1: its worker died) and why.
   */
  static List<Object> failureRow(TaskKey task, int m, int step, String reason) {
    return columns(task, m, Arrays.asList(step, reason));
  }

  /** A cell's columns in the order cells.csv and failures.csv share, around a file's own. */
  private static List<Object> columns(TaskKey t, int m, List<?> own) {
    List<Object> row = new ArrayList<>(List.of(t.depth(), t.n(), t.k(), t.d(), m, t.seed()));
    row.addAll(own);
    row.add(t.data());
    row.add(t.adapter());
    return row;
  }

  /** Reads a cells.csv row back; the failure reason lives in failures.csv and is not restored. */
  public static CellResult fromRow(Map<String, String> row) {
    CellKey key =
        new CellKey(
            Integer.parseInt(row.get(ResultFiles.DEPTH)),
            Integer.parseInt(row.get(ResultFiles.N)),
            Integer.parseInt(row.get(ResultFiles.K)),
            Integer.parseInt(row.get(ResultFiles.D)),
            Integer.parseInt(row.get(ResultFiles.M)),
            Long.parseLong(row.get(ResultFiles.SEED)),
            row.get(ResultFiles.DATA),
            row.get(ResultFiles.ADAPTER));
    double finalLoss = Double.parseDouble(row.get(ResultFiles.FINAL_LOSS));
    return new CellResult(
        key,
        finalLoss,
        Double.parseDouble(row.get(ResultFiles.INITIAL_LOSS)),
        Integer.parseInt(row.get(ResultFiles.STEPS)),
        Long.parseLong(row.get(ResultFiles.WALL_MS)),
        Double.isNaN(finalLoss) ? "failed in an earlier invocation (see failures.csv)" : null);
  }
}
