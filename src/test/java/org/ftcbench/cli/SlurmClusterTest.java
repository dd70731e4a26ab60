package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ftcbench.bench.BlasConfig;
import org.ftcbench.cli.MainTest.Result;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm engine on a real one-node cluster ({@code scripts/slurm-cluster.sh}, which installs
 * Slurm and munge when missing): a sweep submitted as a job array, one array task cancelled
 * mid-way, the sweep resubmitted, and its results compared row by row with the same sweep run
 * locally; then the kernel benchmarks through Slurm. If the cluster cannot start (no root, no
 * apt-get, a broken install), the test fails with the script's reason: it is never skipped. Exclude
 * it on a machine without root with {@code -DexcludedGroups=slurm}.
 */
@Tag("slurm")
class SlurmClusterTest {
  @TempDir static Path tmp;
  static Path clusterDir;
  static Map<String, String> env;

  /** Commands below run as processes: Slurm's clients find the cluster through SLURM_CONF. */
  @BeforeAll
  static void startCluster() throws Exception {
    clusterDir = tmp.resolve("slurm");
    Instant t0 = Instant.now();
    Proc p =
        proc(
            Path.of(""),
            Duration.ofMinutes(5),
            "scripts/slurm-cluster.sh",
            "start",
            clusterDir.toString());
    if (p.code != 0) {
      fail(
          "the one-node Slurm cluster did not start (scripts/slurm-cluster.sh start, exit "
              + p.code
              + "): "
              + p.err);
    }
    System.err.printf(
        "SlurmClusterTest: cluster up in %d s%n", Duration.between(t0, Instant.now()).toSeconds());
    env = new HashMap<>();
    env.put("SLURM_CONF", clusterDir.resolve("slurm.conf").toString());
    // one BLAS configuration for the local and the Slurm sweep, so that their rows agree bit for
    // bit: another configuration rounds f's training differently in the last digits (the jobs
    // inherit it through sbatch's exported environment)
    env.put(BlasConfig.REQUESTED, "bundled:auto");
    // JMH refuses to run beside another JMH (a lock in /tmp); the machine running the tests may
    // have one, and the job's JVM inherits this environment
    env.put("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (clusterDir != null) {
      Proc p =
          proc(
              Path.of(""),
              Duration.ofMinutes(1),
              "scripts/slurm-cluster.sh",
              "stop",
              clusterDir.toString());
      assertThat(p.code).as(p.err).isZero();
    }
  }

  /**
   * A small sweep: SweepCommandTest's 2 Fig. 9 columns and 2 tiny searches, 2 certified points, and
   * a long search, first in the array: it never meets its criterion and doubles m from 2 to 256
   * (the last cells take a second or more), so it can be cut off mid-way.
   */
  static final List<String> SWEEP =
      java.util.stream.Stream.concat(
              SweepCommandTest.TINY.stream(),
              java.util.stream.Stream.of(
                  "sweep.certify.n=10,30",
                  "sweep.training.max_steps=2000",
                  "sweep.training.plateau_window=500",
                  "sweep.k_independence.enabled=true",
                  "sweep.k_independence.depths=2",
                  "sweep.k_independence.n=300",
                  "sweep.k_independence.k=2N",
                  "sweep.k_independence.d=3",
                  "sweep.k_independence.criteria=relative:0.05",
                  "sweep.k_independence.max_m=256"))
          .toList();

  static final String LONG_UNIT = "train-L2-N300-K600-d3-s1";

