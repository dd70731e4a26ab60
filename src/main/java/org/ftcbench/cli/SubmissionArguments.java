package org.ftcbench.cli;

import java.nio.file.Path;
import org.ftcbench.cluster.Submission;
import picocli.CommandLine.Parameters;

/**
 * {@code RUN SUBMISSION}, the first arguments of the hidden commands a Slurm job runs ({@code sweep
 * task}, {@code sweep merge}): the run folder and the number of the submission it belongs to.
 */
final class SubmissionArguments {
  @Parameters(index = "0", paramLabel = "RUN")
  Path run;

  @Parameters(index = "1", paramLabel = "SUBMISSION")
  int number;

  /** The submission as the submitting command recorded it in the run folder. */
  Submission read() {
    return Submission.current(run, number);
  }
}
