package org.ftcbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.cluster.Merge;
import org.ftcbench.cluster.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ftc-bench sweep merge R S} (hidden): the merge job of submission S. Merges every unit's
 * files into run folder R ({@link Merge}), then writes the report as {@code report} does: every run
 * under benchmarks/results when R is one of them, else R alone.
 */
@Command(name = "merge", hidden = true, description = "Merge a Slurm sweep's tasks into its run.")
final class SweepMergeCommand extends CliCommand {
  @Mixin SubmissionArguments submission;

  @Override
  public Integer call() {
    PrintWriter out = out();
    PrintWriter err = err();
    Submission s = submission.read();
    Path run = submission.run;
    Merge.Summary merged = Merge.run(run);
    out.println("sweep merge: rows appended " + merged.appended());
    Path results = RESULTS.toAbsolutePath().normalize();
    boolean inResults = run.toAbsolutePath().normalize().startsWith(results);
    StringWriter reportOut = new StringWriter();
    int code =
        Main.run(
            inResults ? new String[] {"report"} : new String[] {"report", run.toString()},
            new PrintWriter(reportOut, true),
            err);
    if (code != 0) {
      err.println("sweep merge: the report failed (exit " + code + "); the run folder is merged");
      return code;
    }
    List<String> lines = reportOut.toString().strip().lines().toList();
    Path index = Path.of(lines.get(lines.size() - 1));
    Merge.markMerged(run, s, merged, index);
    out.println("report: " + index);
    return 0;
  }
}
