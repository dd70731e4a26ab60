package org.ftcbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Reads a run's jmh.json (JMH's own {@code -rf json} format, unmodified) into {@link JmhResult}s,
 * the one place that parses it, and attaches to each the FLOPs per operation of the run's flops.csv
 * ({@link ResultFiles#FLOPS}, written by bench beside jmh.json): a flops.csv row belongs to the
 * result with its benchmark and its parameters.
 */
public final class JmhFile {
  private JmhFile() {}

  /** jmh.json exists but is not JMH's JSON result array; the message says what it is instead. */
  public static final class Unusable extends RuntimeException {
    Unusable(String message) {
      super(message);
    }
  }

  /**
   * The results of {@code dir/jmh.json}, in file order, with flops.csv's FLOPs; empty when there is
   * no jmh.json. A problem with flops.csv (its rows are then left out: those results have no FLOPs)
   * is one line given to {@code flopsProblems}.
   *
   * @throws Unusable if jmh.json does not parse as JSON or is not an array of results
   */
  public static Optional<List<JmhResult>> read(Path dir, Consumer<String> flopsProblems) {
    Path file = dir.resolve(RunFolder.JMH);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new Unusable("does not parse as JSON (" + TableReader.abbreviate(first) + ")");
    }
    if (root == null || !root.isArray()) {
      throw new Unusable("is not JMH's JSON result format (expected an array of results)");
    }
    Map<Point, Double> flops = flops(dir, flopsProblems);
    List<JmhResult> results = new ArrayList<>();
    int unmatched = 0;
    String firstUnmatched = null;
    for (JsonNode r : root) {
      SortedMap<String, String> params = new TreeMap<>();
      r.path("params")
          .fields()
          .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      String benchmark = r.path("benchmark").asText("");
      Double perOp = flops.get(new Point(benchmark, params));
      if (!flops.isEmpty() && perOp == null) {
        unmatched++;
        if (firstUnmatched == null) {
          firstUnmatched = benchmark + " " + params;
        }
      }
      JsonNode pm = r.path("primaryMetric");
      Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>();
      r.path("secondaryMetrics")
          .fields()
          .forEachRemaining(
              e ->
                  secondary.put(
                      e.getKey(),
                      new JmhResult.Metric(
                          e.getValue().path("score").asDouble(Double.NaN),
                          e.getValue().path("scoreUnit").asText("").strip(),
                          raw(e.getValue().path("rawData")))));
      double score = pm.path("score").asDouble(Double.NaN);
      double[][] forks = raw(pm.path("rawData"));
      results.add(
          new JmhResult(
              benchmark,
              r.path("mode").asText(""),
              params,
              pm.path("scoreUnit").asText(""),
              score,
              pm.path("scoreError").asDouble(Double.NaN),
              pm.path("scoreConfidence").path(0).asDouble(Double.NaN),
              pm.path("scoreConfidence").path(1).asDouble(Double.NaN),
              forks.length == 0 ? new double[][] {{score}} : forks,
              secondary,
              r.path("warmupIterations").asInt(0),
              JmhResult.durationSeconds(r.path("warmupTime").asText("")),
              JmhResult.durationSeconds(r.path("measurementTime").asText("")),
              perOp == null ? Double.NaN : perOp));
    }
    if (unmatched > 0) {
      flopsProblems.accept(
          "has no row for "
              + unmatched
              + (unmatched == 1 ? " result" : " results")
              + " of "
              + RunFolder.JMH
              + " (first: "
              + firstUnmatched
              + "); their GFLOP/s is left out unless JMH recorded FLOPs");
    }
    return Optional.of(results);
  }

  /** A benchmark method at one parameter set: what a flops.csv row and a result share. */
  private record Point(String benchmark, Map<String, String> params) {}

  /** [fork][iteration]; forks without iterations are left out. */
  private static double[][] raw(JsonNode raw) {
    List<double[]> forks = new ArrayList<>();
    for (JsonNode fork : raw) {
      double[] v = new double[fork.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = fork.get(i).asDouble(Double.NaN);
      }
      if (v.length > 0) {
        forks.add(v);
      }
    }
    return forks.toArray(double[][]::new);
  }

  /** flops.csv's FLOPs per operation by point; empty when the run has none. */
  private static Map<Point, Double> flops(Path dir, Consumer<String> problems) {
    Map<Point, Double> flops = new HashMap<>();
    Table t = ResultFiles.FLOPS.read(dir, problems).orElse(null);
    if (t == null) {
      return flops;
    }
    int bad = 0;
    for (Row r : t) {
      double v = r.getDouble(ResultFiles.FLOPS_PER_OP);
      if (!(v >= 0) || !Double.isFinite(v)) {
        bad++;
        continue;
      }
      flops.put(
          new Point(r.getString(ResultFiles.BENCHMARK), params(r.getString(ResultFiles.PARAMS))),
          v);
    }
    if (bad > 0) {
      problems.accept(
          bad
              + (bad == 1 ? " row was" : " rows were")
              + " left out (flops_per_op is not a number ≥ 0)");
    }
    return flops;
  }

  /** flops.csv's params, {@code name=value} pairs joined by ';' ("" for none), as a map. */
  private static Map<String, String> params(String text) {
    Map<String, String> params = new TreeMap<>();
    for (String pair : text.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return params;
  }
}
