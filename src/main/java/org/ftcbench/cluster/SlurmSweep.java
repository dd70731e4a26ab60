package org.ftcbench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ftcbench.data.BadInputException;

/**
 * A sweep as Slurm jobs: a job array with one task per unfinished {@link Unit} (heaviest first, one
 * CPU and a bounded heap each), and a merge job that runs after it (afterok) and is cancelled if a
 * task fails (--kill-on-invalid-dep=yes, so it never waits forever). Every task runs {@code sweep
 * task R S I}, the merge job {@code sweep merge R S}: the same code as a local sweep.
 */
public final class SlurmSweep {
  /**
   * The JVM heap of an array task unless the user says otherwise: enough for the quick and standard
   * profiles' largest cells and certified points (a bound from each task's size can replace it).
   * Slurm reserves {@link #JVM_OVERHEAD_MIB} more per task for the JVM and jblas.
   */
  public static final String DEFAULT_TASK_HEAP = "2g";

  static final int JVM_OVERHEAD_MIB = 1024;

  /** A JVM heap size such as 2g, 1500m or 4096 (MiB) in MiB; exit 2 if it is not one. */
  public static int mebibytes(String size) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)([kKmMgGtT]?)").matcher(size.strip());
    if (!m.matches()) {
      throw new BadInputException(
          "--task-heap " + size + " is not a heap size: write e.g. 2g or 1500m");
    }
    long n = Long.parseLong(m.group(1));
    long mib =
        switch (m.group(2).toLowerCase()) {
          case "k" -> n / 1024;
          case "g" -> n * 1024;
          case "t" -> n * 1024 * 1024;
          default -> n; // m, or none: MiB, as sbatch --mem reads it
        };
    if (mib < 64 || mib > Integer.MAX_VALUE) {
      throw new BadInputException("--task-heap " + size + ": choose between 64m and a few t");
    }
    return (int) mib;
  }

  private SlurmSweep() {}

  /**
   * What to submit.
   *
   * @param runDir the run folder (on a filesystem every node sees)
   * @param workdir the jobs' working directory (where the profiles are)
   * @param units every unit of the sweep, heaviest first
   * @param java the command that starts ftc-bench's main class with the task heap
   * @param heapMiB that heap, in MiB: Slurm reserves it plus {@link #JVM_OVERHEAD_MIB} per task
   * @param sbatchOptions options for every job (--partition, the user's own)
   */
  public record Request(
      Path runDir,
      Path workdir,
      String profile,
      List<String> overrides,
      List<Unit> units,
      List<String> java,
      int heapMiB,
      List<String> sbatchOptions) {}

  /** Submits the unfinished units and the merge job; returns the submission as written. */
  public static Submission submit(Slurm slurm, Request r) {
    Path runDir = r.runDir().toAbsolutePath().normalize();
    requireIdle(slurm, runDir);
    List<Submission.Entry> todo = new ArrayList<>();
    double costBefore = 0;
    int cellsBefore = 0;
    for (Unit u : r.units()) {
      UnitFolder f = new UnitFolder(runDir, u.id());
      if (f.finished(u, runDir)) {
        continue;
      }
      f.clearState();
      Submission.Entry e = new Submission.Entry(u.id(), u.cost());
      ArrayStatus.Work w = ArrayStatus.work(f, e);
      costBefore += w.cost();
      cellsBefore += w.cells();
      todo.add(e);
    }
    Submission previous = Submission.read(runDir);
    int number = previous == null ? 1 : previous.number() + 1;
    Submission s =
        new Submission(
            number,
            Instant.now().toString(),
            r.profile(),
            r.overrides(),
            r.workdir().toAbsolutePath().normalize().toString(),
            r.units().size(),
            todo,
            costBefore,
            cellsBefore,
            null,
            null);
    s.write(runDir);
    try {
      Files.createDirectories(SlurmFiles.logs(runDir));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + SlurmFiles.logs(runDir), e);
    }
    String array = null;
    if (!todo.isEmpty()) {
      array =
          submitJob(
              slurm,
              r,
              runDir,
              number,
              "task",
              "array task I runs unit I of " + SlurmFiles.submission(runDir),
              "\"$SLURM_ARRAY_TASK_ID\"",
              List.of(
                  "--array=0-" + (todo.size() - 1),
                  "--output=" + SlurmFiles.logs(runDir).resolve("%A_%a.out")));
    }
    List<String> merging =
        new ArrayList<>(List.of("--output=" + SlurmFiles.logs(runDir).resolve("merge-%j.out")));
    if (array != null) {
      merging.addAll(List.of("--dependency=afterok:" + array, "--kill-on-invalid-dep=yes"));
    }
    String merge;
    try {
      merge =
          submitJob(
              slurm,
              r,
              runDir,
              number,
              "merge",
              "merge the units' files into " + runDir + ", then report",
              "",
              merging);
    } catch (RuntimeException e) {
      if (array != null) {
        slurm.cancel(array); // an array without its merge would finish into nothing
      }
      throw e;
    }
    Submission submitted = s.withJobs(array, merge);
    submitted.write(runDir);
    return submitted;
  }

  /**
   * Writes R/slurm/KIND-S.sh, which runs {@code sweep KIND R S} (then {@code tail}), and submits it
   * with 1 CPU, the task memory, {@code options}, and the user's options last (they win).
   */
  private static String submitJob(
      Slurm slurm,
      Request r,
      Path runDir,
      int number,
      String kind,
      String comment,
      String tail,
      List<String> options) {
    List<String> cmd = new ArrayList<>(r.java());
    cmd.addAll(List.of("sweep", kind, runDir.toString(), String.valueOf(number)));
    Path script =
        BatchScript.write(
            SlurmFiles.dir(runDir).resolve(kind + "-" + number + ".sh"),
            "ftc-bench sweep, submission " + number + ": " + comment,
            cmd,
            tail);
    List<String> opts =
        new ArrayList<>(
            List.of(
                "--job-name=ftc-sweep-" + kind,
                "--chdir=" + r.workdir().toAbsolutePath().normalize(),
                "--ntasks=1",
                "--cpus-per-task=1",
                "--mem=" + (r.heapMiB() + JVM_OVERHEAD_MIB)));
    opts.addAll(options);
    opts.addAll(r.sbatchOptions());
    return slurm.submit(opts, script.toString());
  }

  /** Refuses to submit while jobs of the previous submission are queued or running. */
  private static void requireIdle(Slurm slurm, Path runDir) {
    Submission previous = Submission.read(runDir);
    if (previous == null) {
      return;
    }
    if (previous.jobs().isEmpty()) {
      return;
    }
    Optional<List<Slurm.Job>> q = slurm.queue(previous.jobs());
    if (q.isEmpty() || !q.get().isEmpty()) {
      throw new BadInputException(
          "run folder "
              + runDir
              + " still has jobs in the queue ("
              + String.join(", ", previous.jobs())
              + (q.isEmpty() ? ", or squeue did not answer" : "")
              + "): wait for them ('sweep status "
              + runDir
              + "') or scancel them, then submit again");
    }
  }

  /** How a waited-for submission ended. */
  public record Outcome(boolean merged, ArrayStatus status, String report) {}

  /**
   * Waits until no job of the submission is queued, reporting the status from the files every
   * {@code poll}; then says whether the merge job merged it.
   */
  public static Outcome await(
      Slurm slurm, Path runDir, Submission s, Duration poll, Consumer<ArrayStatus> progress) {
    slurm.awaitGone(
        s.jobs(), poll, jobs -> progress.accept(ArrayStatus.of(runDir, s, Instant.now())));
    ArrayStatus last = ArrayStatus.of(runDir, s, Instant.now());
    progress.accept(last);
    String report = mergedReport(runDir, s);
    return new Outcome(report != null, last, report);
  }

  /** The report the merge job wrote for submission {@code s}, or null if it has not merged it. */
  public static String mergedReport(Path runDir, Submission s) {
    Map<String, Object> marker = Merge.marker(runDir);
    boolean merged = marker.get("submission") instanceof Number n && n.intValue() == s.number();
    return merged ? String.valueOf(marker.get("report")) : null;
  }

  /** One line on the submission's jobs as squeue sees them, or null if squeue cannot answer. */
  public static String queueLine(Slurm slurm, Submission s) {
    if (s.jobs().isEmpty()) {
      return "submission " + s.number() + " has no jobs: sbatch refused it";
    }
    Optional<List<Slurm.Job>> q = slurm.queue(s.jobs());
    if (q.isEmpty()) {
      return null;
    }
    int running = 0;
    int pending = 0;
    String merge = "not in the queue";
    for (Slurm.Job j : q.get()) {
      if (j.id().equals(s.mergeJob())) {
        merge =
            j.state()
                + (j.reason().isEmpty() || j.reason().equals("None")
                    ? ""
                    : " (" + j.reason() + ")");
      } else if (j.state().equals("PENDING")) {
        pending += pendingTasks(j.id());
      } else {
        running++;
      }
    }
    return (s.arrayJob() == null
            ? ""
            : "array job " + s.arrayJob() + ": " + running + " running, " + pending + " pending; ")
        + "merge job "
        + s.mergeJob()
        + ": "
        + merge;
  }

  /** The tasks a pending line stands for: "12_[3-7,9]" is 6, "12_4" is 1. */
  static int pendingTasks(String id) {
    int open = id.indexOf('[');
    if (open < 0) {
      return 1;
    }
    int n = 0;
    String inner = id.substring(open + 1, id.indexOf(']')).replaceAll("%.*", "");
    for (String part : inner.split(",")) {
      String[] range = part.split("-");
      n += range.length == 2 ? Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1 : 1;
    }
    return n;
  }
}
