package org.ftcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.bench.BenchEnvironment;
import org.ftcbench.bench.BenchFailedException;
import org.ftcbench.bench.BenchPlan;
import org.ftcbench.bench.BenchSettings;
import org.ftcbench.bench.ForkSide;
import org.ftcbench.bench.InterleavedRunner;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.Interleaving;
import org.ftcbench.results.RunFolder;

/**
 * {@code bench --side A=COMMAND --side B=COMMAND}: the profile's points on two sides, fork by fork
 * in a seeded random order, into two run folders of one machine, {@code <run>-A} and {@code
 * <run>-B} ({@link InterleavedRunner}). Each side's env.json is that side's own stamp plus the
 * interleaving ({@link Interleaving}); compare recognises the pair.
 */
final class InterleavedBench {
  private InterleavedBench() {}

  /** Runs it; prints both run folders on stdout (A's line first) and returns the exit code. */
  static int run(
      String profile,
      BenchSettings settings,
      Map<String, String> commands,
      Map<String, Path> jars,
      long seed,
      Path results,
      String machine,
      PrintWriter out,
      PrintWriter err) {
    validate(commands, jars);
    Instant start = Instant.now();
    String session = RunFolder.runId(start);
    List<String> names = new ArrayList<>(commands.keySet());
    Path scratch;
    try {
      scratch = Files.createTempDirectory("ftc-bench-sides");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a folder for the side launchers", e);
    }
    try {
      List<ForkSide> sides = new ArrayList<>();
      for (String name : names) {
        sides.add(ForkSide.write(scratch, name, commands.get(name), jars.get(name)));
      }
      err.println("bench: checking both sides' BLAS against this JVM's, and stamping them");
      SideProbe.checkBlas(sides, scratch);
      List<Map<String, Object>> stamps = new ArrayList<>();
      for (ForkSide s : sides) {
        stamps.add(SideProbe.stamp(s));
      }
      List<Path> dirs = new ArrayList<>();
      for (String name : names) {
        Path dir = results.resolve(machine).resolve(session + "-" + name);
        if (Files.exists(dir)) {
          throw new BadInputException(dir + " exists already: wait a second and run again");
        }
        dirs.add(dir);
      }
      Map<String, String> described = new LinkedHashMap<>();
      sides.forEach(s -> described.put(s.name(), s.description()));
      List<BenchEnvironment> envs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        try {
          Files.createDirectories(dirs.get(i));
        } catch (IOException e) {
          throw new UncheckedIOException("could not create the run folder " + dirs.get(i), e);
        }
        BenchEnvironment env =
            BenchEnvironment.start(dirs.get(i), profile, start, settings, stamps.get(i));
        env.record(
            Interleaving.KEY,
            new Interleaving(
                    session,
                    seed,
                    names.get(i),
                    dirs.get(1 - i).getFileName().toString(),
                    described)
                .toMap());
        envs.add(env);
      }
      int points = BenchPlan.points(settings).size();
      err.printf(
          "bench: profile %s, %d points × %d forks × 2 sides (%s, %s), interleaved with seed %d → %s,"
              + " %s%n",
          profile,
          points,
          settings.forks(),
          names.get(0),
          names.get(1),
          seed,
          dirs.get(0),
          dirs.get(1));
      try {
        new InterleavedRunner(
                settings,
                sides,
                dirs,
                Path.of(System.getProperty("java.io.tmpdir")),
                seed,
                err::println)
            .run();
      } catch (BenchFailedException e) {
        envs.forEach(env -> env.finish("failed: " + e.getMessage()));
        err.println("ftc-bench: " + Main.oneLine(e.getMessage()));
        return Main.EXIT_INTERNAL;
      } catch (RuntimeException e) {
        envs.forEach(env -> env.finish("failed: " + e));
        throw e;
      }
      envs.forEach(env -> env.finish("complete"));
      long s = Duration.between(start, Instant.now()).toSeconds();
      err.printf(
          "bench: %d points × 2 sides in %d:%02d; compare them with: compare %s %s%n",
          points, s / 60, s % 60, dirs.get(0), dirs.get(1));
      dirs.forEach(out::println);
      return 0;
    } finally {
      try (var files = Files.walk(scratch)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        // a leftover launcher folder in /tmp is harmless
      }
    }
  }

  private static void validate(Map<String, String> commands, Map<String, Path> jars) {
    if (commands.size() != 2) {
      throw new BadInputException(
          commands.size()
              + " --side option(s) given: an interleaved run has exactly two, e.g. --side"
              + " auto='env -u OPENBLAS_CORETYPE java' --side system='env LD_PRELOAD=… java'");
    }
    for (Map.Entry<String, String> e : commands.entrySet()) {
      if (!e.getKey().matches("[A-Za-z0-9._-]+")) {
        throw new BadInputException(
            "--side name '"
                + e.getKey()
                + "' is not a folder suffix: use letters, digits, '.', '_' and '-'");
      }
      if (e.getValue().isBlank()) {
        throw new BadInputException(
            "--side "
                + e.getKey()
                + "= has no command: give the JVM command, e.g. "
                + e.getKey()
                + "=java");
      }
    }
    for (Map.Entry<String, Path> e : jars.entrySet()) {
      if (!commands.containsKey(e.getKey())) {
        throw new BadInputException(
            "--side-jar " + e.getKey() + "=… names no side: the sides are " + commands.keySet());
      }
      if (!Files.isRegularFile(e.getValue())) {
        throw new BadInputException(
            "--side-jar "
                + e.getKey()
                + "="
                + e.getValue()
                + ": no such jar (build it with mvn package)");
      }
    }
  }
}
