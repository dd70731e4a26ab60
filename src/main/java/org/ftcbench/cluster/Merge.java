package org.ftcbench.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFile;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;

/**
 * The merge job's work: every unit folder's rows into the run folder's usual files (cells.csv,
 * failures.csv, capacity.csv, certify.csv), each result once. A row whose key (the cell; the task
 * and criterion; the construction and point) is already in the run folder's file is left out, so
 * merging again, or merging into a folder a local sweep began, adds nothing twice. The run folder's
 * files are appended to as a local sweep appends to them (a crash mid-merge loses nothing: the next
 * merge adds the rest). Then env.json gets its end time and {@code R/slurm/merged.json} says which
 * submission was merged.
 */
public final class Merge {
  private Merge() {}

  /** Rows appended per file. */
  public record Summary(Map<String, Integer> appended) {}

  private static final List<ResultFile> FILES =
      List.of(ResultFiles.CELLS, ResultFiles.FAILURES, ResultFiles.CAPACITY, ResultFiles.CERTIFY);

  public static Summary run(Path runDir) {
    List<Path> units = List.of();
    if (Files.isDirectory(SlurmFiles.units(runDir))) {
      try (Stream<Path> dirs = Files.list(SlurmFiles.units(runDir))) {
        units = dirs.filter(Files::isDirectory).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("could not list " + SlurmFiles.units(runDir), e);
      }
    }
    Map<String, Integer> appended = new LinkedHashMap<>();
    for (ResultFile f : FILES) {
      // a local sweep always writes the trained files, and certify.csv when it certifies
      boolean any = !f.name().equals(RunFolder.CERTIFY) || Files.exists(runDir.resolve(f.name()));
      for (Path u : units) {
        any |= Files.exists(u.resolve(f.name()));
      }
      if (!any) {
        continue;
      }
      int n = 0;
      try (CsvLog target = CsvLog.open(runDir, f)) {
        Set<String> present = new HashSet<>();
        for (Map<String, String> row : target.rows()) {
          present.add(f.keyOf(row));
        }
        for (Path u : units) {
          for (Map<String, String> row : CsvLog.read(u, f)) {
            if (present.add(f.keyOf(row))) {
              target.append(List.copyOf(row.values()));
              n++;
            }
          }
        }
      }
      appended.put(f.name(), n);
    }
    stampEnd(runDir, Instant.now());
    return new Summary(appended);
  }

  /**
   * Records that submission {@code s} is merged and its report written: the last thing the merge
   * job does, and what a waiting sweep looks for.
   */
  public static void markMerged(Path runDir, Submission s, Summary summary, Path report) {
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("submission", s.number());
    marker.put("end", Instant.now().toString());
    marker.put("appended", summary.appended());
    marker.put("report", report.toString());
    writeJson(SlurmFiles.merged(runDir), marker);
  }

  /** What the merge job recorded: the submission it merged and the report; empty if none. */
  static Map<String, Object> marker(Path runDir) {
    Path f = SlurmFiles.merged(runDir);
    if (!Files.isRegularFile(f)) {
      return Map.of();
    }
    try {
      return JSON.readValue(f.toFile(), MAP);
    } catch (IOException e) {
      return Map.of(); // being written: read again later
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** env.json as the submitting sweep wrote it, with the end of the run. */
  private static void stampEnd(Path runDir, Instant end) {
    Path f = runDir.resolve(RunFolder.ENV);
    if (!Files.isRegularFile(f)) {
      return;
    }
    try {
      Map<String, Object> env = JSON.readValue(f.toFile(), MAP);
      env.put("end", end.toString());
      writeJson(f, env);
    } catch (IOException e) {
      throw new UncheckedIOException("could not update " + f, e);
    }
  }

  private static void writeJson(Path f, Map<String, Object> value) {
    try {
      AtomicFiles.writeString(f, JSON.writeValueAsString(value) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + f, e);
    }
  }
}
