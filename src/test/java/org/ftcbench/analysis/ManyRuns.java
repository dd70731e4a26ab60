package org.ftcbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.bench.Gemm;
import org.ftcbench.results.RunFolder;

/**
 * A results folder as a new user leaves it after trying things out: one complete run, then newer
 * runs that hold less, in docs/design.md's layout {@code results/<machine>/<run>/}:
 *
 * <ol>
 *   <li>{@link #COMPLETE}: {@link FixtureRun}, every file;
 *   <li>{@link #GEMM_ONLY}: {@code bench bench.benchmarks=gemm} into a new folder: the gemm points
 *       of a real bench run's jmh.json and flops.csv (resources analysis/bench-run) and its
 *       env.json, which has a bench object and no sweep settings;
 *   <li>{@link #OTHER_MACHINE}: a finished sweep under {@code --machine blas-system} that ran only
 *       the certified sweep (certify.csv), no bench;
 *   <li>{@link #UNFINISHED}: a sweep killed part-way: certify.csv, the first third of capacity.csv
 *       and cells.csv, and env.json with the sweep settings and {@code end: null}.
 * </ol>
 */
public final class ManyRuns {
  private ManyRuns() {}

  public static final String COMPLETE = "fixture-host-test-cpu/20260101T000000Z";
  public static final String GEMM_ONLY = "vm-amd-epyc/20260102T000000Z";
  public static final String OTHER_MACHINE = "blas-system/20260103T000000Z";
  public static final String UNFINISHED = "fixture-host-test-cpu/20260104T000000Z";

  /** Writes the four runs under {@code results}; returns their folders, oldest first. */
  public static List<Path> write(Path results) {
    try {
      Path complete = FixtureRun.write(results.resolve(COMPLETE));

      Path gemm = Files.createDirectories(results.resolve(GEMM_ONLY));
      ObjectNode env = (ObjectNode) json(resource(RunFolder.ENV));
      ((ObjectNode) env.at("/bench/settings")).putArray("benchmarks").add("gemm");
      env.put("start", "2026-01-02T00:00:00Z");
      writeJson(gemm.resolve(RunFolder.ENV), env);
      ArrayNode jmh = MAPPER.createArrayNode();
      for (JsonNode point : json(resource(RunFolder.JMH))) {
        if (point.get("benchmark").asText().startsWith(Gemm.class.getName() + ".")) {
          jmh.add(point);
        }
      }
      writeJson(gemm.resolve(RunFolder.JMH), jmh);
      List<String> flops = new java.util.ArrayList<>();
      for (String line : resource(RunFolder.FLOPS).lines().toList()) {
        if (flops.isEmpty() || line.startsWith(Gemm.class.getName() + ".")) {
          flops.add(line); // the header, then the gemm points
        }
      }
      Files.write(gemm.resolve(RunFolder.FLOPS), flops);

      Path other = Files.createDirectories(results.resolve(OTHER_MACHINE));
      writeJson(
          other.resolve(RunFolder.ENV), sweepEnv("blas-system", "2026-01-03T00:00:00Z", true));
      Files.writeString(other.resolve(RunFolder.CERTIFY), FixtureRun.certify());

      Path unfinished = Files.createDirectories(results.resolve(UNFINISHED));
      writeJson(
          unfinished.resolve(RunFolder.ENV),
          sweepEnv("fixture-host-test-cpu", "2026-01-04T00:00:00Z", false));
      Files.writeString(unfinished.resolve(RunFolder.CERTIFY), FixtureRun.certify());
      Files.writeString(unfinished.resolve(RunFolder.CAPACITY), firstThird(FixtureRun.capacity()));
      Files.writeString(unfinished.resolve(RunFolder.CELLS), firstThird(FixtureRun.cells()));
      return List.of(complete, gemm, other, unfinished);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** env.json as the sweep writes it: the stamp, first start, settings; end null while running. */
  private static ObjectNode sweepEnv(String machine, String start, boolean finished)
      throws IOException {
    ObjectNode env = (ObjectNode) MAPPER.readTree(FixtureRun.env());
    env.put("machine", machine);
    env.put("start", start);
    env.put("first_start", start);
    if (finished) {
      env.put("end", start.replace("T00:00", "T00:07"));
    } else {
      env.putNull("end");
    }
    env.putObject(RunProgress.SWEEP_SETTINGS).put("sweep.fig9.enabled", "true");
    return env;
  }

  /** The header and the first third of the rows, as a killed append-only writer leaves them. */
  private static String firstThird(String csv) {
    List<String> lines = csv.lines().toList();
    return String.join("\n", lines.subList(0, 1 + (lines.size() - 1) / 3)) + "\n";
  }

  private static String resource(String file) throws IOException {
    try (InputStream in =
        ManyRuns.class.getResourceAsStream("/org/ftcbench/analysis/bench-run/" + file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static JsonNode json(String text) throws IOException {
    return MAPPER.readTree(text);
  }

  private static void writeJson(Path file, JsonNode node) throws IOException {
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
  }
}
