package org.ftcbench.cluster;

import java.nio.file.Path;

/**
 * Where a sweep on Slurm keeps its bookkeeping inside the run folder R, beside the usual result
 * files (which only the merge job writes):
 *
 * <pre>
 *   R/slurm/submission.json       the latest submission: units in array order, job ids ({@link Submission})
 *   R/slurm/task-S.sh, merge-S.sh   the batch scripts of submission S, as submitted
 *   R/slurm/logs/JOB_INDEX.out    each array task's output; merge-JOB.out the merge job's
 *   R/slurm/units/ID/             each unit's own result files and state ({@link UnitFolder})
 *   R/slurm/merged.json           written by the merge job when it has merged a submission
 * </pre>
 */
public final class SlurmFiles {
  private SlurmFiles() {}

  public static Path dir(Path runDir) {
    return runDir.resolve("slurm");
  }

  static Path units(Path runDir) {
    return dir(runDir).resolve("units");
  }

  static Path logs(Path runDir) {
    return dir(runDir).resolve("logs");
  }

  static Path submission(Path runDir) {
    return dir(runDir).resolve("submission.json");
  }

  static Path merged(Path runDir) {
    return dir(runDir).resolve("merged.json");
  }
}
