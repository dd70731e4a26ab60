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
import java.util.concurrent.Callable;
import org.ftcbench.bench.BenchEnvironment;
import org.ftcbench.bench.BenchFailedException;
import org.ftcbench.bench.BenchPlan;
import org.ftcbench.bench.BenchRunner;
import org.ftcbench.bench.BenchSettings;
import org.ftcbench.bench.BenchmarkName;
import org.ftcbench.bench.EnvironmentStamp;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftc-bench bench --profile P [KEY=VALUE…] [--run DIR] [--machine NAME]}: the JMH kernel
 * benchmarks of profile P into a run folder (jmh.json, flops.csv, env.json, jmh.log). Progress goes
 * to stderr, one line per point; the run folder is the last line on stdout. With two {@code --side
 * NAME=COMMAND}, the points run on both sides interleaved fork by fork ({@link InterleavedBench}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "JMH kernel benchmarks of frozen-plus-adapter networks into a run folder.")
final class BenchCommand implements Callable<Integer> {
  static final Path PROFILES = Profile.FOLDER;
  static final Path RESULTS = Path.of("benchmarks", "results");

  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      paramLabel = "P",
      description =
          "profile: benchmarks/profiles/P.properties (quick, standard, full); with --run, the"
              + " run's own profile")
  String profile;

  @Parameters(
      paramLabel = "KEY=VALUE",
      arity = "0..*",
      description = "override a profile key, e.g. bench.forks=1 bench.N=10,100")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--run",
      paramLabel = "DIR",
      description = "add to this existing run folder (e.g. the sweep's) instead of a new one")
  Path run;

  @Option(
      names = "--machine",
      paramLabel = "NAME",
      description = "the <machine> folder of a new run folder (default: host and CPU)")
  String machine;

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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant start = Instant.now();
    boolean onSlurm = slurm.slurm();
    // a run has one profile: the one it was started with
    String name =
        run == null ? profile : ResumedRun.read(run).map(r -> r.profile(profile)).orElse(profile);
    if (name == null) {
      throw new BadInputException(
          "bench needs a profile: add --profile P with P one of " + Profile.available(PROFILES));
    }
    Profile p = Profile.load(PROFILES, name, parseOverrides(overrides));
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
          name, settings, sides, sideJars, orderSeed, RESULTS, machineName(), out, err);
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
            p.list("bench.benchmarks").stream().map(BenchmarkName::parse).toList(),
            p.integer("bench.forks"),
            p.integer("bench.warmupIterations"),
            p.integer("bench.warmupMillis"),
            p.integer("bench.measurementIterations"),
            p.integer("bench.measurementMillis"),
            p.integer("bench.K"),
            p.integers("bench.N"),
            p.integers("bench.depth"),
            p.list("bench.fMode").stream().map(BenchCommand::fMode).toList(),
            p.list("bench.precision").stream().map(BenchCommand::precision).toList(),
            p.integers("bench.gemm.size"),
            p.integers("bench.plainJava.depth"),
            p.integers("bench.plainJava.N"),
            p.integers("bench.plainJava.rows"),
            p.integers("bench.certify.N"),
            bool(p, "bench.gcProfiler"));
    p.requireNoUnknownKeys("bench.");
    return s;
  }

  private static FMode fMode(String s) {
    try {
      return FMode.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "bench.fMode has '" + s + "': choose CACHED, RECOMPUTE or both (comma-separated)");
    }
  }

  private static Precision precision(String s) {
    try {
      return Precision.parse(s);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("bench.precision: " + e.getMessage());
    }
  }

  private static boolean bool(Profile p, String key) {
    String v = p.string(key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new BadInputException(key + " = '" + v + "': write true or false");
    }
    return v.equals("true");
  }

  static Map<String, String> parseOverrides(List<String> args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException(
            "'" + a + "' is not a KEY=VALUE override: write e.g. bench.forks=1");
      }
      m.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
    }
    return m;
  }

  private Path runFolder(Instant start) {
    if (run != null) {
      if (machine != null) {
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
    return RunFolder.create(RESULTS, machineName(), start);
  }

  /** --machine, or this machine's default name; checked to be a folder name. */
  private String machineName() {
    String m = machine == null ? EnvironmentStamp.defaultMachine() : machine;
    if (!m.matches("[A-Za-z0-9._-]+") || m.startsWith(".")) {
      throw new BadInputException(
          "--machine '" + m + "' is not a folder name: use letters, digits, '.', '_' and '-'");
    }
    return m;
  }
}
