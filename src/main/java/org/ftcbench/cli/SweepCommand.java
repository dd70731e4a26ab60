package org.ftcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.capacity.CellTrainer;
import org.ftcbench.capacity.LocalTrainer;
import org.ftcbench.capacity.SweepPlan;
import org.ftcbench.capacity.SweepRunner;
import org.ftcbench.capacity.WorkerHeap;
import org.ftcbench.capacity.WorkerPool;
import org.ftcbench.cluster.SlurmSweep;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.construct.ClipSettings;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ftc-bench sweep --profile P [key=value…] [--machine NAME] [--run DIR]}: the sweeps of
 * profile P into a run folder (docs/design.md): the trained-width sweeps (cells.csv, capacity.csv,
 * failures.csv) and, when it exists, the certified sweep (certify.csv). All settings are read and
 * checked before any work starts; a mistake is one line and exit code 2.
 */
@Command(
    name = "sweep",
    subcommands = {
      SweepSpeedCommand.class,
      SweepWorkerCommand.class,
      SweepStatusCommand.class,
      SweepTaskCommand.class,
      SweepMergeCommand.class
    },
    description = {
      "Run the sweeps of a profile into a run folder benchmarks/results/<machine>/<run>/.",
      "Resumable: --run DIR continues an interrupted run folder, skipping finished cells, with the"
          + " profile, machine and settings it was started with.",
      "--engine slurm submits it as a Slurm job array instead; 'sweep status R' follows it."
    })
final class SweepCommand extends CliCommand {
  @Mixin ProfileOptions profileOptions;

  @Mixin MachineOption machine;

  @Option(
      names = "--run",
      paramLabel = "DIR",
      description =
          "use this run folder: resume it if it exists (with its profile, machine and settings;"
              + " options that would change them are refused), else create it")
  Path run;

  @Mixin SlurmOptions slurm;

  @Option(
      names = "--task-heap",
      paramLabel = "SIZE",
      defaultValue = SlurmSweep.DEFAULT_TASK_HEAP,
      description =
          "with --engine slurm: the JVM heap of each array task, e.g. 2g or 1500m (default"
              + " ${DEFAULT-VALUE}); Slurm reserves 1 GiB more per task")
  String taskHeap;

  @Override
  public Integer call() throws IOException {
    boolean onSlurm = slurm.slurm();
    int taskHeapMiB = SlurmSweep.mebibytes(taskHeap);
    // a resumed run keeps its profile, machine and settings; conflicting options are refused
    Optional<ResumedRun> resumed = run == null ? Optional.empty() : ResumedRun.read(run);
    String name = profileOptions.name("sweep", resumed);
    Map<String, String> given = profileOptions.parsed(Overrides.SWEEP);
    if (resumed.isPresent()) {
      given =
          resumed.get().sweepOverrides(given, Profile.load(Profile.FOLDER, name, Map.of())::has);
    }
    Profile profile = Profile.load(Profile.FOLDER, name, given);
    SweepWork work = SweepWork.read(profile);
    SweepSettings settings = work.settings();
    SweepPlan plan = work.plan();

    Instant start = Instant.now();
    String recorded =
        resumed.isPresent() ? resumed.get().machine(machine.requested()) : machine.requested();
    String machineName = recorded != null ? recorded : machine.name();
    Path runDir =
        run != null ? ResumedRun.openForSweep(run) : RunFolder.create(RESULTS, machineName, start);
    Map<String, Object> previous = resumed.map(ResumedRun::env).orElse(Map.of());

    PrintWriter err = err();
    PrintWriter out = out();
    SweepStamp.write(runDir, profile, machineName, start, previous, false);
    out.println("sweep: profile " + profile.name() + " into " + runDir);
    if (onSlurm) {
      return SweepOnSlurm.run(runDir, profile, work, slurm, taskHeapMiB, out, err);
    }
    long heap = WorkerHeap.forPlan(plan);
    err.println(
        "sweep: "
            + plan.items().size()
            + " tasks, "
            + plan.capacityRows()
            + " capacity rows, "
            + settings.threads()
            + (settings.threads() == 1
                ? " process"
                : " worker processes (heap " + WorkerHeap.option(heap) + " each)"));

    if (!work.certifyPoints().isEmpty()) {
      runCertifiedSweep(runDir, work.certifyPoints(), work.certifyCap(), out, err);
    }

    SweepRunner.Summary summary;
    // one worker process per thread: jblas's BLAS is not safe in two threads of one process
    try (CellTrainer trainer =
        settings.threads() == 1
            ? new LocalTrainer(settings.training())
            : new WorkerPool(
                SweepWorkerCommand.command(heap), settings.threads(), settings.training())) {
      summary =
          new SweepRunner(runDir, trainer, settings.threads(), Progress.trained(err)).run(plan);
    }
    SweepStamp.write(runDir, profile, machineName, start, previous, true);
    out.printf(
        "sweep: done in %s: %d tasks (%d already done), %d cells trained, %d reused, %d capacity"
            + " rows written%n",
        Progress.format(Duration.between(start, Instant.now())),
        summary.items(),
        summary.itemsSkipped(),
        summary.cellsTrained(),
        summary.cellsReused(),
        summary.rowsWritten());
    out.println(runDir); // the last line is the run folder, for scripts
    if (summary.itemsLost() > 0) {
      err.printf(
          "sweep: %d task(s) not finished: a worker process died (failures.csv says which cell and"
              + " how); finish them with: sweep --run %s%n",
          summary.itemsLost(), runDir);
      return Main.EXIT_INTERNAL;
    }
    return 0;
  }

  private static void runCertifiedSweep(
      Path runDir, List<CertifySweep.Point> points, long cap, PrintWriter out, PrintWriter err) {
    CertifySweep.Summary s;
    try (CsvLog log = CsvLog.open(runDir, ResultFiles.CERTIFY)) {
      s =
          CertifySweep.run(
              points, CertifySweep.ALL, ClipSettings.defaults(), cap, log, Progress.certified(err));
    }
    out.printf(
        "certify: %d rows written (%d already there), %d over the tolerance or not built, %d not"
            + " verified (verification above %.0e multiply-adds)%n",
        s.rowsWritten(), s.rowsSkipped(), s.failures().size(), s.tooCostly().size(), (double) cap);
    for (CertifySweep.Failure f : s.failures()) {
      err.println("certify: " + f.oneLine());
    }
  }
}
