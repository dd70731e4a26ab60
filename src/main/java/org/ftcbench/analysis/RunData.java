package org.ftcbench.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.results.ResultFiles;
import tech.tablesaw.api.Table;

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
   * whole run.
   */
  public RunData paperSetting() {
    return new RunData(
        dir,
        machine,
        runId,
        env,
        certify.map(t -> only(t, ResultFiles.DATA, ResultFiles.GAUSSIAN)),
        capacity.map(RunData::paperRows),
        cells.map(RunData::paperRows),
        jmh,
        failures.map(RunData::paperRows),
        progress,
        notices);
  }

  private static Table paperRows(Table t) {
    return only(
        only(t, ResultFiles.DATA, ResultFiles.GAUSSIAN), ResultFiles.ADAPTER, ResultFiles.ADDITIVE);
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
