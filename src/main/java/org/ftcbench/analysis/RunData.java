package org.ftcbench.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** "machine / run", the run's name in the report. */
  public String label() {
    return machine + " / " + runId;
  }
}
