package org.ftcbench.cluster;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ftcbench.capacity.DaemonThreads;
import org.ftcbench.capacity.LocalTrainer;
import org.ftcbench.capacity.SweepPlan;
import org.ftcbench.capacity.SweepProgress;
import org.ftcbench.capacity.SweepRunner;
import org.ftcbench.capacity.TrainingSettings;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.construct.ClipSettings;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;

/**
 * Runs one {@link Unit} in its own folder, with the code a local sweep runs: a trained unit is a
 * one-item {@link SweepPlan} for {@link SweepRunner} with a {@link LocalTrainer} (one CPU), a
 * certified unit one point of {@link CertifySweep}. Both resume from the unit's files, so a task
 * that was cut off and runs again trains only the cells it lacks. The state file says running
 * (touched every {@link UnitFolder#HEARTBEAT}), then done or failed; a signal (scancel, a time
 * limit) leaves "failed: stopped by a signal".
 */
public final class UnitRunner {
  private UnitRunner() {}

  /** What the unit did, for its log. */
  public record Summary(String text) {}

  public static Summary run(
      Path runDir,
      Unit unit,
      TrainingSettings training,
      SweepProgress trainProgress,
      CertifySweep.Progress certifyProgress) {
    UnitFolder folder = new UnitFolder(runDir, unit.id());
    folder.writeState(
        "running " + hostName() + " " + ProcessHandle.current().pid() + " " + Instant.now());
    AtomicBoolean finished = new AtomicBoolean();
    Thread onSignal =
        new Thread(
            () -> {
              if (!finished.get()) {
                folder.writeState("failed: stopped by a signal (scancel, time limit or shutdown)");
              }
            },
            "unit-state-on-exit");
    Runtime.getRuntime().addShutdownHook(onSignal);
    ScheduledExecutorService beat =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("unit-heartbeat"));
    long period = UnitFolder.HEARTBEAT.toMillis();
    beat.scheduleAtFixedRate(folder::heartbeat, period, period, TimeUnit.MILLISECONDS);
    try {
      Summary s = runIn(folder.dir(), unit, training, trainProgress, certifyProgress);
      finished.set(true);
      folder.writeState("done " + Instant.now() + " " + s.text());
      return s;
    } catch (RuntimeException | Error e) {
      finished.set(true);
      folder.writeState("failed: " + String.valueOf(e).replaceAll("\\s+", " "));
      throw e;
    } finally {
      beat.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException e) {
        // shutting down already: the hook sees finished and leaves the state alone
      }
    }
  }

  private static Summary runIn(
      Path dir,
      Unit unit,
      TrainingSettings training,
      SweepProgress trainProgress,
      CertifySweep.Progress certifyProgress) {
    if (unit instanceof Unit.Trained t) {
      try (LocalTrainer trainer = new LocalTrainer(training)) {
        SweepRunner.Summary s =
            new SweepRunner(dir, trainer, 1, trainProgress).run(new SweepPlan(List.of(t.item())));
        return new Summary(s.cellsTrained() + " cells trained, " + s.cellsReused() + " reused");
      }
    }
    Unit.Certified c = (Unit.Certified) unit;
    try (CsvLog log = CsvLog.open(dir, ResultFiles.CERTIFY)) {
      CertifySweep.Summary s =
          CertifySweep.run(
              List.of(c.point()),
              CertifySweep.ALL,
              ClipSettings.defaults(),
              c.cap(),
              log,
              certifyProgress);
      return new Summary(
          s.rowsWritten()
              + " certify rows, "
              + s.failures().size()
              + " over the tolerance, "
              + s.tooCostly().size()
              + " not verified"
              + s.failures().stream()
                  .map(f -> "; " + f.oneLine())
                  .collect(java.util.stream.Collectors.joining()));
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }
}