  @Test
  void aSweepCutOffAndResubmittedEqualsTheLocalSweep() throws Exception {
    Path work = workdir("sweep");
    Path run = work.resolve("run");
    Instant t0 = Instant.now();
    Proc submitted = ftc(work, sweep(run, "--detach"));
    assertThat(submitted.code).as(submitted.err).isZero();
    assertThat(submitted.lastLine()).isEqualTo(run.toString());
    JsonNode submission = json(run.resolve("slurm/submission.json"));
    String array = submission.get("arrayJob").asText();
    String merge = submission.get("mergeJob").asText();
    assertThat(submission.get("units").get(0).get("id").asText()).isEqualTo(LONG_UNIT);
    assertThat(submission.get("units")).hasSize(7);

    // progress from the files while the array runs
    Proc status = ftc(work, "sweep", "status", run.toString());
    assertThat(status.code).as(status.err).isZero();
    assertThat(status.out)
        .containsPattern("submission 1 .*: \\d/7 tasks done, \\d running, \\d pending, 0 failed")
        .contains("squeue: array job " + array);

    // cut the long unit off once it has finished two cells
    Path unitCells = run.resolve("slurm/units/" + LONG_UNIT + "/" + RunFolder.CELLS);
    waitFor(Duration.ofMinutes(3), () -> rows(unitCells).size() >= 2, "two cells of " + LONG_UNIT);
    Proc cancel = proc(work, Duration.ofSeconds(30), "scancel", array + "_0");
    assertThat(cancel.code).as(cancel.err).isZero();
    waitFor(
        Duration.ofMinutes(5),
        () -> queue(work, array + "," + merge).isEmpty(),
        "the jobs to leave the queue");
    List<String> cutOff = rows(unitCells);
    String state = Files.readString(run.resolve("slurm/units/" + LONG_UNIT + "/state"));
    assertThat(state).as("the unit must have been cut off mid-way").startsWith("failed");
    assertThat(run.resolve("slurm/merged.json")).as("the merge job must not run").doesNotExist();
    Proc afterKill = ftc(work, "sweep", "status", run.toString());
    assertThat(afterKill.out)
        .contains("6/7 tasks done, 0 running, 0 pending, 1 failed")
        .contains(LONG_UNIT);

    // resubmitted: only the cut-off unit runs, from the cells it had
    Instant t1 = Instant.now();
    Proc resumed = ftc(work, sweep(run));
    assertThat(resumed.code).as(resumed.err).isZero();
    assertThat(resumed.err)
        .contains("6 already done: job array")
        .containsPattern("sweep: 7/7 tasks, \\d+ cells trained, " + cutOff.size() + " reused");
    assertThat(resumed.out).contains("report: ");
    assertThat(resumed.lastLine()).isEqualTo(run.toString());
    // nothing finished was lost: the cut-off cells are in the run as first trained (wall time too)
    assertThat(rows(run.resolve(RunFolder.CELLS))).containsAll(cutOff);

    Instant t2 = Instant.now();
    Path local = work.resolve("local");
    List<String> args =
        new ArrayList<>(List.of("sweep", "--profile", "quick", "--run", local.toString()));
    args.addAll(SWEEP);
    // in its own JVM like the jobs, under the same BLAS configuration
    Proc l = ftc(work, args.toArray(String[]::new));
    assertThat(l.code).as(l.err).isZero();
    Instant t3 = Instant.now();
    // what the test costs, for the test command's budget
    System.err.printf(
        "SlurmClusterTest: submitted and cut off %d s, resubmitted %d s, the local sweep %d s%n",
        Duration.between(t0, t1).toSeconds(),
        Duration.between(t1, t2).toSeconds(),
        Duration.between(t2, t3).toSeconds());

    // every row equal but the wall times; nothing repeated
    assertSameRows(local, run, RunFolder.CELLS, "wall_ms");
    assertSameRows(local, run, RunFolder.CAPACITY, "wall_ms");
    assertSameRows(local, run, "failures.csv");
    assertSameRows(local, run, RunFolder.CERTIFY, "build_ms", "verify_ms");
    assertThat(distinct(run.resolve(RunFolder.CELLS), 6))
        .isEqualTo(rows(run.resolve(RunFolder.CELLS)).size());
    assertThat(json(run.resolve(RunFolder.ENV)).get("end").isNull()).isFalse();
  }

