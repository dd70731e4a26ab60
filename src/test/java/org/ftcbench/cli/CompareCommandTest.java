package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.report.ComparisonFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path tmp;

  /** One point, 3 forks × 2 iterations within 0.5% of {@code mean}. */
  private static String jmh(double mean) {
    StringBuilder raw = new StringBuilder("[");
    for (int i = 0; i < 6; i++) {
      raw.append(i == 0 ? "[" : i % 2 == 0 ? "],[" : ",").append(mean * (1 + 0.001 * i));
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
    String out = tmp.resolve("reports").toString();
    var r =
        MainTest.run(
            "compare", a.toString(), b.toString(), "--fail-on-regression", "10", "--out", out);
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("significantly slower");
    assertThat(r.out()).as("the page is written before the gate fails").contains("comparison page");
    assertThat(
            MainTest.run(
                    "compare",
                    a.toString(),
                    b.toString(),
                    "--fail-on-regression",
                    "30",
                    "--out",
                    out)
                .code())
        .isZero();
    var self =
        MainTest.run(
            "compare", a.toString(), a.toString(), "--fail-on-regression", "0", "--out", out);
    assertThat(self.code()).isZero();
    assertThat(self.out()).contains("1 same");
  }

  @Test
  void calibrateTakesPairsOfOneMachineAndCompareAppliesTheFloors() throws Exception {
    Path m = Files.createDirectories(tmp.resolve("results/m"));
    Path a = Files.createDirectories(m.resolve("r1"));
    Path b = Files.createDirectories(m.resolve("r2"));
    Files.writeString(a.resolve("jmh.json"), jmh(10));
    Files.writeString(b.resolve("jmh.json"), jmh(12)); // this machine drifts by 20%
    Files.writeString(a.resolve("env.json"), "{\"profile\":\"quick\"}");
    Files.writeString(b.resolve("env.json"), "{\"profile\":\"quick\"}");
    assertThat(MainTest.run("calibrate", a.toString()).code()).isEqualTo(2); // needs pairs
    assertThat(MainTest.run("calibrate", a.toString(), b.toString(), a.toString()).err())
        .contains("give them in pairs");
    Path elsewhere = run("x", 10);
    assertThat(MainTest.run("calibrate", a.toString(), elsewhere.toString()).err())
        .contains("machine folders");
    var cal = MainTest.run("calibrate", a.toString(), b.toString());
    assertThat(cal.code()).as(cal.err()).isZero();
    assertThat(cal.out()).contains("Bench.run [N=10] avgt").contains("(k=1)").contains("add pairs");
    String out = tmp.resolve("reports").toString();
    // the same 20% again between two later runs of this machine: within its calibrated floor
    var c =
        MainTest.run(
            "compare", a.toString(), b.toString(), "--fail-on-regression", "10", "--out", out);
    assertThat(c.code()).as(c.out()).isZero();
    assertThat(c.out()).contains("1 same").contains("(* floor from the A/A calibration)");
    var none =
        MainTest.run(
            "compare",
            a.toString(),
            b.toString(),
            "--calibration",
            "none",
            "--fail-on-regression",
            "10",
            "--out",
            out);
    assertThat(none.code()).isEqualTo(3);
    assertThat(
            MainTest.run(
                    "compare",
                    a.toString(),
                    b.toString(),
                    "--calibration",
                    "nope.json",
                    "--out",
                    out)
                .err())
        .contains("--calibration nope.json does not exist");
  }

  @Test
  void varianceSplitsTheNoiseAndChecksItsOptions() throws Exception {
    Path a = run("a", 10);
    var v = MainTest.run("variance", a.toString(), "--fork-overhead", "1");
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).contains("Bench.run [N=10] avgt").contains("3×2");
    assertThat(MainTest.run("variance", a.toString(), "--budget", "1x3").code()).isEqualTo(2);
    assertThat(MainTest.run("variance", a.toString(), "--fork-overhead", "-1").code()).isEqualTo(2);
  }

  @Test
  void aFolderWithoutJmhJsonIsBadInput() throws Exception {
    Path a = run("a", 10);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    String out = tmp.resolve("reports").toString();
    assertThat(MainTest.run("compare", a.toString(), empty.toString(), "--out", out).badInputLine())
        .contains("has no jmh.json");
    var missing =
        MainTest.run("compare", a.toString(), tmp.resolve("nope").toString(), "--out", out);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a folder");
    Files.writeString(empty.resolve("jmh.json"), "{not json");
    assertThat(MainTest.run("compare", a.toString(), empty.toString(), "--out", out).err())
        .contains("does not parse");
    assertThat(tmp.resolve("reports")).doesNotExist(); // bad input writes nothing
  }

  @Test
  void writesThePageRecordsItAsLatestAndPrintsSlopesAndThePath() throws Exception {
    Path[] runs = ComparisonFixture.write(tmp.resolve("results"));
    Path out = tmp.resolve("reports");
    var r =
        MainTest.run("compare", runs[0].toString(), runs[1].toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Path page =
        out.resolve(
                "compare/fixture-host-test-cpu_20261126T235748Z__vs__other-host_20261127T101010Z.html")
            .toAbsolutePath()
            .normalize();
    assertThat(page).isRegularFile();
    assertThat(out.resolve("compare/latest.json")).isRegularFile();
    assertThat(out.resolve("assets")).isDirectory();
    List<String> lines = r.out().strip().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("comparison page: " + page);
    assertThat(r.out())
        .contains("fitted slopes b of y = a·N^b [95% t interval]: A | B")
        .contains("certified neurons, depth 3, K = 2N")
        .containsPattern(
            "\\* PlainJavaForward\\.plainJava \\[depth=2, rows=256\\] +1\\.02 \\[1\\.01, 1\\.04\\]"
                + " +\\| 1\\.52")
        .containsPattern(
            "\\n  TrainStep\\.step \\[K=10000, depth=2, fMode=CACHED, precision… 1\\.05 ");
  }
}
