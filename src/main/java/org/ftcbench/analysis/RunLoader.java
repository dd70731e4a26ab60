package org.ftcbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.results.ResultFile;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import org.ftcbench.results.TableReader;
import tech.tablesaw.api.Table;

/**
 * Loads a run folder into {@link RunData}. Never throws for a missing or broken file: it becomes a
 * notice, and the report shows what is there.
 */
public final class RunLoader {
  private RunLoader() {}

  /** The files the sweep writes. */
  private static final List<String> SWEEP_FILES =
      List.of(RunFolder.CERTIFY, RunFolder.CAPACITY, RunFolder.CELLS);

  /** What each file feeds, for the notice when it is missing. */
  private static final Map<String, String> FEEDS =
      Map.of(
          RunFolder.ENV, "the environment table is empty",
          RunFolder.CERTIFY, "no certified widths or theorem bounds",
          RunFolder.CAPACITY, "no trained minimum widths",
          RunFolder.CELLS, "no Fig. 9 loss heatmap",
          RunFolder.JMH, "no kernel timings");

  /**
   * Loads {@code dir}; its parent folder's name is the machine unless env.json names one. A file of
   * a stage the run was never asked for (the sweep's files in a bench-only run, jmh.json in a run
   * whose bench has not started) is not missing; a stage that did not finish is a notice.
   */
  public static RunData load(Path dir) {
    List<Notice> notices = new ArrayList<>();
    JsonNode envRoot = readEnvJson(dir, notices);
    RunProgress progress =
        RunProgress.of(
            envRoot,
            SWEEP_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f))),
            Files.isRegularFile(dir.resolve(RunFolder.JMH)));
    List<Notice> missing = new ArrayList<>();
    for (String f :
        List.of(
            RunFolder.ENV, RunFolder.CERTIFY, RunFolder.CAPACITY, RunFolder.CELLS, RunFolder.JMH)) {
      boolean notRun =
          SWEEP_FILES.contains(f)
              ? progress.sweep() == RunProgress.Stage.NOT_RUN
              : f.equals(RunFolder.JMH) && progress.bench() == RunProgress.Stage.NOT_RUN;
      if (!notRun && !Files.isRegularFile(dir.resolve(f))) {
        missing.add(new Notice(f, "missing: " + FEEDS.get(f)));
      }
    }
    notices.addAll(0, missing);
    if (progress.sweep() == RunProgress.Stage.UNFINISHED) {
      notices.add(
          new Notice(
              RunFolder.ENV,
              "the sweep has not finished (still running, or interrupted: sweep --run "
                  + dir
                  + " resumes it); its results are partial"));
    }
    if (progress.bench() == RunProgress.Stage.UNFINISHED) {
      notices.add(
          new Notice(
              RunFolder.ENV,
              "the bench run has not finished (still running, or interrupted); its results are"
                  + " partial"));
    } else if (progress.bench() == RunProgress.Stage.FAILED) {
      notices.add(new Notice(RunFolder.ENV, "the bench run " + progress.benchStatus()));
    }
    Map<String, String> env = flatten(envRoot);
    Optional<Table> certify = read(dir, ResultFiles.CERTIFY, notices);
    Optional<Table> capacity = read(dir, ResultFiles.CAPACITY, notices);
    Optional<Table> cells = read(dir, ResultFiles.CELLS, notices);
    Optional<JmhResults> jmh = JmhResults.read(dir, RunFolder.JMH, notices);
    Optional<Table> failures = read(dir, ResultFiles.FAILURES, notices);
    Path abs = dir.toAbsolutePath().normalize();
    String runId = abs.getFileName() == null ? "run" : abs.getFileName().toString();
    String machine = env.get("machine");
    if (machine == null || machine.isBlank()) {
      Path parent = abs.getParent();
      machine =
          parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }
    return new RunData(
        dir, machine, runId, env, certify, capacity, cells, jmh, failures, progress, notices);
  }

  /** A result file as a table; each problem reading it becomes a notice about that file. */
  static Optional<Table> read(Path dir, ResultFile file, List<Notice> notices) {
    return file.read(dir, problem -> notices.add(new Notice(file.name(), problem)));
  }

  /** env.json's root object, or null (with a notice when it exists but is not a JSON object). */
  static JsonNode readEnvJson(Path dir, List<Notice> notices) {
    Path file = dir.resolve(RunFolder.ENV);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      if (root == null || !root.isObject()) {
        notices.add(
            new Notice(RunFolder.ENV, "is not a JSON object; the environment table is empty"));
        return null;
      }
      return root;
    } catch (IOException e) {
      notices.add(
          new Notice(
              RunFolder.ENV,
              "does not parse as JSON ("
                  + TableReader.abbreviate(String.valueOf(e.getMessage()))
                  + "); the environment table is empty"));
      return null;
    }
  }

  /** env.json as flat text values; nested values (jvm_flags, bench) become their JSON text. */
  static Map<String, String> flatten(JsonNode root) {
    Map<String, String> env = new LinkedHashMap<>();
    if (root == null) {
      return env;
    }
    root.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              String text;
              if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.isValueNode() ? x.asText() : x.toString()));
                text = String.join(" ", items);
              } else {
                text = v.isValueNode() ? v.asText() : v.toString();
              }
              env.put(e.getKey(), text);
            });
    return env;
  }
}
