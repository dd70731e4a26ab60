package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.ftcbench.cluster.ArrayStatus;
import org.ftcbench.cluster.Slurm;
import org.ftcbench.cluster.SlurmFiles;
import org.ftcbench.cluster.SlurmSweep;
import org.ftcbench.cluster.Submission;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ftc-bench sweep status R}: where a sweep submitted to Slurm is, from its run folder's
 * files alone (tasks done, running, pending, failed; cells; ETA), plus squeue's view of its jobs
 * when squeue is on PATH.
 */
@Command(
    name = "status",
    description = {
      "Progress of a sweep submitted with --engine slurm, read from its run folder:",
      "tasks done, running, pending and failed, cells trained, ETA; squeue's view if available."
    })
final class SweepStatusCommand extends CliCommand {
  @Parameters(paramLabel = "RUN", description = "the run folder the sweep was submitted with")
  Path run;

  @Override
  public Integer call() {
    if (!Files.isDirectory(run)) {
      throw new BadInputException("RUN " + run + " is not a folder: give the sweep's run folder");
    }
    Submission s = Submission.read(run);
    if (s == null) {
      throw new BadInputException(
          run
              + " was not submitted to Slurm (it has no "
              + SlurmFiles.dir(run).resolve("submission.json")
              + "): a local sweep shows its progress itself");
    }
    PrintWriter out = out();
    ArrayStatus st = ArrayStatus.of(run, s, Instant.now());
    out.printf(
        "sweep status: submission %d (%s): %d/%d tasks done, %d running, %d pending, %d failed;"
            + " %d cells trained, %d reused; elapsed %s, ETA %s%n",
        s.number(),
        s.submitted(),
        st.done(),
        st.total(),
        st.running(),
        st.pending(),
        st.failed(),
        st.cellsTrained(),
        st.cellsBefore(),
        Progress.format(st.elapsed()),
        st.eta() == null ? "unknown" : Progress.format(st.eta()));
    String report = SlurmSweep.mergedReport(run, s);
    if (report != null) {
      out.println("merged; report: " + report);
    }
    for (String f : st.failedUnits()) {
      out.println("failed: " + f);
    }
    if (Slurm.onPath("squeue")) {
      String q = SlurmSweep.queueLine(Slurm.connect(), s);
      out.println("squeue: " + (q == null ? "did not answer" : q));
    }
    return 0;
  }
}
