package org.ftcbench.capacity;

import java.util.List;
import java.util.Map;
import org.ftcbench.nn.Precision;

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

  /** cells.csv's columns (docs/design.md). */
  public static final List<String> COLUMNS =
      List.of(
          "depth",
          "N",
          "K",
          "d",
          "m",
          "seed",
          "final_loss",
          "initial_loss",
          "steps",
          "wall_ms",
          "precision");

  /** failures.csv's columns: the failed cell and why it failed. */
  public static final List<String> FAILURE_COLUMNS =
      List.of("depth", "N", "K", "d", "m", "seed", "step", "reason");

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

  /** The cells.csv row. Doubles are written in full (Double.toString round-trips exactly). */
  /** The row, with the precision its cells were trained in (the trainer's, the run's). */
  public List<Object> row(Precision precision) {
    return List.of(
        key.depth(),
        key.n(),
        key.k(),
        key.d(),
        key.m(),
        key.seed(),
        finalLoss,
        initialLoss,
        steps,
        wallMs,
        precision.label());
  }

  /** The failures.csv row; only for a failed cell. */
  public List<Object> failureRow() {
    return List.of(key.depth(), key.n(), key.k(), key.d(), key.m(), key.seed(), steps, failure);
  }

  /** Reads a cells.csv row back; the failure reason lives in failures.csv and is not restored. */
  public static CellResult fromRow(Map<String, String> row) {
    CellKey key =
        new CellKey(
            Integer.parseInt(row.get("depth")),
            Integer.parseInt(row.get("N")),
            Integer.parseInt(row.get("K")),
            Integer.parseInt(row.get("d")),
            Integer.parseInt(row.get("m")),
            Long.parseLong(row.get("seed")));
    double finalLoss = Double.parseDouble(row.get("final_loss"));
    return new CellResult(
        key,
        finalLoss,
        Double.parseDouble(row.get("initial_loss")),
        Integer.parseInt(row.get("steps")),
        Long.parseLong(row.get("wall_ms")),
        Double.isNaN(finalLoss) ? "failed in an earlier invocation (see failures.csv)" : null);
  }
}
