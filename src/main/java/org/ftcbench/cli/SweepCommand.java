package org.ftcbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
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
import java.util.concurrent.Callable;
import org.ftcbench.analysis.RunProgress;
import org.ftcbench.bench.EnvironmentStamp;
import org.ftcbench.capacity.CellTrainer;
import org.ftcbench.capacity.Criterion;
import org.ftcbench.capacity.GridSweep;
import org.ftcbench.capacity.KRule;
import org.ftcbench.capacity.LocalTrainer;
import org.ftcbench.capacity.SearchSettings;
import org.ftcbench.capacity.SearchSweep;
import org.ftcbench.capacity.SweepPlan;
import org.ftcbench.capacity.SweepProgress;
import org.ftcbench.capacity.SweepRunner;
import org.ftcbench.capacity.TrainingSettings;
import org.ftcbench.capacity.WorkerHeap;
import org.ftcbench.capacity.WorkerPool;
import org.ftcbench.cluster.SlurmSweep;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.construct.ClipSettings;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftc-bench sweep --profile P [key=value…] [--machine NAME] [--run DIR]}: the sweeps of
 * profile P into a run folder (design.md): the trained-width sweeps (cells.csv, capacity.csv,
 * failures.csv) and, when it exists, the certified sweep (certify.csv). All settings are read and
 * checked before any work starts; a mistake is one line and exit code 2.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    subcommands = {
      SweepSpeedCommand.class,
      SweepWorkerCommand.class,
      SweepStatusCommand.class,
      SweepTaskCommand.class,
      SweepMergeCommand.class
    },
    description = {
      "Run the sweeps of a profile into a run folder benchmarks/results/<machine>/<run>/.",
      "Resumable: --run DIR continues an interrupted run folder, skipping finished cells, with the"
          + " profile, machine and settings it was started with.",
      "--engine slurm submits it as a Slurm job array instead; 'sweep status R' follows it."
    })
final class SweepCommand implements Callable<Integer> {
  static final Path PROFILES = Profile.FOLDER;
  static final Path RESULTS = Path.of("benchmarks", "results");

  /** env.json's extra entries: the sweep settings as read, and the first start of a run. */
  static final String SETTINGS_ENTRY = RunProgress.SWEEP_SETTINGS;

