package org.ftcbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.ftcbench.analysis.FixtureRun;
import org.ftcbench.bench.Gemm;
import org.ftcbench.bench.PlainJavaForward;
import org.ftcbench.bench.TrainStep;
import org.ftcbench.results.Csv;
import org.ftcbench.results.RunFolder;

/**
 * Two runs with known differences for the comparison page: A is {@link FixtureRun} (real JMH
 * output); B is the same run "on another machine":
 *
 * <ul>
 *   <li>env.json: another machine, CPU model, JVM version and commit;
 *   <li>jmh.json: every raw sample of TrainStep.step ×3 (slower), of PlainJavaForward.jblas ×0.3
 *       (faster), of PlainJavaForward.plainJava ×√(N/10) (a slope larger by 0.5), Gemm.dgemm
 *       unchanged, and dgemm size=512 left out (a point only in A);
 *   <li>capacity.csv: depth-2 widths of criterion relative:0.01 larger by 2.
 * </ul>
 */
public final class ComparisonFixture {
  private ComparisonFixture() {}

  static final String MACHINE_B = "other-host";
  static final String CPU_B = "Other CPU @ 2.0GHz";

  /** The benchmarks whose times B changes (jmh.json's names, {@link FixtureRun#POINTS}). */
  static final String TRAIN_STEP = TrainStep.class.getName() + ".step";

  static final String JBLAS = PlainJavaForward.class.getName() + ".jblas";
  static final String PLAIN_JAVA = PlainJavaForward.class.getName() + ".plainJava";
  static final String DGEMM = Gemm.class.getName() + ".dgemm";

  /** Writes A under {@code root/fixture-host/…} and B under {@code root/other-host/…}. */
  public static Path[] write(Path root) {
    Path a = FixtureRun.write(root.resolve("fixture-host/20261126T235748Z"));
    Path b = FixtureRun.write(root.resolve(MACHINE_B + "/20261127T101010Z"));
    try {
      ObjectMapper om = new ObjectMapper();
      ArrayNode jmh = (ArrayNode) om.readTree(b.resolve(RunFolder.JMH).toFile());
      for (Iterator<JsonNode> it = jmh.elements(); it.hasNext(); ) {
        JsonNode r = it.next();
        String bench = r.path("benchmark").asText();
        if (bench.equals(DGEMM) && "512".equals(r.path("params").path("size").asText())) {
          it.remove();
          continue;
        }
        double n = r.path("params").path("N").asDouble(10);
        double f =
            bench.equals(TRAIN_STEP)
                ? 3.0
                : bench.equals(JBLAS) ? 0.3 : bench.equals(PLAIN_JAVA) ? Math.sqrt(n / 10) : 1.0;
        ObjectNode pm = (ObjectNode) r.path("primaryMetric");
        pm.put("score", pm.path("score").asDouble() * f);
        ArrayNode ci = (ArrayNode) pm.path("scoreConfidence");
        for (int i = 0; i < ci.size(); i++) {
          ci.set(i, ci.get(i).asDouble() * f);
        }
        for (JsonNode fork : pm.path("rawData")) {
          ArrayNode samples = (ArrayNode) fork;
          for (int i = 0; i < samples.size(); i++) {
            samples.set(i, samples.get(i).asDouble() * f);
          }
        }
      }
      om.writerWithDefaultPrettyPrinter().writeValue(b.resolve(RunFolder.JMH).toFile(), jmh);
      ObjectNode env = (ObjectNode) om.readTree(b.resolve(RunFolder.ENV).toFile());
      env.put("machine", MACHINE_B);
      env.put("host", MACHINE_B);
      env.put("cpu_model", CPU_B);
      env.put("jvm_version", "21.0.5+11-Debian");
      env.put("git_commit", "fedcba987654");
      env.put("start", "2026-11-27T10:10:10Z");
      om.writerWithDefaultPrettyPrinter().writeValue(b.resolve(RunFolder.ENV).toFile(), env);
      List<String> lines = Files.readAllLines(b.resolve(RunFolder.CAPACITY));
      List<String> out = new ArrayList<>(List.of(lines.get(0)));
      for (String line : lines.subList(1, lines.size())) {
        List<String> f = new ArrayList<>(Csv.parse(line));
        // depth,N,K,d,seed,criterion,m_min,…
        if (f.get(0).equals("2") && f.get(5).equals("relative:0.01") && !f.get(6).isEmpty()) {
          f.set(6, String.valueOf(Long.parseLong(f.get(6)) + 2));
        }
        out.add(Csv.line(f));
      }
      Files.writeString(b.resolve(RunFolder.CAPACITY), String.join("\n", out) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Path[] {a, b};
  }
}
