package org.ftcbench.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ftcbench.data.BadInputException;

/**
 * The Slurm commands the engine uses, run as processes: {@code sbatch}, {@code squeue}, {@code
 * sinfo}. They find the cluster as a user's shell does ({@code SLURM_CONF}, or the system's
 * slurm.conf). No scheduler logic lives here: Slurm decides where and when jobs run.
 */
public final class Slurm {
  private static final long TIMEOUT_SECONDS = 60;

  /** One job (or array task) in the queue: its id, state (PENDING, RUNNING, …) and reason. */
  public record Job(String id, String state, String reason) {}

  private Slurm() {}

  /** The cluster this process can reach; exit 2 with what to do if Slurm's commands are missing. */
  public static Slurm connect() {
    if (onPath("sbatch")) {
      return new Slurm();
    }
    throw new BadInputException(
        "--engine slurm: sbatch is not on PATH: run on a Slurm login node, or start the one-node"
            + " cluster with 'eval \"$(scripts/slurm-cluster.sh start)\"' (docs/cluster.md)");
  }

  /** Whether {@code command} (sbatch, squeue, …) is an executable on PATH. */
  public static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Submits a batch script and returns the job id. sbatch's refusal (an unknown partition, a bad
   * option) is the user's to fix: exit 2 with sbatch's own message.
   */
  public String submit(List<String> options, String script) {
    List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
    cmd.addAll(options);
    cmd.add(script);
    Result r = run(cmd);
    if (r.code != 0) {
      throw new BadInputException(
          "sbatch refused the job: " + oneLine(r.err.isBlank() ? r.out : r.err));
    }
    String id = r.out.strip();
    int semicolon = id.indexOf(';'); // "ID;cluster" on multi-cluster setups
    return semicolon >= 0 ? id.substring(0, semicolon) : id;
  }

  /**
   * The jobs of these ids still in the queue (pending, running or completing), each array task on
   * its own line or a pending range as one; empty when none is left; empty Optional when squeue
   * could not answer (the controller is busy or restarting: ask again later).
   */
  public Optional<List<Job>> queue(List<String> ids) {
    if (ids.isEmpty()) {
      return Optional.of(List.of());
    }
    Result r = run(List.of("squeue", "-h", "-j", String.join(",", ids), "-o", "%i %T %r"));
    if (r.code != 0) {
      // jobs that finished more than MinJobAge ago are unknown ids: nothing left
      return r.err.contains("Invalid job id") ? Optional.of(List.of()) : Optional.empty();
    }
    List<Job> jobs = new ArrayList<>();
    for (String line : r.out.strip().split("\n")) {
      String[] f = line.strip().split(" ", 3);
      if (f.length >= 2) {
        jobs.add(new Job(f[0], f[1], f.length == 3 ? f[2] : ""));
      }
    }
    return Optional.of(jobs);
  }

  /**
   * Returns once none of these jobs is in the queue, asking squeue every {@code poll} and handing
   * each answer (the jobs still there) to {@code eachPoll}; an unanswered poll is skipped.
   */
  public void awaitGone(List<String> ids, Duration poll, Consumer<List<Job>> eachPoll) {
    while (true) {
      Optional<List<Job>> q = queue(ids);
      if (q.isPresent()) {
        eachPoll.accept(q.get());
        if (q.get().isEmpty()) {
          return;
        }
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for jobs " + ids, e);
      }
    }
  }

  /** Cancels a job (all its array tasks); a job that already ended is no error. */
  public void cancel(String id) {
    run(List.of("scancel", id));
  }

  /** The nodes of a partition (of the default partition when null), each once, in sinfo's order. */
  public List<String> nodes(String partition) {
    List<String> cmd = new ArrayList<>(List.of("sinfo", "-h", "-N", "-o", "%N"));
    if (partition != null) {
      cmd.addAll(List.of("-p", partition));
    }
    Result r = run(cmd);
    if (r.code != 0) {
      throw new BadInputException("sinfo could not list the nodes: " + oneLine(r.err));
    }
    LinkedHashSet<String> nodes = new LinkedHashSet<>();
    for (String line : r.out.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(line.strip());
      }
    }
    if (nodes.isEmpty()) {
      throw new BadInputException(
          "partition " + partition + " has no nodes: name another with --partition (see sinfo)");
    }
    return List.copyOf(nodes);
  }

  private record Result(int code, String out, String err) {}

  private static Result run(List<String> cmd) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("ftc-slurm-", ".out");
      err = Files.createTempFile("ftc-slurm-", ".err");
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", cmd.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, "", cmd.get(0) + " could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    } finally {
      for (Path f : new Path[] {out, err}) {
        try {
          if (f != null) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          // a leftover temporary file is harmless
        }
      }
    }
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
