package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.bench.BenchEnvironment;
import org.ftcbench.bench.BenchFailedException;
import org.ftcbench.bench.BenchPlan;
import org.ftcbench.bench.BenchRunner;
import org.ftcbench.bench.BenchSettings;
import org.ftcbench.bench.BenchmarkName;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ftc-bench bench --profile P [KEY=VALUE…] [--run DIR] [--machine NAME]}: the JMH kernel
 * benchmarks of profile P into a run folder (jmh.json, flops.csv, env.json, jmh.log). Progress goes
 * to stderr, one line per point; the run folder is the last line on stdout. With two {@code --side
 * NAME=COMMAND}, the points run on both sides interleaved fork by fork ({@link InterleavedBench}).
 */
@Command(
    name = "bench",
    description = "JMH kernel benchmarks of frozen-plus-adapter networks into a run folder.")
final class BenchCommand extends CliCommand {
  @Option(
      names = "--run",
      paramLabel = "DIR",
      description = "add to this existing run folder (e.g. the sweep's) instead of a new one")
  Path run;

  @Mixin ProfileOptions profileOptions;

  @Mixin MachineOption machine;

  @Mixin SlurmOptions slurm;

  @Option(
      names = "--nodes",
      paramLabel = "NODE",
      split = ",",
      description =
          "with --engine slurm: run once on each of these nodes (default: each node of"
              + " --partition, or one node Slurm picks)")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = "--side",
      paramLabel = "NAME=COMMAND",
      description =
          "interleaved A/B: give two; each side's JMH forks start with COMMAND (a shell command"
              + " prefix ending in the java binary, e.g. auto='env -u OPENBLAS_CORETYPE java'), fork"
              + " by fork in a seeded random order, into <machine>/<run>-NAME (docs/comparing.md)")
  Map<String, String> sides = new LinkedHashMap<>();

  @Option(
      names = "--side-jar",
      paramLabel = "NAME=JAR",
      description = "run side NAME's forks from another build's jar (another commit)")
  Map<String, Path> sideJars = new LinkedHashMap<>();

  @Option(
      names = "--order-seed",
      paramLabel = "SEED",
      defaultValue = "1",
      description = "the seed of the interleaved fork order (default: ${DEFAULT-VALUE})")
  long orderSeed;

  @Override
  public Integer call() {
    PrintWriter out = out();
    PrintWriter err = err();
    Instant start = Instant.now();
    boolean onSlurm = slurm.slurm();
    // a run has one profile: the one it was started with
    String name =
        profileOptions.name("bench", run == null ? Optional.empty() : ResumedRun.read(run));
    Profile p = Profile.load(Profile.FOLDER, name, profileOptions.parsed(Overrides.BENCH));
    BenchSettings settings = settings(p);
    if (!sides.isEmpty() || !sideJars.isEmpty()) {
      if (onSlurm || !nodes.isEmpty()) {
        throw new BadInputException(
            "--side and --engine slurm both given: an interleaved run measures both sides on this"
                + " machine; drop one");
      }
      if (run != null) {
        throw new BadInputException(
            "--side and --run both given: an interleaved run makes two new run folders; drop --run");
      }
      return InterleavedBench.run(
          name, settings, sides, sideJars, orderSeed, RESULTS, machine.name(), out, err);
    }
    if (onSlurm || !nodes.isEmpty()) {
      return BenchOnSlurm.run(this, name, out, err);
    }
    Path dir = runFolder(start);
    int points = BenchPlan.points(settings).size();
    err.printf(
        "bench: profile %s, %d points × %d forks → %s%n", name, points, settings.forks(), dir);
    BenchEnvironment env = BenchEnvironment.start(dir, name, start, settings);
    try {
      new BenchRunner(settings, dir, Path.of(System.getProperty("java.io.tmpdir")), err::println)
          .run();
    } catch (BenchFailedException e) {
      env.finish("failed: " + e.getMessage());
      err.println("ftc-bench: " + Main.oneLine(e.getMessage()));
      return Main.EXIT_INTERNAL;
    } catch (RuntimeException e) {
      env.finish("failed: " + e);
      throw e;
    }
    env.finish("complete");
    long s = Duration.between(start, Instant.now()).toSeconds();
    err.printf(
        "bench: %d points in %d:%02d; results in %s (%s, %s, %s)%n",
        points, s / 60, s % 60, dir, RunFolder.JMH, RunFolder.FLOPS, RunFolder.ENV);
    out.println(dir);
    return 0;
  }

  /** The profile's bench.* keys as settings; a misspelt or unknown key is a mistake (exit 2). */
  static BenchSettings settings(Profile p) {
    BenchSettings s =
        new BenchSettings(
            // BenchmarkName's message names the key already
            p.list("bench.benchmarks").stream().map(BenchmarkName::parse).toList(),
            p.integer("bench.forks"),
            p.integer("bench.warmupIterations"),
            p.integer("bench.warmupMillis"),
            p.integer("bench.measurementIterations"),
            p.integer("bench.measurementMillis"),
            p.integer("bench.K"),
            p.integers("bench.N"),
            p.integers("bench.depth"),
            p.values("bench.fMode", BenchCommand::fMode),
            p.values("bench.precision", Precision::parse),
            p.integers("bench.gemm.size"),
            p.integers("bench.plainJava.depth"),
            p.integers("bench.plainJava.N"),
            p.integers("bench.plainJava.rows"),
            p.integers("bench.certify.N"),
            p.bool("bench.gcProfiler"),
            // older profiles have no LoRA benchmark
            p.has("bench.lora.rank") ? p.integers("bench.lora.rank") : List.of());
    p.requireNoUnknownKeys("bench.");
    return s;
  }

  private static FMode fMode(String s) {
    try {
      return FMode.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "'" + s + "': choose CACHED, RECOMPUTE or both (comma-separated)");
    }
  }

  private Path runFolder(Instant start) {
    if (run != null) {
      if (machine.given != null) {
        throw new BadInputException(
            "--machine and --run both given: --run adds to a folder whose machine is fixed; drop"
                + " --machine");
      }
      if (!Files.isDirectory(run)) {
        throw new BadInputException(
            "run folder " + run + " does not exist: give the sweep's run folder, or omit --run");
      }
      if (Files.exists(run.resolve(RunFolder.JMH))) {
        throw new BadInputException(
            run
                + " already has "
                + RunFolder.JMH
                + " from an earlier bench run: choose another run folder or omit --run");
      }
      return run;
    }
    return RunFolder.create(RESULTS, machine.name(), start);
  }
}
