package org.ftcbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Option;

/**
 * The options that send a command's work to a Slurm cluster instead of running it here ({@code
 * sweep} and {@code bench}; docs/cluster.md).
 */
final class SlurmOptions {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "local",
      description =
          "where the work runs: local (this machine, default) or slurm (jobs on the Slurm cluster"
              + " that sbatch reaches)")
  String engine;

  @Option(
      names = "--partition",
      paramLabel = "P",
      description = "with --engine slurm: the Slurm partition to submit to")
  String partition;

  @Option(
      names = "--sbatch",
      paramLabel = "OPTION",
      description =
          "with --engine slurm: one more sbatch option for every job, e.g."
              + " --sbatch=--time=04:00:00 (repeatable)")
  List<String> sbatch = new ArrayList<>();

  @Option(
      names = "--detach",
      description = "with --engine slurm: submit and return at once instead of waiting")
  boolean detach;

  /** Whether the work goes to Slurm; checks the options first (exit 2 on a mistake). */
  boolean slurm() {
    if (!engine.equals("local") && !engine.equals("slurm")) {
      throw new BadInputException("--engine " + engine + ": choose local or slurm");
    }
    boolean slurm = engine.equals("slurm");
    if (!slurm && (partition != null || !sbatch.isEmpty() || detach)) {
      throw new BadInputException(
          "--partition, --sbatch and --detach go with --engine slurm: add it, or drop them");
    }
    return slurm;
  }

  /** The sbatch options of every job: the partition, then the user's own (which win). */
  List<String> sbatchOptions() {
    List<String> opts = new ArrayList<>();
    if (partition != null) {
      opts.add("--partition=" + partition);
    }
    opts.addAll(sbatch);
    return opts;
  }
}
