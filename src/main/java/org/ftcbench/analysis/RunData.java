package org.ftcbench.analysis;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ftcbench.results.ResultFiles;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * What one run folder holds, loaded and typed: each result file as a table (empty where the file is
 * missing or unusable) and every problem met on the way as a {@link Notice}.
 *
 * @param dir the run folder, {@code benchmarks/results/<machine>/<run>/}
 * @param machine the machine folder's name (or env.json's "machine")
 * @param runId the run folder's name, a UTC timestamp such as 20261126T235748Z
 * @param env env.json as flat text values, in file order (empty if missing)
 * @param certify certify.csv
 * @param capacity capacity.csv
 * @param cells cells.csv
 * @param jmh jmh.json
 * @param failures failures.csv, when the run recorded failed cells
 * @param progress which stages the run was started with and how far each got (env.json)
 * @param notices what is missing or broken, for the reader
 */
public record RunData(
    Path dir,
    String machine,
    String runId,
    Map<String, String> env,
    Optional<Table> certify,
    Optional<Table> capacity,
    Optional<Table> cells,
    Optional<JmhResults> jmh,
    Optional<Table> failures,
    RunProgress progress,
    List<Notice> notices) {
  public RunData {
    env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    notices = List.copyOf(notices);
  }

  /**
   * This run restricted to the paper's setting, the rows of Gaussian data and additive adapters
   * (every row of a run written before the {@code data} and {@code adapter} columns): what the
   * scaling, K-independence and Fig. 9 analyses read. The data-shape and LoRA experiments read the
   * whole run. The data-shape experiment's Gaussian rows ({@link #dataShapePoints}) are its
   * reference, not part of the paper's sweeps (they may have another d), so they are left out too.
   */
  public RunData paperSetting() {
    Set<List<Integer>> shape = dataShapePoints();
    return new RunData(
        dir,
        machine,
        runId,
        env,
        certify.map(t -> except(only(t, ResultFiles.DATA, ResultFiles.GAUSSIAN), shape)),
        capacity.map(t -> paperRows(t, shape)),
        cells.map(t -> paperRows(t, shape)),
        jmh,
        failures.map(t -> paperRows(t, shape)),
        progress,
        notices);
  }

  /**
   * The (N, K) points of the data-shape experiment: those at which a certify.csv or capacity.csv
   * row has inputs other than the paper's Gaussian ones.
   */
  public Set<List<Integer>> dataShapePoints() {
    Set<List<Integer>> out = new LinkedHashSet<>();
    for (Optional<Table> file : List.of(certify, capacity)) {
      file.filter(t -> t.containsColumn(ResultFiles.DATA))
          .ifPresent(
              t -> {
                for (int i = 0; i < t.rowCount(); i++) {
                  if (!t.stringColumn(ResultFiles.DATA).get(i).equals(ResultFiles.GAUSSIAN)
                      && !t.intColumn(ResultFiles.N).isMissing(i)
                      && !t.intColumn(ResultFiles.K).isMissing(i)) {
                    out.add(
                        List.of(
                            t.intColumn(ResultFiles.N).getInt(i),
                            t.intColumn(ResultFiles.K).getInt(i)));
                  }
                }
              });
    }
    return out;
  }

  private static Table paperRows(Table t, Set<List<Integer>> shape) {
    return except(
        only(
            only(t, ResultFiles.DATA, ResultFiles.GAUSSIAN),
            ResultFiles.ADAPTER,
            ResultFiles.ADDITIVE),
        shape);
  }

  /** The rows not at one of the (N, K) {@code points}. */
  private static Table except(Table t, Set<List<Integer>> points) {
    if (points.isEmpty()) {
      return t;
    }
    Selection keep = new BitmapBackedSelection();
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.intColumn(ResultFiles.N).isMissing(i)
          || t.intColumn(ResultFiles.K).isMissing(i)
          || !points.contains(
              List.of(
                  t.intColumn(ResultFiles.N).getInt(i), t.intColumn(ResultFiles.K).getInt(i)))) {
        keep.add(i);
      }
    }
    return t.where(keep);
  }

  /** The rows whose string column {@code column} is {@code value} (all rows if it has none). */
  private static Table only(Table t, String column, String value) {
    return t.containsColumn(column) ? t.where(t.stringColumn(column).isEqualTo(value)) : t;
  }

  /** "machine / run", the run's name in the report. */
  public String label() {
    return machine + " / " + runId;
  }
}
