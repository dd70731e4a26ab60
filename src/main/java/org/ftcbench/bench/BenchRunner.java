package org.ftcbench.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.RunFolder;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a bench plan with JMH, point by point, into a run folder:
 *
 * <ul>
 *   <li>{@code flops.csv} first ({@link BenchPlan}), so the FLOPs are there whatever happens;
 *   <li>{@code jmh.json} rewritten atomically after every point ({@link JmhJson});
 *   <li>{@code jmh.log}, JMH's own human-readable output, appended.
 * </ul>
 *
 * JMH forks get the parent's classpath (run from the shaded jar, never through Maven), a private
 * java.io.tmpdir ({@link ForkTempDir}) and the shared frozen f ({@link SharedFrozenModel}). A
 * failing point stops the run ({@code shouldFailOnError}) with a {@link BenchFailedException}; the
 * points before it stay in jmh.json.
 */
public final class BenchRunner {
  /** JMH's human-readable log in the run folder. */
  public static final String LOG = "jmh.log";

  private final BenchSettings settings;
  private final Path runDir;
  private final Path tmp;
  private final Consumer<String> progress;

  /**
   * @param tmp where the scratch folder goes (normally java.io.tmpdir)
   * @param progress receives one line per finished point, for the terminal
   */
  public BenchRunner(BenchSettings settings, Path runDir, Path tmp, Consumer<String> progress) {
    this.settings = settings;
    this.runDir = runDir;
    this.tmp = tmp;
    this.progress = progress;
  }

  /** The JVM arguments every fork gets: the parent's, then ours. */
  public static List<String> forkJvmArgs(Path forkTmp, Path frozenModel) {
    List<String> args = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
    args.addAll(appendedJvmArgs(forkTmp, frozenModel));
    return args;
  }

  static List<String> appendedJvmArgs(Path forkTmp, Path frozenModel) {
    List<String> args = new ArrayList<>();
    args.add("-Djava.io.tmpdir=" + forkTmp);
    if (frozenModel != null) {
      args.add("-D" + SharedFrozenModel.PROPERTY + "=" + frozenModel);
    }
    return args;
  }

  /** Runs every point of the settings. */
  public void run() {
    run(BenchPlan.points(settings));
  }

  /** Runs the given points (tests pass their own). */
  public void run(List<BenchPoint> points) {
    AtomicFiles.writeString(runDir.resolve(RunFolder.FLOPS), BenchPlan.flopsCsv(points));
    List<String> records = new ArrayList<>();
    long start = System.nanoTime();
    Thread stopForks = stopForksOnExit();
    try (ForkTempDir scratch = ForkTempDir.create(tmp);
        PrintStream log = openLog(runDir)) {
      List<String> jvmArgs = prepareForks(points, scratch, settings.k(), progress);
      for (int i = 0; i < points.size(); i++) {
        BenchPoint p = points.get(i);
        Path resultFile = scratch.dir().resolve("point-" + i + ".json");
        Collection<RunResult> results;
        try {
          results =
              new Runner(
                      options(settings, p, resultFile, jvmArgs).build(),
                      OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL))
                  .run();
        } catch (RunnerException | RuntimeException e) {
          throw new BenchFailedException(failure(p, i, e), e);
        } finally {
          scratch.cleanForks();
        }
        if (results.isEmpty() || !Files.isRegularFile(resultFile)) {
          throw new BenchFailedException(
              failure(p, i, new IllegalStateException("JMH produced no result")), null);
        }
        records.add(JmhJson.records(Files.readString(resultFile)));
        AtomicFiles.writeString(runDir.resolve(RunFolder.JMH), JmhJson.array(records));
        progress.accept(line(i + 1, points.size(), p, results.iterator().next(), start));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      removeHook(stopForks);
    }
  }