  @Test
  void benchRunsOnceOnEachNodeIntoItsOwnRunFolder() throws Exception {
    Path work = workdir("bench");
    String node = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    List<Path> runs = new ArrayList<>();
    for (String where : List.of("--nodes=" + node, "--partition=debug")) {
      List<String> args =
          new ArrayList<>(List.of("bench", "--profile", "quick", "--engine", "slurm", where));
      args.addAll(List.of(BenchCommandTest.TINY));
      Proc p = ftc(work, args.toArray(String[]::new));
      assertThat(p.code).as(p.err).isZero();
      assertThat(p.err).contains("bench: node " + node + ": job").contains("(exclusive)");
      Path r = Path.of(p.lastLine());
      assertThat(r.resolve(RunFolder.JMH)).exists();
      JsonNode envJson = json(r.resolve(RunFolder.ENV));
      assertThat(envJson.get("host").asText()).isEqualTo(node);
      assertThat(r.getParent().getFileName().toString()).isEqualTo(envJson.get("machine").asText());
      assertThat(r.getParent().getParent()).isEqualTo(work.resolve("benchmarks/results"));
      runs.add(r);
    }
    Result compare =
        MainTest.run(
            "compare",
            runs.get(0).toString(),
            runs.get(1).toString(),
            "--out",
            work.resolve("reports").toString());
    assertThat(compare.code()).as(compare.err()).isZero();
    Result report =
        MainTest.run(
            "report",
            "--results",
            work.resolve("benchmarks/results").toString(),
            "--out",
            work.resolve("reports").toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(Files.readString(work.resolve("reports/index.html")))
        .contains(runs.get(0).getParent().getFileName().toString());
  }

  // ---------------------------------------------------------------------------------------------

  /** A working directory whose benchmarks/profiles are the repository's (jobs start there). */
  static Path workdir(String name) throws IOException {
    Path work = tmp.resolve(name);
    Files.createDirectories(work.resolve("benchmarks"));
    Files.createSymbolicLink(work.resolve("benchmarks/profiles"), Profile.FOLDER.toAbsolutePath());
    return work;
  }

  static String[] sweep(Path run, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of("sweep", "--profile", "quick", "--engine", "slurm", "--run", run.toString()));
    a.addAll(List.of(more));
    a.addAll(SWEEP);
    return a.toArray(String[]::new);
  }

  record Proc(int code, String out, String err) {
    String lastLine() {
      List<String> lines = out.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  /** ftc-bench's main class in a new JVM, in {@code dir}, with the cluster's environment. */
  static Proc ftc(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(SweepWorkerCommand.java());
    cmd.addAll(List.of(args));
    return proc(dir, Duration.ofMinutes(10), cmd.toArray(String[]::new));
  }

  static Proc proc(Path dir, Duration timeout, String... cmd) throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toAbsolutePath().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    if (env != null) {
      pb.environment().putAll(env);
    }
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not end within " + timeout + ": " + Files.readString(err));
    }
    return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The jobs of these ids still in squeue. */
  static List<String> queue(Path dir, String ids) throws Exception {
    Proc p = proc(dir, Duration.ofSeconds(30), "squeue", "-h", "-j", ids, "-o", "%i %T");
    assertThat(p.code).as(p.err).isZero();
    return p.out.strip().lines().filter(l -> !l.isBlank()).toList();
  }

  interface Check {
    boolean holds() throws Exception;
  }

  static void waitFor(Duration limit, Check check, String what) throws Exception {
    Instant end = Instant.now().plus(limit);
    while (!check.holds()) {
      if (Instant.now().isAfter(end)) {
        fail("waited " + limit + " for " + what);
      }
      Thread.sleep(50);
    }
  }

  static JsonNode json(Path f) throws IOException {
    return new ObjectMapper().readTree(f.toFile());
  }

  /** The data lines of a CSV file (no header), or none if it does not exist yet. */
  static List<String> rows(Path csv) throws IOException {
    if (!Files.exists(csv)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
  }

  /** The number of distinct values of the first {@code keyColumns} columns. */
  static long distinct(Path csv, int keyColumns) throws IOException {
    return rows(csv).stream()
        .map(l -> Arrays.stream(l.split(",")).limit(keyColumns).collect(Collectors.joining(",")))
        .distinct()
        .count();
  }

  /** Both runs have the same rows in {@code file} (as multisets), the named columns left out. */
  static void assertSameRows(Path a, Path b, String file, String... ignored) throws IOException {
    List<String> header = Arrays.asList(Files.readAllLines(a.resolve(file)).get(0).split(","));
    assertThat(Files.readAllLines(b.resolve(file)).get(0)).isEqualTo(String.join(",", header));
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (!List.of(ignored).contains(header.get(i))) {
        keep.add(i);
      }
    }
    assertThat(project(rows(b.resolve(file)), keep))
        .as(file)
        .containsExactlyInAnyOrderElementsOf(project(rows(a.resolve(file)), keep));
  }

  private static List<String> project(List<String> rows, List<Integer> keep) {
    return rows.stream()
        .map(
            l -> {
              List<String> f = org.ftcbench.results.Csv.parse(l);
              return keep.stream().map(f::get).collect(Collectors.joining(","));
            })
        .toList();
  }
}
