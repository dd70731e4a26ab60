package org.ftcbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which stages a run was started with and how far each got, as its env.json records them: {@code
 * sweep} writes {@code sweep_settings} and leaves {@code end} null until it finishes; {@code bench}
 * writes a {@code bench} object whose {@code status} is "running", "complete" or "failed: …". A run
 * that holds no sweep was never asked for one (a bench-only run), which is not a problem of the
 * run.
 *
 * @param sweep the certified and trained sweeps (certify.csv, capacity.csv, cells.csv)
 * @param bench the kernel benchmarks (jmh.json)
 * @param benchStatus the bench object's status as written, or "" when there is none
 */
public record RunProgress(Stage sweep, Stage bench, String benchStatus) {
  /** How far one stage got. */
  public enum Stage {
    /** env.json does not say (it is missing, or older than these records): judge by the files. */
    UNRECORDED,
    /** The run was never asked for this stage. */
    NOT_RUN,
    /** Started and not finished: still running, or interrupted. */
    UNFINISHED,
    /** Stopped with an error. */
    FAILED,
    FINISHED
  }

  /** env.json's key of the sweep's settings (cli.SweepCommand writes it). */
  public static final String SWEEP_SETTINGS = "sweep_settings";

  /** env.json's key of the bench run's object (bench.BenchEnvironment writes it). */
  public static final String BENCH = "bench";

  /**
   * Reads the stages from env.json's {@code root} (null when missing or unreadable) and whether the
   * folder holds any sweep file or a jmh.json.
   */
  static RunProgress of(JsonNode root, boolean hasSweepFiles, boolean hasJmh) {
    if (root == null || !root.isObject()) {
      return new RunProgress(Stage.UNRECORDED, Stage.UNRECORDED, "");
    }
    boolean sweepRecorded = root.has(SWEEP_SETTINGS);
    JsonNode bench = root.get(BENCH);
    boolean benchRecorded = bench != null && bench.isObject();
    Stage sweep;
    if (sweepRecorded) {
      JsonNode end = root.get("end");
      sweep = end == null || end.isNull() ? Stage.UNFINISHED : Stage.FINISHED;
    } else {
      // a bench run into a new folder writes the stamp itself: the folder has no sweep
      sweep = benchRecorded && !hasSweepFiles ? Stage.NOT_RUN : Stage.UNRECORDED;
    }
    String status = benchRecorded ? bench.path("status").asText("") : "";
    Stage benchStage;
    if (benchRecorded) {
      benchStage =
          status.equals("complete")
              ? Stage.FINISHED
              : status.startsWith("failed") ? Stage.FAILED : Stage.UNFINISHED;
    } else {
      benchStage = sweepRecorded && !hasJmh ? Stage.NOT_RUN : Stage.UNRECORDED;
    }
    return new RunProgress(sweep, benchStage, status);
  }

  /** Whether a stage is still running or was interrupted. */
  public boolean unfinished() {
    return sweep == Stage.UNFINISHED || bench == Stage.UNFINISHED;
  }
}
