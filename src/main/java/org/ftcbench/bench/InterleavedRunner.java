package org.ftcbench.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.RunFolder;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a bench plan on two sides ({@link ForkSide}: two BLAS configurations, JVMs, commits) fork by
 * fork in a seeded random order ({@link ForkOrder}) into two run folders that compare reads as
 * usual. Each fork is one JMH run with one fork whose JVM is the side's launcher; each side's
 * jmh.json holds, per point, one record of all its forks so far, made by JMH's own JSON writer from
 * JMH's own results (a {@link RunResult} of the forks' {@link BenchmarkResult}s, "forks" = their
 * number), so it reads like one JMH run of that side. Both jmh.json files are rewritten atomically
 * after every fork: a failure keeps every fork measured before it. flops.csv goes to both folders,
 * each side's JMH log to its jmh.log.
 */
public final class InterleavedRunner {
  private final BenchSettings settings;
  private final List<ForkSide> sides;
  private final List<Path> runDirs;
  private final Path tmp;
  private final long seed;
  private final Consumer<String> progress;

  /**
   * @param sides the two sides
   * @param runDirs their run folders, in the same order
   * @param seed the fork order's seed
   */
  public InterleavedRunner(
      BenchSettings settings,
      List<ForkSide> sides,
      List<Path> runDirs,
      Path tmp,
      long seed,
      Consumer<String> progress) {
    if (sides.size() != 2 || runDirs.size() != 2) {
      throw new IllegalArgumentException("two sides and two run folders");
    }
    this.settings = settings;
    this.sides = List.copyOf(sides);
    this.runDirs = List.copyOf(runDirs);
    this.tmp = tmp;
    this.seed = seed;
    this.progress = progress;
  }

  /** Runs every point of the settings on both sides. */
  public void run() {
    List<BenchPoint> points = BenchPlan.points(settings);
    String flops = BenchPlan.flopsCsv(points);
    for (Path dir : runDirs) {
      AtomicFiles.writeString(dir.resolve(RunFolder.FLOPS), flops);
    }
    List<ForkOrder.Slot> order = ForkOrder.of(points.size(), settings.forks(), seed);
    // side → point index → the forks measured so far
    List<Map<Integer, List<RunResult>>> measured = List.of(new TreeMap<>(), new TreeMap<>());
    long start = System.nanoTime();
    Thread stopForks = BenchRunner.stopForksOnExit();
    try (ForkTempDir scratch = ForkTempDir.create(tmp);
        PrintStream logA = BenchRunner.openLog(runDirs.get(0));
        PrintStream logB = BenchRunner.openLog(runDirs.get(1))) {
      List<PrintStream> logs = List.of(logA, logB);
      List<String> jvmArgs = BenchRunner.prepareForks(points, scratch, settings.k(), progress);
      for (int k = 0; k < order.size(); k++) {
        ForkOrder.Slot slot = order.get(k);
        BenchPoint p = points.get(slot.point());
        ForkSide side = sides.get(slot.side());
        Path resultFile = scratch.dir().resolve("fork-" + k + ".json");
        Collection<RunResult> results;
        try {
          results =
              new Runner(
                      BenchRunner.options(settings, p, resultFile, jvmArgs)
                          .forks(1)
                          .jvm(side.launcher().toString())
                          .build(),
                      OutputFormatFactory.createFormatInstance(
                          logs.get(slot.side()), VerboseMode.NORMAL))
                  .run();
        } catch (RunnerException | RuntimeException e) {
          throw new BenchFailedException(failure(p, side, k, BenchRunner.why(e)), e);
        } finally {
          scratch.cleanForks();
        }
        if (results.isEmpty()) {
          throw new BenchFailedException(failure(p, side, k, "JMH produced no result"), null);
        }
        RunResult r = results.iterator().next();
        measured.get(slot.side()).computeIfAbsent(slot.point(), x -> new ArrayList<>()).add(r);
        AtomicFiles.writeString(
            runDirs.get(slot.side()).resolve(RunFolder.JMH), json(measured.get(slot.side())));
        progress.accept(line(k + 1, order.size(), slot, side, p, r, start));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      BenchRunner.removeHook(stopForks);
    }
  }

  /** One JMH record per point, of all its forks so far, in plan order, as JMH writes them. */
  static String json(Map<Integer, List<RunResult>> forksByPoint) {
    List<RunResult> merged = new ArrayList<>();
    for (List<RunResult> forks : forksByPoint.values()) {
      merged.add(merge(forks));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(merged);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The forks of separate one-fork JMH runs of a point as one run of that many forks. */
  static RunResult merge(List<RunResult> forks) {
    List<BenchmarkResult> all = new ArrayList<>();
    for (RunResult r : forks) {
      all.addAll(r.getBenchmarkResults());
    }
    return new RunResult(withForks(forks.get(0).getParams(), all.size()), all);
  }

  /** A copy of JMH's benchmark parameters with another fork count. */
  static BenchmarkParams withForks(BenchmarkParams p, int forks) {
    WorkloadParams params = new WorkloadParams();
    int order = 0;
    for (String key : p.getParamsKeys()) {
      params.put(key, p.getParam(key), order++);
    }
    return new BenchmarkParams(
        p.getBenchmark(),
        p.generatedBenchmark(),
        p.shouldSynchIterations(),
        p.getThreads(),
        p.getThreadGroups(),
        p.getThreadGroupLabels(),
        forks,
        p.getWarmupForks(),
        p.getWarmup(),
        p.getMeasurement(),
        p.getMode(),
        params,
        p.getTimeUnit(),
        p.getOpsPerInvocation(),
        p.getJvm(),
        p.getJvmArgs(),
        p.getJdkVersion(),
        p.getVmName(),
        p.getVmVersion(),
        p.getJmhVersion(),
        p.getTimeout());
  }

  private String failure(BenchPoint p, ForkSide side, int done, String why) {
    return "benchmark "
        + p.label()
        + " failed on side "
        + side.name()
        + " ("
        + why
        + "); JMH's logs are "
        + runDirs.get(0).resolve(BenchRunner.LOG)
        + " and "
        + runDirs.get(1).resolve(BenchRunner.LOG)
        + (done == 0
            ? "; no fork was measured before it"
            : "; the " + done + " fork(s) measured before it are in both jmh.json files");
  }

  private static String line(
      int done,
      int total,
      ForkOrder.Slot slot,
      ForkSide side,
      BenchPoint p,
      RunResult r,
      long start) {
    Result<?> score = r.getPrimaryResult();
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format(
        "bench [%d/%d] %s fork %d: %s: %.4g %s (elapsed %s, ETA %s)",
        done,
        total,
        side.name(),
        slot.round() + 1,
        p.label(),
        score.getScore(),
        score.getScoreUnit(),
        BenchRunner.minutes(seconds),
        BenchRunner.minutes(seconds / done * (total - done)));
  }
}
