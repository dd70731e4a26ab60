package org.ftcbench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.capacity.CellResult;
import org.ftcbench.capacity.SweepItem;
import org.ftcbench.capacity.SweepProgress;
import org.ftcbench.construct.CertifySweep;

/**
 * Where a submitted sweep is, read from the run folder's files alone (no Slurm command): each
 * unit's state file and results. ETA as in a local sweep: the work this submission has done (cells
 * trained, in the units of {@link Unit#cost}) against the time since it was submitted, applied to
 * the work left; unknown until some work is done, and when nothing is left running or pending (the
 * rest failed).
 *
 * @param total the sweep's units
 * @param done finished, including those finished before this submission
 * @param running running with a live heartbeat
 * @param pending not started in this submission
 * @param failed failed, stopped by a signal, or lost (heartbeat stopped)
 * @param failedUnits the failed units' ids and state lines
 * @param cellsTrained cells this submission's tasks trained so far
 * @param cellsBefore cells its tasks found from earlier submissions (reused)
 */
public record ArrayStatus(
    int total,
    int done,
    int running,
    int pending,
    int failed,
    List<String> failedUnits,
    int cellsTrained,
    int cellsBefore,
    Duration elapsed,
    Duration eta) {

  /** The status of the latest submission of {@code runDir}. */
  public static ArrayStatus of(Path runDir, Submission s, Instant now) {
    int done = s.totalUnits() - s.units().size();
    int running = 0;
    int pending = 0;
    int failed = 0;
    List<String> failedUnits = new ArrayList<>();
    int cells = 0;
    double costDone = 0;
    double costAll = 0;
    for (Submission.Entry e : s.units()) {
      UnitFolder f = new UnitFolder(runDir, e.id());
      UnitFolder.State state = f.state(now);
      costAll += e.cost();
      Work w = work(f, e);
      cells += w.cells();
      costDone += state == UnitFolder.State.DONE ? e.cost() : w.cost();
      switch (state) {
        case DONE -> done++;
        case RUNNING -> running++;
        case PENDING -> pending++;
        case FAILED, LOST -> {
          failed++;
          String line = f.stateLine();
          failedUnits.add(
              e.id()
                  + " ("
                  + (state == UnitFolder.State.LOST
                      ? "lost: no heartbeat for " + UnitFolder.STALE.toMinutes() + " min"
                      : line)
                  + ")");
        }
      }
    }
    Duration elapsed = Duration.between(Instant.parse(s.submitted()), now);
    double performed = costDone - s.costBefore();
    Duration eta = null;
    if (done == s.totalUnits()) {
      eta = Duration.ZERO;
    } else if (performed > 0 && running + pending > 0) {
      eta =
          Duration.ofMillis(
              (long) (elapsed.toMillis() * Math.max(0, costAll - costDone) / performed));
    }
    return new ArrayStatus(
        s.totalUnits(),
        done,
        running,
        pending,
        failed,
        List.copyOf(failedUnits),
        cells - s.cellsBefore(),
        s.cellsBefore(),
        elapsed,
        eta);
  }

  /** The same numbers as a local sweep's progress line shows. */
  public SweepProgress.Status progress() {
    return new SweepProgress.Status(done, total, cellsTrained, cellsBefore, elapsed, eta);
  }

  /** Cells in a unit's folder and the work they stand for, capped at the unit's estimate. */
  record Work(int cells, double cost) {}

  static Work work(UnitFolder f, Submission.Entry e) {
    if (e.id().startsWith(Unit.Certified.PREFIX)) {
      int rows = f.certifyRows().size();
      return new Work(0, e.cost() * Math.min(1.0, rows / (double) CertifySweep.ALL.size()));
    }
    List<Map<String, String>> rows = f.cells();
    double cost = 0;
    for (Map<String, String> row : rows) {
      CellResult c = CellResult.fromRow(row);
      cost += SweepItem.cellCost(c.key(), c.steps());
    }
    return new Work(rows.size(), Math.min(cost, e.cost()));
  }
}
