package org.ftcbench.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.ftcbench.bench.BlasConfig;
import org.ftcbench.results.AtomicFiles;

/**
 * A batch script as sbatch runs it: one command, every argument quoted for bash, kept in the run
 * folder so that a reader sees exactly what ran.
 */
final class BatchScript {
  private BatchScript() {}

  /**
   * Writes {@code file}: a comment, the node's own host name (Slurm hands the job the submitting
   * shell's environment, and the environment stamp reads HOSTNAME), the submitter's BLAS choice
   * forgotten (the job chooses its node's), then {@code exec command} with {@code tail} appended
   * unquoted (e.g. {@code "$SLURM_ARRAY_TASK_ID"}).
   */
  static Path write(Path file, String comment, List<String> command, String tail) {
    String line =
        command.stream().map(BatchScript::quote).collect(Collectors.joining(" "))
            + (tail.isEmpty() ? "" : " " + tail);
    AtomicFiles.writeString(
        file,
        "#!/bin/bash\n"
            + "# "
            + comment
            + "\n"
            + "export HOSTNAME=\"$(hostname)\"\n"
            // the node chooses its own BLAS as the submitter asked ($FTC_BLAS): the submitting
            // JVM's choice fits its own CPU, and the launcher it watches is not on this node
            + "unset "
            + BlasConfig.APPLIED
            + " "
            + BlasConfig.LAUNCHER_PID
            + "\n"
            + "exec "
            + line
            + "\n");
    return file;
  }

  /** {@code s} in single quotes, its own single quotes written as '\''. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
