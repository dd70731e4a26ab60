package org.ftcbench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftcbench.data.BadInputException;
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
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          folder
              + " has no "
              + RunFolder.JMH
              + ": run './run-benchmarks.sh' (or 'bench') into it"
              + " first");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(
          file
              + " does not parse as JSON ("
              + firstLine(e.getMessage())
              + "): rerun the benchmarks");
    }
    if (root == null || !root.isArray()) {
      throw new BadInputException(file + " is not JMH's JSON result array: rerun the benchmarks");
    }
    Map<BenchmarkPoint, double[][]> forks = new TreeMap<>();
    Map<BenchmarkPoint, String> units = new TreeMap<>();
    Map<BenchmarkPoint, Timing> timings = new TreeMap<>();
    for (JsonNode rec : root) {
      Map<String, String> params = new LinkedHashMap<>();
      JsonNode p = rec.path("params");
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
      BenchmarkPoint point =
          new BenchmarkPoint(rec.path("benchmark").asText(), rec.path("mode").asText(), params);
      JsonNode metric = rec.path("primaryMetric");
      List<double[]> raw = new ArrayList<>();
      for (JsonNode fork : metric.path("rawData")) {
        List<Double> iterations = new ArrayList<>();
        fork.forEach(v -> iterations.add(v.asDouble()));
        if (!iterations.isEmpty()) {
          raw.add(iterations.stream().mapToDouble(Double::doubleValue).toArray());
        }
      }
      if (raw.isEmpty()) {
        raw.add(new double[] {metric.path("score").asDouble(Double.NaN)});
      }
      forks.put(point, raw.toArray(double[][]::new));
      String unit = metric.path("scoreUnit").asText("");
      units.put(point, unit);
      timings.put(
          point,
          new Timing(
              rec.path("warmupIterations").asInt(0),
              seconds(rec.path("warmupTime").asText("")),
              seconds(rec.path("measurementTime").asText("")),
              secondsPerOp(VarianceComponents.of(forks.get(point)).mean(), unit)));
    }
    return new JmhRun(folder, forks, units, timings);
  }

  /** JMH's time setting, e.g. "300 ms" or "1 s", in seconds; NaN if it does not parse. */
  static double seconds(String time) {
    String[] p = time.trim().split("\\s+");
    if (p.length != 2) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(p[0]) * unitSeconds(p[1]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Seconds of one operation from a score in "us/op" (time) or "ops/ms" (throughput) units. */
  static double secondsPerOp(double score, String unit) {
    String[] p = unit.split("/");
    if (p.length != 2) {
      return Double.NaN;
    }
    if (p[1].equals("op")) {
      return score * unitSeconds(p[0]);
    }
    if (p[0].equals("ops")) {
      return unitSeconds(p[1]) / score;
    }
    return Double.NaN;
  }

  private static double unitSeconds(String u) {
    return switch (u) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "min" -> 60;
      default -> Double.NaN;
    };
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