  static final String FIRST_START_ENTRY = "first_start";

  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      paramLabel = "P",
      description =
          "profile name: benchmarks/profiles/P.properties (quick, standard, full); a resumed run"
              + " keeps its own")
  String profileName;

  @Parameters(
      paramLabel = "key=value",
      description = "override profile keys, e.g. sweep.fig9.seeds=1,2")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--machine",
      paramLabel = "NAME",
      description = "results folder name for this machine (default: a slug of host and CPU)")
  String machine;

  @Option(
      names = "--run",
      paramLabel = "DIR",
      description =
          "use this run folder: resume it if it exists (with its profile, machine and settings;"
              + " options that would change them are refused), else create it")
  Path run;

  @Mixin SlurmOptions slurm;

  @Option(
      names = "--task-heap",
      paramLabel = "SIZE",
      defaultValue = SlurmSweep.DEFAULT_TASK_HEAP,
      description =
          "with --engine slurm: the JVM heap of each array task, e.g. 2g or 1500m (default"
              + " ${DEFAULT-VALUE}); Slurm reserves 1 GiB more per task")
  String taskHeap;

  @Override
  public Integer call() throws IOException {
    boolean onSlurm = slurm.slurm();
    int taskHeapMiB = SlurmSweep.mebibytes(taskHeap);
    // a resumed run keeps its profile, machine and settings; conflicting options are refused
    Optional<ResumedRun> resumed = run == null ? Optional.empty() : ResumedRun.read(run);
    String name = resumed.isPresent() ? resumed.get().profile(profileName) : profileName;
    if (name == null) {
      throw new BadInputException(
          "sweep needs a profile: add --profile P with P one of " + Profile.available(PROFILES));
    }
    Map<String, String> given = parseOverrides(overrides);
    if (resumed.isPresent()) {
      given = resumed.get().sweepOverrides(given, Profile.load(PROFILES, name, Map.of())::has);
    }
    Profile profile = Profile.load(PROFILES, name, given);
    Work work = Work.read(profile);
    SweepSettings settings = work.settings();
    List<CertifySweep.Point> certifyPoints = work.certifyPoints();
    SweepPlan plan = work.plan();

    Instant start = Instant.now();
    Map<String, Object> env = EnvironmentStamp.collect(profile.name(), start);
    if (machine != null && !machine.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new BadInputException(
          "--machine '" + machine + "' is not a folder name: use letters, digits, '.', '_', '-'");
    }
    String requested = resumed.isPresent() ? resumed.get().machine(machine) : machine;
    String machineName = requested != null ? requested : String.valueOf(env.get("machine"));
    Path runDir = run != null ? openRunFolder(run) : RunFolder.create(RESULTS, machineName, start);
    Map<String, Object> previous = resumed.map(ResumedRun::env).orElse(Map.of());

    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    writeEnv(runDir, profile, machineName, start, previous, false);
    out.println("sweep: profile " + profile.name() + " into " + runDir);
    if (onSlurm) {
      return SweepOnSlurm.run(runDir, profile, work, slurm, taskHeapMiB, out, err);
    }
    long heap = WorkerHeap.forPlan(plan);
    err.println(
        "sweep: "
            + plan.items().size()
            + " tasks, "
            + plan.capacityRows()
            + " capacity rows, "
            + settings.threads()
            + (settings.threads() == 1
                ? " process"
                : " worker processes (heap " + WorkerHeap.option(heap) + " each)"));

    if (!certifyPoints.isEmpty()) {
      runCertifiedSweep(runDir, certifyPoints, work.certifyCap(), out, err);
    }

    SweepRunner.Summary summary;
    // one worker process per thread: jblas's BLAS is not safe in two threads of one process
    try (CellTrainer trainer =
        settings.threads() == 1
            ? new LocalTrainer(settings.training())
            : new WorkerPool(
                SweepWorkerCommand.command(heap), settings.threads(), settings.training())) {
      summary = new SweepRunner(runDir, trainer, settings.threads(), printer(err)).run(plan);
    }
    writeEnv(runDir, profile, machineName, start, previous, true);
    out.printf(
        "sweep: done in %s: %d tasks (%d already done), %d cells trained, %d reused, %d capacity"
            + " rows written%n",
        format(Duration.between(start, Instant.now())),
        summary.items(),
        summary.itemsSkipped(),
        summary.cellsTrained(),
        summary.cellsReused(),
        summary.rowsWritten());
    out.println(runDir); // the last line is the run folder, for scripts
    if (summary.itemsLost() > 0) {
      err.printf(
          "sweep: %d task(s) not finished: a worker process died (failures.csv says which cell and"
              + " how); finish them with: sweep --run %s%n",
          summary.itemsLost(), runDir);
      return Main.EXIT_INTERNAL;
    }
    return 0;
  }

  /** What a profile asks the sweep to do: settings, certified points and the trained plan. */
  record Work(
      SweepSettings settings,
      List<CertifySweep.Point> certifyPoints,
      long certifyCap,
      SweepPlan plan) {
    /** Reads and checks every sweep.* key of the profile (exit 2 on a mistake). */
    static Work read(Profile profile) {
      SweepSettings settings = SweepSettings.read(profile);
      // a profile without sweep.certify.n has no certified sweep
      boolean certify = profile.has("sweep.certify.n");
      List<CertifySweep.Point> points = certify ? SweepCommand.certifyPoints(profile) : List.of();
      long cap = certify ? (long) profile.number("sweep.certify.max_multiply_adds") : 0;
      profile.requireNoUnknownKeys("sweep.");
      return new Work(settings, points, cap, SweepPlan.of(settings.grids(), settings.searches()));
    }
  }

  /**
   * The certified sweep's grid: every N of sweep.certify.n with every K of sweep.certify.k (an
   * integer, or a multiple of N such as "10N"), every seed; points with N > K are left out.
   */
  static List<CertifySweep.Point> certifyPoints(Profile profile) {
    List<Integer> ns = profile.integers("sweep.certify.n");
    List<String> ks = profile.list("sweep.certify.k");
    List<Integer> seeds = profile.integers("sweep.certify.seeds");
    int d = profile.integer("sweep.certify.d");
    List<CertifySweep.Point> points = new java.util.ArrayList<>();
    for (int n : ns) {
      for (String kText : ks) {
        long k;
        try {
          k =
              kText.endsWith("N")
                  ? Long.parseLong(kText.substring(0, kText.length() - 1).trim()) * n
                  : Long.parseLong(kText);
        } catch (NumberFormatException e) {
          throw new BadInputException(
              "profile "
                  + profile.name()
                  + ": sweep.certify.k has '"
                  + kText
                  + "', not an integer or a multiple of N such as 10N");
        }
        if (k < 3 || k > Integer.MAX_VALUE) {
          throw new BadInputException(
              "profile "
                  + profile.name()
                  + ": sweep.certify.k gives K = "
                  + k
                  + " at N = "
                  + n
                  + ": the constructions need 3 ≤ K");
        }
        for (int seed : seeds) {
          if (n <= k) {
            points.add(new CertifySweep.Point(n, (int) k, d, seed));
          }
        }
      }
    }
    return points;
  }

  private static void runCertifiedSweep(
      Path runDir, List<CertifySweep.Point> points, long cap, PrintWriter out, PrintWriter err) {
    long t0 = System.nanoTime();
    CertifySweep.Summary s;
    try (CsvLog log = CsvLog.open(runDir, ResultFiles.CERTIFY)) {
      s =
          CertifySweep.run(
              points,
              CertifySweep.ALL,
              ClipSettings.defaults(),
              cap,
              log,
              (done, total) -> {
                double secs = (System.nanoTime() - t0) / 1e9;
                err.printf(
                    java.util.Locale.ROOT,
                    "certify: %d/%d constructions, %.0f s elapsed, ETA %.0f s%n",
                    done,
                    total,
                    secs,
                    done == 0 ? Double.NaN : secs * (total - done) / done);
              });
    }
    out.printf(
        "certify: %d rows written (%d already there), %d over the tolerance or not built, %d not"
            + " verified (verification above %.0e multiply-adds)%n",
        s.rowsWritten(), s.rowsSkipped(), s.failures().size(), s.tooCostly().size(), (double) cap);
    for (CertifySweep.Failure f : s.failures()) {
      if (f.reason() != null) {
        err.printf(
            "certify: %s at N = %d, K = %d, seed %d could not be built: %s%n",
            f.construction().label(), f.point().n(), f.point().k(), f.point().seed(), f.reason());
      }
    }
  }

  static Map<String, String> parseOverrides(List<String> args) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException(
            "'" + a + "' is not a key=value override: write e.g. sweep.fig9.seeds=1,2");
      }
      map.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
    }
    return map;
  }

  /** An existing run folder (with env.json), an empty folder, or a new one. */
  static Path openRunFolder(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new BadInputException("--run " + dir + " is a file: give a run folder");
      }
      boolean empty;
      try (var files = Files.list(dir)) {
        empty = files.findAny().isEmpty();
      }
      if (!empty && !RunFolder.isRunFolder(dir)) {
        throw new BadInputException(
            "--run "
                + dir
                + " is not a run folder (it has no "
                + RunFolder.ENV
                + "): give a folder an earlier sweep created, or a new one");
      }
    }
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Writes env.json: this start's stamp with the run's machine, its first start and every sweep.*
   * setting of the profile (all of them read and checked, so a resume can keep them); entries of
   * the {@code previous} env.json that the stamp lacks (a bench run's object) are kept.
   */
  static void writeEnv(
      Path runDir,
      Profile profile,
      String machineName,
      Instant start,
      Map<String, Object> previous,
      boolean finished)
      throws IOException {
    Map<String, Object> env = EnvironmentStamp.collect(profile.name(), start);
    if (!finished) {
      env.put("end", null); // still running, or interrupted
    }
    env.put("machine", machineName);
    Object first = previous.getOrDefault(FIRST_START_ENTRY, previous.get("start"));
    env.put(FIRST_START_ENTRY, first != null ? first : start.toString());
    previous.forEach(env::putIfAbsent);
    env.put(SETTINGS_ENTRY, profile.entries("sweep."));
    AtomicFiles.writeString(
        runDir.resolve(RunFolder.ENV),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(env)
            + "\n");
  }

  /**
   * Progress lines on stderr: when something changed, at most one every 5 seconds; otherwise one a
   * minute, so a long cell still shows the clock; and the last one.
   */
  static SweepProgress printer(PrintWriter err) {
    long[] last = {0, -1, 0};
    return s -> {
      long now = System.nanoTime();
      // a task whose cell was lost to a dead worker will not finish in this invocation
      boolean finished = s.itemsDone() + s.cellsLost() >= s.itemsTotal();
      long state = s.itemsDone() * 1_000_003L + s.cellsTrained() + 7_919L * s.cellsLost();
      synchronized (last) {
        long wait = state != last[1] ? 5_000_000_000L : 60_000_000_000L;
        boolean newLoss = s.cellsLost() > last[2]; // shown at once
        if (!newLoss && (finished ? state == last[1] : now - last[0] < wait)) {
          return;
        }
        last[0] = now;
        last[1] = state;
        last[2] = s.cellsLost();
        err.printf(
            "sweep: %d/%d tasks, %d cells trained, %d reused%s, elapsed %s, ETA %s%n",
            s.itemsDone(),
            s.itemsTotal(),
            s.cellsTrained(),
            s.cellsReused(),
            s.cellsLost() == 0
                ? ""
                : ", " + s.cellsLost() + " lost (worker died, see failures.csv)",
            format(s.elapsed()),
            s.eta() == null ? "unknown" : format(s.eta()));
        err.flush();
      }
    };
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
    }
    if (s >= 60) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }

  /**
   * The sweep.* keys of a profile, read and checked. Every key is read (a disabled experiment's
   * too), so a misspelt key is reported whatever is enabled.
   */
  record SweepSettings(
      int threads, TrainingSettings training, List<GridSweep> grids, List<SearchSweep> searches) {

    static SweepSettings read(Profile p) {
      Reader r = new Reader(p);
      int threads = r.integer("sweep.threads");
      if (threads < 0) {
        throw new BadInputException(
            "sweep.threads = " + threads + ": choose 0 (all cores) or a thread count ≥ 1");
      }
      if (threads == 0) {
        threads = Runtime.getRuntime().availableProcessors();
      }
      double lr = r.number("sweep.training.learning_rate");
      if (!(lr > 0)) {
        throw new BadInputException(
            "sweep.training.learning_rate = " + lr + ": choose a step size > 0, e.g. 0.01");
      }
      AdamConfig defaults = AdamConfig.defaults();
      TrainingSettings training =
          new TrainingSettings(
              new AdamConfig(lr, defaults.beta1(), defaults.beta2(), defaults.epsilon()),
              r.integer("sweep.training.max_steps"),
              r.integer("sweep.training.plateau_window"),
              r.number("sweep.training.plateau_improvement"),
              r.number("sweep.training.divergence_factor"),
              r.precision("sweep.training.precision"));

      List<GridSweep> grids = new ArrayList<>();
      String g = "sweep.fig9";
      boolean fig9 = r.bool(g + ".enabled");
      GridSweep fig9Grid =
          new GridSweep(
              g,
              r.integer(g + ".depth"),
              r.integer(g + ".k"),
              r.integer(g + ".d"),
              r.integers(g + ".n"),
              r.integers(g + ".m"),
              r.seeds(g + ".seeds"),
              r.criteria(g + ".criteria"));
      if (fig9) {
        grids.add(fig9Grid);
      }
      List<SearchSweep> searches = new ArrayList<>();
      for (String s : List.of("sweep.scaling", "sweep.k_independence")) {
        boolean enabled = r.bool(s + ".enabled");
        SearchSweep sweep =
            new SearchSweep(
                s,
                r.integers(s + ".depths"),
                r.integers(s + ".n"),
                r.list(s + ".k").stream().map(KRule::parse).toList(),
                r.integer(s + ".d"),
                r.seeds(s + ".seeds"),
                r.criteria(s + ".criteria"),
                new SearchSettings(
                    r.integer(s + ".m_start"),
                    r.integer(s + ".max_m"),
                    r.number(s + ".resolution")));
        if (enabled) {
          searches.add(sweep);
        }
      }
      return new SweepSettings(threads, training, grids, searches);
    }
  }

  /** Typed reads of a profile with the sweep's checks. */
  private record Reader(Profile p) {
    String string(String key) {
      return p.string(key);
    }

    int integer(String key) {
      string(key);
      return p.integer(key);
    }

    double number(String key) {
      string(key);
      return p.number(key);
    }

    List<Integer> integers(String key) {
      string(key);
      return p.integers(key);
    }

    List<String> list(String key) {
      string(key);
      return p.list(key);
    }

    boolean bool(String key) {
      String v = string(key);
      if (!v.equals("true") && !v.equals("false")) {
        throw new BadInputException(
            "profile " + p.name() + ": " + key + " = '" + v + "' is not true or false");
      }
      return Boolean.parseBoolean(v);
    }

    Precision precision(String key) {
      String v = string(key);
      try {
        return Precision.parse(v);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("profile " + p.name() + ": " + key + ": " + e.getMessage());
      }
    }

    List<Long> seeds(String key) {
      return integers(key).stream().map(Integer::longValue).toList();
    }

    List<Criterion> criteria(String key) {
      return list(key).stream().map(Criterion::parse).toList();
    }
  }
}
