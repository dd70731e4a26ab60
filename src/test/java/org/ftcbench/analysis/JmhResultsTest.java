package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.bench.Flops;
import org.ftcbench.results.JmhResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Against real JMH 1.37 output under the suite's benchmark names ({@link FixtureRun#writeJmh}) and
 * hand-written edge cases.
 */
class JmhResultsTest {
  @TempDir Path dir;

  JmhResults fixture() throws Exception {
    FixtureRun.writeJmh(dir);
    List<Notice> notices = new ArrayList<>();
    JmhResults r = JmhResults.read(dir, "jmh.json", notices).orElseThrow();
    assertThat(notices).isEmpty();
    return r;
  }

  int row(Table t, String series, int n) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn(Columns.SERIES).get(i).equals(series)
          && !t.intColumn(Columns.N).isMissing(i)
          && t.intColumn(Columns.N).getInt(i) == n) {
        return i;
      }
    }
    throw new AssertionError(series + " N=" + n);
  }

  @Test
  void readsEveryResultWithItsParametersAndRawSamples() throws Exception {
    JmhResults r = fixture();
    Table t = r.table();
    assertThat(t.rowCount()).isEqualTo(36);
    int i = row(t, "PlainJavaForward.jblas [depth=2, rows=256]", 10);
    var raw =
        new ObjectMapper().readTree(dir.resolve("jmh.json").toFile()).get(0).path("primaryMetric");
    assertThat(t.doubleColumn(Columns.SECONDS).getDouble(i))
        .isCloseTo(raw.path("score").asDouble() * 1e-6, within(1e-15));
    assertThat(r.samples(i)).hasSize(6); // 2 forks × 3 iterations
    assertThat(r.samples(i)[0])
        .isCloseTo(raw.path("rawData").get(0).get(0).asDouble() * 1e-6, within(1e-15));
    assertThat(t.intColumn(Columns.DEPTH).getInt(i)).isEqualTo(2);
    assertThat(r.result(i).params()).containsEntry("rows", "256").containsEntry("N", "10");
    assertThat(t.stringColumn(Columns.SERIES).asList())
        .contains(
            "TrainStep.step [K=10000, depth=3, fMode=RECOMPUTE, precision=float64]", "Gemm.dgemm");
  }

  @Test
  void gflopsAreFlopsCsvsCountOverTheTime() throws Exception {
    JmhResults r = fixture();
    Table t = r.table();
    for (int i = 0; i < t.rowCount(); i++) {
      double seconds = t.doubleColumn(Columns.SECONDS).getDouble(i);
      assertThat(t.doubleColumn("gflops").getDouble(i))
          .isCloseTo(r.result(i).flopsPerOp() / seconds / 1e9, within(1e-9));
      if (t.stringColumn(Columns.BENCHMARK).get(i).equals("Gemm.dgemm")) {
        assertThat(r.result(i).flopsPerOp())
            .isEqualTo(Flops.gemm(t.intColumn(Columns.SIZE).getInt(i)));
      }
    }
  }

  @Test
  void seriesAreFoundByBenchmarkAndParametersNotByName() throws Exception {
    JmhResults r = fixture();
    JmhResult recompute =
        r.result(
            row(
                r.table(),
                "TrainStep.step [K=10000, depth=2, fMode=RECOMPUTE, precision=float64]",
                100));
    java.util.Map<String, String> cached = new java.util.TreeMap<>(recompute.params());
    cached.put("fMode", "CACHED");
    cached.put("N", "3000"); // any N: the series' axis
    assertThat(r.series(recompute.benchmark(), cached))
        .contains("TrainStep.step [K=10000, depth=2, fMode=CACHED, precision=float64]");
    cached.put("precision", "float32");
    assertThat(r.series(recompute.benchmark(), cached)).isEmpty();
  }

  @Test
  void withoutFlopsCsvOrAFlopCounterThereIsNoRateEvenForGemm() throws Exception {
    FixtureRun.writeJmh(dir);
    Files.delete(dir.resolve("flops.csv"));
    List<Notice> notices = new ArrayList<>();
    Table t = JmhResults.read(dir, "jmh.json", notices).orElseThrow().table();
    assertThat(notices).isEmpty();
    assertThat(t.doubleColumn("gflops").isMissing().size()).isEqualTo(t.rowCount());
  }

  @Test
  void throughputScoresBecomeTimePerOp() throws Exception {
    Files.writeString(
        dir.resolve("jmh.json"),
        """
        [{"benchmark":"a.B.forward","mode":"thrpt","params":{"N":"100"},
          "primaryMetric":{"score":2000.0,"scoreError":100.0,"scoreConfidence":[1900.0,2100.0],
            "scoreUnit":"ops/s","rawData":[[1900.0,2100.0]]},
          "secondaryMetrics":{"flops":{"score":4.0E9,"scoreUnit":"ops/s"}}},
         {"benchmark":"a.B.weird","mode":"avgt","primaryMetric":{"score":1.0,"scoreUnit":"furlongs"}}]
        """);
    List<Notice> notices = new ArrayList<>();
    JmhResults r = JmhResults.read(dir, "jmh.json", notices).orElseThrow();
    Table t = r.table();
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(t.doubleColumn(Columns.SECONDS).getDouble(0)).isCloseTo(5e-4, within(1e-15));
    assertThat(t.doubleColumn(Columns.SECONDS_LOW).getDouble(0))
        .isCloseTo(1 / 2100.0, within(1e-15));
    assertThat(t.doubleColumn("gflops").getDouble(0)).isCloseTo(4.0, within(1e-12));
    assertThat(r.samples(0)).containsExactly(1 / 1900.0, 1 / 2100.0);
    assertThat(notices).singleElement().extracting(Notice::message).asString().contains("furlongs");
  }

  @Test
  void garbageIsANoticeNotACrash() throws Exception {
    Files.writeString(dir.resolve("jmh.json"), "[{\"benchmark\": ");
    List<Notice> notices = new ArrayList<>();
    assertThat(JmhResults.read(dir, "jmh.json", notices)).isEmpty();
    assertThat(notices.get(0).oneLine()).startsWith("jmh.json: does not parse as JSON");
  }
}
