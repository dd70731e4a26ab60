package org.ftcbench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.JmhFile;
import org.ftcbench.results.JmhResult;
import org.ftcbench.results.RunFolder;

/**
 * The raw samples of a run's jmh.json (JMH's own JSON result format): for every point, every
 * measurement iteration of every fork ({@code primaryMetric.rawData}, [fork][iteration]), in the
 * score unit JMH reported. The forks stay apart: they are the independent replicates ({@link
 * HierarchicalBootstrap}).
 *
 * @param folder the run folder
 * @param forks point → raw samples [fork][iteration]; a record without rawData gives its score as
 *     one fork of one iteration
 * @param units point → score unit, e.g. us/op
 * @param timings point → how long its warm-up, iterations and operations took
 */
public record JmhRun(
    Path folder,
    Map<BenchmarkPoint, double[][]> forks,
    Map<BenchmarkPoint, String> units,
    Map<BenchmarkPoint, Timing> timings) {

  /**
   * A point's JMH settings and speed, in seconds, for planning forks and iterations ({@link
   * ForkPlan}).
   *
   * @param warmupIterations warm-up iterations per fork
   * @param warmupSeconds one warm-up iteration's time setting
   * @param measurementSeconds one measured iteration's time setting
   * @param secondsPerOp one operation (from the score and its unit; NaN if the unit is unknown)
   */
  public record Timing(
      int warmupIterations, double warmupSeconds, double measurementSeconds, double secondsPerOp) {
    /** An iteration lasts its time setting, or one operation when that is longer. */
    public double iterationSeconds() {
      return Double.isNaN(secondsPerOp)
          ? measurementSeconds
          : Math.max(measurementSeconds, secondsPerOp);
    }

    /** A fork's warm-up. */
    public double warmupTotalSeconds() {
      double one =
          Double.isNaN(secondsPerOp) ? warmupSeconds : Math.max(warmupSeconds, secondsPerOp);
      return warmupIterations * one;
    }
  }

  /** Reads {@code folder/jmh.json}; a missing or unreadable file is the user's to fix (exit 2). */
  public static JmhRun load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new BadInputException(
          folder
              + " is not a folder: give a run folder such as "
              + "benchmarks/results/<machine>/<run>");
    }
    Path file = folder.resolve(RunFolder.JMH);
    List<JmhResult> results;
    try {
      results =
          JmhFile.read(folder, flopsProblem -> {})
              .orElseThrow(
                  () ->
                      new BadInputException(
                          folder
                              + " has no "
                              + RunFolder.JMH
                              + ": run './run-benchmarks.sh' (or 'bench') into it"
                              + " first"));
    } catch (JmhFile.Unusable e) {
      throw new BadInputException(file + " " + e.getMessage() + ": rerun the benchmarks");
    }
    Map<BenchmarkPoint, double[][]> forks = new TreeMap<>();
    Map<BenchmarkPoint, String> units = new TreeMap<>();
    Map<BenchmarkPoint, Timing> timings = new TreeMap<>();
    for (JmhResult r : results) {
      BenchmarkPoint point = new BenchmarkPoint(r.benchmark(), r.mode(), r.params());
      forks.put(point, r.forks());
      units.put(point, r.unit());
      timings.put(
          point,
          new Timing(
              r.warmupIterations(),
              r.warmupSeconds(),
              r.measurementSeconds(),
              r.secondsPerOp(VarianceComponents.of(r.forks()).mean())));
    }
    return new JmhRun(folder, forks, units, timings);
  }
}