  /** Ctrl-C or kill: stop the running fork too, instead of leaving it to finish on its own. */
  static Thread stopForksOnExit() {
    Thread stopForks =
        new Thread(
            () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
            "ftc-bench stop forks");
    Runtime.getRuntime().addShutdownHook(stopForks);
    return stopForks;
  }

  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs
    }
  }

  /**
   * The JVM arguments of the forks of these points: their scratch java.io.tmpdir, and the frozen f,
   * pre-trained once here when a point needs it.
   */
  static List<String> prepareForks(
      List<BenchPoint> points, ForkTempDir scratch, int k, Consumer<String> progress) {
    Path frozen = null;
    if (BenchPlan.needsFrozenModel(points)) {
      progress.accept("bench: pre-training f once for all forks (K = " + k + ")");
      frozen = SharedFrozenModel.prepare(scratch.dir(), k, AdapterTask.SEED);
    }
    return appendedJvmArgs(scratch.forks(), frozen);
  }

  static PrintStream openLog(Path runDir) throws IOException {
    return new PrintStream(
        new FileOutputStream(runDir.resolve(LOG).toFile(), true), true, StandardCharsets.UTF_8);
  }

  /** JMH's options for one point: the settings' forks and iterations, JSON results. */
  static ChainedOptionsBuilder options(
      BenchSettings settings, BenchPoint p, Path resultFile, List<String> jvmArgs) {
    ChainedOptionsBuilder b =
        new OptionsBuilder()
            .include("^" + Pattern.quote(p.jmhName()) + "$")
            .forks(settings.forks())
            .warmupIterations(settings.warmupIterations())
            .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
            .measurementIterations(settings.measurementIterations())
            .measurementTime(TimeValue.milliseconds(settings.measurementMillis()))
            .resultFormat(ResultFormatType.JSON)
            .result(resultFile.toString())
            .shouldFailOnError(true)
            .jvmArgsAppend(jvmArgs.toArray(String[]::new));
    for (Map.Entry<String, String> e : p.params().entrySet()) {
      b.param(e.getKey(), e.getValue());
    }
    if (settings.gcProfiler()) {
      b.addProfiler(GCProfiler.class);
    }
    return b;
  }

  /** Why JMH failed, in one line of at most 400 characters. */
  static String why(Exception e) {
    Set<String> reasons = new LinkedHashSet<>();
    reasons(e, reasons, 0);
    String why = String.join("; ", reasons);
    return why.length() > 400 ? why.substring(0, 400) + "…" : why;
  }

  private String failure(BenchPoint p, int done, Exception e) {
    return "benchmark "
        + p.label()
        + " failed ("
        + why(e)
        + "); JMH's log is "
        + runDir.resolve(LOG)
        + (done == 0
            ? "; no point was measured before it"
            : "; the "
                + done
                + (done == 1
                    ? " point measured before it is in "
                    : " points measured before it are in ")
                + runDir.resolve(RunFolder.JMH));
  }

  /** The messages of an exception, its causes and its suppressed exceptions (JMH's fork errors). */
  private static void reasons(Throwable t, Set<String> out, int depth) {
    if (t == null || depth > 8) {
      return;
    }
    String m = t.getMessage();
    if (m != null && !m.isBlank() && !m.equals("Benchmark error")) {
      out.add(t.getClass().getSimpleName() + ": " + m.strip().replaceAll("\\s*\\R\\s*", " "));
    }
    for (Throwable s : t.getSuppressed()) {
      reasons(s, out, depth + 1);
    }
    if (t.getCause() != t) {
      reasons(t.getCause(), out, depth + 1);
    }
  }

  private static String line(int done, int total, BenchPoint p, RunResult r, long start) {
    Result<?> score = r.getPrimaryResult();
    double seconds = (System.nanoTime() - start) / 1e9;
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "bench [%d/%d] %s: %.4g ± %.2g %s",
                done,
                total,
                p.label(),
                score.getScore(),
                score.getScoreError(),
                score.getScoreUnit()));
    if ("us/op".equals(score.getScoreUnit()) && p.flops() >= 1000) {
      sb.append(String.format(", %.3g GFLOP/s", p.flops() / score.getScore() / 1e3));
    }
    Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
    if (alloc != null) {
      sb.append(String.format(", %.3g %s", alloc.getScore(), alloc.getScoreUnit()));
    }
    sb.append(
        String.format(
            " (elapsed %s, ETA %s)", minutes(seconds), minutes(seconds / done * (total - done))));
    return sb.toString();
  }

  static String minutes(double seconds) {
    long s = Math.round(seconds);
    return String.format("%d:%02d", s / 60, s % 60);
  }
}
