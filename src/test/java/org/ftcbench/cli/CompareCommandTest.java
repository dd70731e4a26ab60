package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path tmp;

  private static String jmh(double mean) {
    StringBuilder raw = new StringBuilder("[[");
    for (int i = 0; i < 6; i++) {
      raw.append(i == 0 ? "" : ",").append(mean * (1 + 0.001 * i));
    }
    raw.append("]]");
    return "[{\"benchmark\":\"x.Bench.run\",\"mode\":\"avgt\",\"params\":{\"N\":\"10\"},"
        + "\"primaryMetric\":{\"score\":"
        + mean
        + ",\"scoreUnit\":\"us/op\",\"rawData\":"
        + raw
        + "}}]";
  }

  private Path run(String name, double mean) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("jmh.json"), jmh(mean));
    Files.writeString(dir.resolve("env.json"), "{\"profile\":\"quick\"}");
    return dir;
  }

  @Test
  void theRegressionGateExitsWith3OnlyBeyondItsThreshold() throws Exception {
    Path a = run("a", 10);
    Path b = run("b", 12);
    var r = MainTest.run("compare", a.toString(), b.toString(), "--fail-on-regression", "10");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("significantly slower");
    assertThat(
            MainTest.run("compare", a.toString(), b.toString(), "--fail-on-regression", "30")
                .code())
        .isZero();
    var self = MainTest.run("compare", a.toString(), a.toString(), "--fail-on-regression", "0");
    assertThat(self.code()).isZero();
    assertThat(self.out()).contains("1 same");
  }

  @Test
  void aFolderWithoutJmhJsonIsBadInput() throws Exception {
    Path a = run("a", 10);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    var r = MainTest.run("compare", a.toString(), empty.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("has no jmh.json");
    var missing = MainTest.run("compare", a.toString(), tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a folder");
    Files.writeString(empty.resolve("jmh.json"), "{not json");
    assertThat(MainTest.run("compare", a.toString(), empty.toString()).err())
        .contains("does not parse");
  }
}
