package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ftcbench.capacity.SweepProgress;
import org.ftcbench.cluster.ArrayStatus;
import org.ftcbench.cluster.Slurm;
import org.ftcbench.cluster.SlurmFiles;
import org.ftcbench.cluster.SlurmSweep;
import org.ftcbench.cluster.Submission;
import org.ftcbench.cluster.Unit;

/**
 * {@code sweep --engine slurm}: submits the sweep's unfinished units as a job array plus a merge
 * job ({@link SlurmSweep}), then waits with the local sweep's progress line and ends as a local
 * sweep does, with the run folder as the last line; {@code --detach} returns after submitting.
 */
final class SweepOnSlurm {
  /** How often the waiting command reads the files and asks squeue. */
  static final Duration POLL = Duration.ofSeconds(2);

  private SweepOnSlurm() {}

  static int run(
      Path runDir,
      Profile profile,
      SweepWork work,
      SlurmOptions options,
      int heapMiB,
      PrintWriter out,
      PrintWriter err) {
    Slurm slurm = Slurm.connect();
    List<Unit> units = Unit.of(work.plan(), work.certifyPoints(), work.certifyCap());
    Submission s =
        SlurmSweep.submit(
            slurm,
            new SlurmSweep.Request(
                runDir,
                Path.of(""),
                profile.name(),
                // every sweep.* value as this command runs it: the tasks plan exactly this sweep
                profile.entries("sweep.").entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .toList(),
                units,
                SweepWorkerCommand.java("-Xmx" + heapMiB + "m"),
                heapMiB,
                options.sbatchOptions()));
    err.printf(
        "sweep: %d tasks (%d certified points, %d trained), %d already done: %s, then merge job"
            + " %s (afterok)%n",
        units.size(),
        work.certifyPoints().size(),
        work.plan().items().size(),
        units.size() - s.units().size(),
        s.arrayJob() == null
            ? "no array"
            : "job array "
                + s.arrayJob()
                + " of "
                + s.units().size()
                + " tasks, 1 CPU and a "
                + heapMiB
                + " MiB heap each",
        s.mergeJob());
    err.flush();
    if (options.detach) {
      out.println(
          "sweep: submitted; follow with 'ftc-bench sweep status "
              + runDir
              + "' (logs in "
              + SlurmFiles.dir(runDir)
              + ")");
      out.println(runDir);
      return 0;
    }
    SweepProgress printer = Progress.trained(err);
    // Ctrl-C stops the waiting, not the jobs: say how to follow them
    Thread hint =
        new Thread(
            () -> {
              err.println(
                  "sweep: stopped waiting; the jobs go on: follow them with 'ftc-bench sweep"
                      + " status "
                      + runDir
                      + "'");
              err.flush();
            });
    Runtime.getRuntime().addShutdownHook(hint);
    SlurmSweep.Outcome o =
        SlurmSweep.await(slurm, runDir, s, POLL, status -> printer.update(status.progress()));
    Runtime.getRuntime().removeShutdownHook(hint);
    ArrayStatus st = o.status();
    if (!o.merged()) {
      Path logs = SlurmFiles.dir(runDir).resolve("logs");
      err.println(
          "sweep: the jobs ended without merging: "
              + (st.done() == st.total()
                  ? "every task finished, but merge job "
                      + s.mergeJob()
                      + " did not (see "
                      + logs.resolve("merge-" + s.mergeJob() + ".out")
                      + ")"
                  : st.failed()
                      + " failed"
                      + (st.failedUnits().isEmpty()
                          ? ""
                          : " (" + String.join("; ", st.failedUnits()) + ")")
                      + ", "
                      + st.pending()
                      + " never started (logs in "
                      + logs
                      + ")")
              + ". Finished work is kept: submit the same command with --run "
              + runDir
              + " to finish the rest");
      return Main.EXIT_INTERNAL;
    }
    out.printf(
        "sweep: done in %s: %d tasks (%d already done), %d cells trained, %d reused; merged by"
            + " job %s%n",
        Progress.format(st.elapsed()),
        st.total(),
        st.total() - s.units().size(),
        st.cellsTrained(),
        st.cellsBefore(),
        s.mergeJob());
    out.println("report: " + o.report());
    out.println(runDir); // the last line is the run folder, for scripts
    return 0;
  }
}
