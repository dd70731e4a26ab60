package org.ftcbench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ftcbench.results.RunFolder;

/**
 * The kernel benchmarks once on each of several nodes: one job per node, with the node to itself
 * ({@code --exclusive}: a benchmark must not share its cores). Each job runs {@code bench} as it
 * would run on that machine, so it writes its own run folder under its own machine name with its
 * own env.json. A job's stdout ends with its run folder, as {@code bench} prints it.
 */
public final class SlurmBench {
  private SlurmBench() {}

  /**
   * What to submit.
   *
   * @param workdir the jobs' working directory (profiles, benchmarks/results)
   * @param nodes the nodes, each once; empty: one node, Slurm's choice
   * @param java the command that starts ftc-bench's main class
   * @param benchArgs {@code bench}'s arguments on every node (profile, overrides)
   * @param sbatchOptions options for every job (--partition, the user's own)
   * @param logDir where the scripts and each job's stdout and stderr go
   */
  public record Request(
      Path workdir,
      List<String> nodes,
      List<String> java,
      List<String> benchArgs,
      List<String> sbatchOptions,
      Path logDir) {}

  /** One submitted job: its node ("any" when Slurm chooses), id and output files. */
  public record NodeJob(String node, String id, Path out, Path err) {}

  /** How one node's job ended: its run folder, or why there is none. */
  public record NodeResult(NodeJob job, Path runFolder, String error) {}

  public static List<NodeJob> submit(Slurm slurm, Request r) {
    try {
      Files.createDirectories(r.logDir());
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + r.logDir(), e);
    }
    List<String> cmd = new ArrayList<>(r.java());
    cmd.add("bench");
    cmd.addAll(r.benchArgs());
    List<NodeJob> jobs = new ArrayList<>();
    for (String node : r.nodes().isEmpty() ? List.of("any") : r.nodes()) {
      Path script =
          BatchScript.write(
              r.logDir().resolve(node + ".sh"),
              "ftc-bench kernel benchmarks on node " + node + ", which this job has to itself",
              cmd,
              "");
      Path out = r.logDir().resolve(node + ".out");
      Path err = r.logDir().resolve(node + ".err");
      List<String> opts =
          new ArrayList<>(
              List.of(
                  "--job-name=ftc-bench",
                  "--chdir=" + r.workdir().toAbsolutePath().normalize(),
                  "--nodes=1",
                  "--exclusive",
                  "--output=" + out,
                  "--error=" + err));
      if (!node.equals("any")) {
        opts.add("--nodelist=" + node);
      }
      opts.addAll(r.sbatchOptions());
      jobs.add(new NodeJob(node, slurm.submit(opts, script.toString()), out, err));
    }
    return jobs;
  }

  /**
   * Waits until none of the jobs is queued, telling {@code progress} how many are left every {@code
   * poll}; then reads each job's run folder from its stdout.
   */
  public static List<NodeResult> await(
      Slurm slurm, Path workdir, List<NodeJob> jobs, Duration poll, Consumer<Integer> progress) {
    slurm.awaitGone(
        jobs.stream().map(NodeJob::id).toList(), poll, left -> progress.accept(left.size()));
    List<NodeResult> results = new ArrayList<>();
    for (NodeJob j : jobs) {
      results.add(result(workdir, j));
    }
    return results;
  }

  private static NodeResult result(Path workdir, NodeJob j) {
    List<String> out = lines(j.out());
    // bench prints its run folder as it named it, relative to the job's working directory
    Path run = out.isEmpty() ? null : workdir.resolve(out.get(out.size() - 1).strip());
    if (run != null && Files.isRegularFile(run.resolve(RunFolder.JMH))) {
      return new NodeResult(j, run, null);
    }
    List<String> err = lines(j.err());
    String last = err.isEmpty() ? "no output" : err.get(err.size() - 1).strip();
    return new NodeResult(
        j, null, "job " + j.id() + " wrote no results: " + last + " (see " + j.err() + ")");
  }

  private static List<String> lines(Path f) {
    try {
      return Files.exists(f)
          ? Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList()
          : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
