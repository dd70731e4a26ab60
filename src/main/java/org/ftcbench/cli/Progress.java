package org.ftcbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.ftcbench.capacity.SweepProgress;
import org.ftcbench.construct.CertifySweep;

/**
 * The progress lines of a sweep on stderr (docs/design.md: done/total, elapsed, ETA), the same
 * whether it runs here, as a Slurm array task, or is followed from its run folder.
 */
final class Progress {
  private Progress() {}

  /**
   * The trained sweep's lines: when something changed, at most one every 5 seconds; otherwise one a
   * minute, so a long cell still shows the clock; and the last one.
   */
  static SweepProgress trained(PrintWriter err) {
    long[] last = {0, -1, 0};
    return s -> {
      long now = System.nanoTime();
      // a task whose cell was lost to a dead worker will not finish in this invocation
      boolean finished = s.itemsDone() + s.cellsLost() >= s.itemsTotal();
      long state = s.itemsDone() * 1_000_003L + s.cellsTrained() + 7_919L * s.cellsLost();
      synchronized (last) {
        long wait = state != last[1] ? 5_000_000_000L : 60_000_000_000L;
        boolean newLoss = s.cellsLost() > last[2]; // shown at once
        if (!newLoss && (finished ? state == last[1] : now - last[0] < wait)) {
          return;
        }
        last[0] = now;
        last[1] = state;
        last[2] = s.cellsLost();
        err.printf(
            "sweep: %d/%d tasks, %d cells trained, %d reused%s, elapsed %s, ETA %s%n",
            s.itemsDone(),
            s.itemsTotal(),
            s.cellsTrained(),
            s.cellsReused(),
            s.cellsLost() == 0
                ? ""
                : ", " + s.cellsLost() + " lost (worker died, see failures.csv)",
            format(s.elapsed()),
            s.eta() == null ? "unknown" : format(s.eta()));
        err.flush();
      }
    };
  }

  /** The certified sweep's lines: one per construction built, with elapsed time and ETA. */
  static CertifySweep.Progress certified(PrintWriter err) {
    long t0 = System.nanoTime();
    return (done, total) -> {
      double secs = (System.nanoTime() - t0) / 1e9;
      err.printf(
          Locale.ROOT,
          "certify: %d/%d constructions, %.0f s elapsed, ETA %.0f s%n",
          done,
          total,
          secs,
          done == 0 ? Double.NaN : secs * (total - done) / done);
    };
  }

  /** 42s, 3m07s, 2h05m09s. */
  static String format(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
    }
    if (s >= 60) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }
}
