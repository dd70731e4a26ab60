package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.cluster.Slurm;
import org.ftcbench.cluster.SlurmBench;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.RunFolder;

/**
 * {@code bench --engine slurm [--nodes A,B | --partition P]}: the kernel benchmarks once on each
 * node, each in a job that has its node to itself and writes its own run folder under that
 * machine's name ({@link SlurmBench}). Waits, then prints the run folders, one per line; {@code
 * report} shows them by machine and {@code compare} takes any two.
 */
final class BenchOnSlurm {
  private BenchOnSlurm() {}

  static int run(BenchCommand c, String profile, PrintWriter out, PrintWriter err) {
    if (!c.slurm.slurm()) {
      throw new BadInputException("--nodes goes with --engine slurm: add it, or drop --nodes");
    }
    if (c.run != null || c.machine.given != null) {
      throw new BadInputException(
          "--run and --machine do not go with --engine slurm: each node writes its own run folder"
              + " under its own machine name");
    }
    Slurm slurm = Slurm.connect();
    List<String> nodes =
        !c.nodes.isEmpty()
            ? List.copyOf(new java.util.LinkedHashSet<>(c.nodes))
            : c.slurm.partition != null ? slurm.nodes(c.slurm.partition) : List.of();
    List<String> args = new ArrayList<>(List.of("--profile", profile));
    args.addAll(c.profileOptions.overrides);
    Path logDir =
        CliCommand.RESULTS.resolve(".slurm-bench").resolve(RunFolder.runId(Instant.now()));
    List<SlurmBench.NodeJob> jobs =
        SlurmBench.submit(
            slurm,
            new SlurmBench.Request(
                Path.of(""),
                nodes,
                SweepWorkerCommand.java(),
                args,
                c.slurm.sbatchOptions(),
                logDir.toAbsolutePath()));
    for (SlurmBench.NodeJob j : jobs) {
      err.println(
          "bench: node " + j.node() + ": job " + j.id() + " (exclusive), output " + j.out());
    }
    if (c.slurm.detach) {
      out.println(
          "bench: submitted; each job's last output line is its run folder (" + logDir + ")");
      return 0;
    }
    int[] last = {-1};
    List<SlurmBench.NodeResult> results =
        SlurmBench.await(
            slurm,
            Path.of("").toAbsolutePath(),
            jobs,
            SweepOnSlurm.POLL,
            left -> {
              if (left != last[0]) {
                err.printf("bench: %d/%d nodes done%n", jobs.size() - left, jobs.size());
                err.flush();
                last[0] = left;
              }
            });
    int failed = 0;
    for (SlurmBench.NodeResult r : results) {
      if (r.runFolder() == null) {
        failed++;
        err.println("bench: node " + r.job().node() + ": " + r.error());
      }
    }
    if (results.size() - failed >= 2) {
      err.println("bench: compare any two with 'ftc-bench compare RUN_A RUN_B'");
    }
    for (SlurmBench.NodeResult r : results) {
      if (r.runFolder() != null) {
        out.println(r.runFolder());
      }
    }
    return failed == 0 ? 0 : Main.EXIT_INTERNAL;
  }
}
