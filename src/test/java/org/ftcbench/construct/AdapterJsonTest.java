package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.FineTuningTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterJsonTest {
  @TempDir Path dir;

  /**
   * The slow reference check: the exported file, read back as a plain JSON tree and evaluated with
   * plain loops (no jblas), gives the residuals the certificate reports.
   */
  @Test
  void theExportEvaluatedWithPlainLoopsGivesTheSameResiduals() throws Exception {
    int file = 0;
    for (Construction c : Construction.values()) {
      for (long seed = 1; seed <= 3; seed++) {
        FineTuningTask task =
            RandomTasks.task(
                60 + (int) seed * 7,
                9,
                3,
                seed,
                RandomTasks.Placement.RANDOM,
                RandomTasks.Targets.UNIFORM);
        CertifiedAdapter r = Certifier.certify(task, c, seed, ClipSettings.defaults());
        Path path = dir.resolve("a" + file++ + ".json");
        AdapterJson.write(path, task, r);

        JsonNode root = new ObjectMapper().readTree(path.toFile());
        assertThat(root.get("format").asText()).isEqualTo("ftc-adapter/1");
        assertThat(root.get("construction").asText()).isEqualTo(c.label());
        assertThat(root.get("depth").asInt()).isEqualTo(c.depth());
        assertThat(root.get("neurons").asInt()).isEqualTo(r.neurons());
        JsonNode t = root.get("task");
        int k = t.get("K").asInt();
        double worst = 0;
        for (int i = 0; i < k; i++) {
          double[] h = new double[t.get("x").get(i).size()];
          for (int j = 0; j < h.length; j++) {
            h[j] = t.get("x").get(i).get(j).asDouble();
          }
          JsonNode layers = root.get("layers");
          for (int l = 0; l < layers.size(); l++) {
            JsonNode w = layers.get(l).get("W");
            JsonNode b = layers.get(l).get("b");
            double[] next = new double[b.size()];
            for (int o = 0; o < next.length; o++) {
              double s = b.get(o).asDouble();
              for (int in = 0; in < h.length; in++) {
                s += w.get(o).get(in).asDouble() * h[in];
              }
              next[o] = l < layers.size() - 1 ? Math.max(0, s) : s;
            }
            h = next;
          }
          worst = Math.max(worst, Math.abs(h[0] - t.get("z").get(i).asDouble()));
        }
        double tol = r.verification().tolerance();
        assertThat(worst).as("%s seed %d", c, seed).isLessThanOrEqualTo(tol);
        assertThat(Math.abs(worst - r.verification().maxAbsResidualOfG())).isLessThanOrEqualTo(tol);
        assertThat(root.get("max_abs_residual").asDouble())
            .isEqualTo(r.verification().maxAbsResidualOfG());

        // reading the task back gives the same task, bit for bit
        AdapterJson.InputTask back = AdapterJson.readTask(path);
        assertThat(back.task().x().data).containsExactly(task.x().data);
        assertThat(back.task().z().data).containsExactly(task.z().data);
        assertThat(back.task().changed()).containsExactly(task.changed());
        assertThat(back.seed()).isEqualTo(task.seed());
        // and the network read back is the network written
        assertThat(AdapterJson.readNetwork(path).network().parameters().get(0).data)
            .containsExactly(r.network().weight(1).data);
        // an exact certificate is what the file's numbers give in exact (BigDecimal) arithmetic
        assertThat(root.get("residual_arithmetic").asText())
            .isEqualTo(r.verification().arithmetic());
        if (r.verification().exact()) {
          java.math.BigDecimal[] exact =
              ExactForwardTest.reference(AdapterJson.readNetwork(path), back.task().x());
          double worstExact = 0;
          for (int i = 0; i < k; i++) {
            worstExact =
                Math.max(
                    worstExact,
                    exact[i]
                        .subtract(new java.math.BigDecimal(task.z().get(i)))
                        .abs()
                        .doubleValue());
          }
          assertThat(worstExact)
              .isCloseTo(root.get("max_abs_residual").asDouble(), within(1e-15 * (1 + worstExact)));
        }
      }
    }
  }

  @Test
  void aBareTaskWithoutTTakesTheNonZeroTargets() throws Exception {
    Path p = dir.resolve("task.json");
    Files.writeString(p, "{\"x\": [[0.1, 1], [0.2, 3], [0.5, -1]], \"z\": [0, 0.7, 0]}");
    AdapterJson.InputTask in = AdapterJson.readTask(p);
    assertThat(in.task().changed()).containsExactly(1);
    assertThat(in.seed()).isNull();
  }

  @Test
  void badFilesSayWhatIsWrong() throws Exception {
    String[][] cases = {
      {"{", "is not valid JSON"},
      {"[1, 2]", "does not hold a JSON object"},
      {"{\"z\": [1]}", "\"x\" is missing"},
      {"{\"x\": [[1], [2]], \"z\": [1]}", "x has 2 rows but z has 1 entries"},
      {"{\"x\": [[1, 2], [2]], \"z\": [1, 0]}", "x[1] has 1 entries"},
      {"{\"x\": [[1], [\"a\"]], \"z\": [1, 0]}", "x[1][0] = \"a\" is not a number"},
      {"{\"x\": [[1], [2]], \"z\": [1, 0], \"T\": [5]}", "T contains index 5"},
      {"{\"x\": [[1], [2]], \"z\": [1, 0.5], \"T\": [0]}", "sample 1 is not in T"},
    };
    for (String[] c : cases) {
      Path p = dir.resolve("bad.json");
      Files.writeString(p, c[0]);
      assertThatThrownBy(() -> AdapterJson.readTask(p))
          .as(c[0])
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining(c[1]);
    }
    assertThatThrownBy(() -> AdapterJson.readTask(dir.resolve("missing.json")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("does not exist");
  }
}
