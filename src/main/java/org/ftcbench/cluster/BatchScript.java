package org.ftcbench.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.ftcbench.results.AtomicFiles;

/**
 * A batch script as sbatch runs it: one command, every argument quoted for bash, kept in the run
 * folder so that a reader sees exactly what ran.
 */
final class BatchScript {
  private BatchScript() {}

  /**
   * Writes {@code file}: a comment, the node's own host name (Slurm hands the job the submitting
   * shell's environment, and the environment stamp reads HOSTNAME), then {@code exec command} with
   * {@code tail} appended unquoted (e.g. {@code "$SLURM_ARRAY_TASK_ID"}).
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
