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
 */
public record JmhRun(
    Path folder, Map<BenchmarkPoint, double[][]> forks, Map<BenchmarkPoint, String> units) {

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
      units.put(point, metric.path("scoreUnit").asText(""));
    }
    return new JmhRun(folder, forks, units);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
