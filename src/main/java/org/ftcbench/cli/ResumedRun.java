package org.ftcbench.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ftcbench.analysis.RunProgress;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.RunFolder;

/**
 * A run folder that a command continues ({@code sweep --run R}, {@code bench --run R}), read back
 * from its env.json: the machine, profile and sweep settings it was started with. A run keeps what
 * it was started with: a resume takes them from here, and an option that would change them is
 * refused in one line (exit 2), never silently applied, since the report files the run under its
 * machine and its cells are only comparable under one set of settings.
 */
final class ResumedRun {
  /**
   * Sweep keys that say how to run, not what to compute: a resume may change them (the threads of a
   * laptop differ from those of the server that started the run).
   */
  static final Set<String> HOW_TO_RUN = Set.of("sweep.threads");

  private final Path dir;
  private final Map<String, Object> env;

  private ResumedRun(Path dir, Map<String, Object> env) {
    this.dir = dir;
    this.env = env;
  }

  /** The run in {@code dir}, or empty when the folder has no env.json (a new run). */
  static Optional<ResumedRun> read(Path dir) {
    Path file = dir.resolve(RunFolder.ENV);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Map<String, Object> env =
          new ObjectMapper()
              .readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
      return Optional.of(new ResumedRun(dir, env == null ? new LinkedHashMap<>() : env));
    } catch (IOException e) {
      throw new BadInputException(
          file
              + " is not a readable env.json ("
              + Main.oneLine(e.getMessage())
              + "): give a run folder that ftc-bench wrote, or start a new run without --run");
    }
  }

  /**
   * The folder of {@code sweep --run DIR}: an existing run folder (with env.json), an empty folder,
   * or a new one, created; any other folder is refused (exit 2), so a sweep never writes into a
   * folder of other files.
   */
  static Path openForSweep(Path dir) throws IOException {
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

  /** env.json as read, unmodifiable. */
  Map<String, Object> env() {
    return Collections.unmodifiableMap(env);
  }

  /** The run's profile; {@code requested} when the run records none. Refuses another profile. */
  String profile(String requested) {
    return kept("profile", "--profile", requested);
  }

  /** The run's machine; {@code requested} when the run records none. Refuses another machine. */
  String machine(String requested) {
    return kept("machine", "--machine", requested);
  }

  private String kept(String key, String option, String requested) {
    Object recorded = env.get(key);
    if (recorded == null) {
      return requested;
    }
    String was = String.valueOf(recorded);
    if (requested != null && !requested.equals(was)) {
      throw new BadInputException(
          "run folder "
              + dir
              + " has "
              + key
              + " "
              + was
              + " (its env.json), not "
              + requested
              + ": resume it without "
              + option
              + ", or start a new run without --run");
    }
    return was;
  }

  /**
   * The profile overrides of a resumed sweep: the settings the run was started with (those keys the
   * profile still has), with {@code requested} on top. A requested value that differs from the
   * recorded one is refused, except for the keys of {@link #HOW_TO_RUN}.
   */
  Map<String, String> sweepOverrides(Map<String, String> requested, Predicate<String> profileHas) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (env.get(RunProgress.SWEEP_SETTINGS) instanceof Map<?, ?> recorded) {
      recorded.forEach(
          (k, v) -> {
            // a key the profile no longer has means nothing to this sweep any more
            if (profileHas.test(String.valueOf(k))) {
              overrides.put(String.valueOf(k), String.valueOf(v));
            }
          });
    }
    for (Map.Entry<String, String> e : requested.entrySet()) {
      String was = overrides.get(e.getKey());
      if (was != null && !was.equals(e.getValue()) && !HOW_TO_RUN.contains(e.getKey())) {
        throw new BadInputException(
            "run folder "
                + dir
                + " was started with "
                + e.getKey()
                + "="
                + was
                + ", not "
                + e.getValue()
                + ": resume it without that override (it keeps the run's settings), or start a"
                + " new run without --run");
      }
      overrides.put(e.getKey(), e.getValue());
    }
    return overrides;
  }
}
