package org.ftcbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ResultFileTest {
  @TempDir Path dir;

  static final String HEADER = String.join(",", ResultFiles.CAPACITY.header());

  final List<String> problems = new ArrayList<>();

  Optional<Table> read(ResultFile file, String content) throws Exception {
    Files.writeString(dir.resolve(file.name()), content);
    return file.read(dir, problems::add);
  }

  Table capacity(String... rows) throws Exception {
    return read(ResultFiles.CAPACITY, HEADER + "\n" + String.join("\n", rows) + "\n").orElseThrow();
  }

  @Test
  void readsTypedColumnsWithMissingValues() throws Exception {
    Table t =
        capacity(
            "3,100,1000,10,1,paper,,NaN,0.06,2000,10,float32,gaussian,additive",
            "3,200,1000,10,1,paper,24,0.03,0.13,2000,10,float32,gaussian,additive");
    assertThat(problems).isEmpty();
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.doubleColumn(ResultFiles.M_MIN).isMissing(0)).isTrue();
    assertThat(t.doubleColumn(ResultFiles.M_MIN).getDouble(1)).isEqualTo(24);
    assertThat(t.intColumn(ResultFiles.N).getInt(1)).isEqualTo(200);
    assertThat(t.stringColumn(ResultFiles.CRITERION).get(0)).isEqualTo("paper");
    assertThat(t.stringColumn(ResultFiles.PRECISION).get(1)).isEqualTo("float32");
  }

  @Test
  void filesWrittenBeforeThePrecisionColumnReadAsFloat64() throws Exception {
    // the format of run folders before capacity.csv and cells.csv recorded their precision
    Table capacity =
        read(
                ResultFiles.CAPACITY,
                "depth,N,K,d,seed,criterion,m_min,loss_at_m_min,initial_loss,steps,wall_ms\n"
                    + "3,100,1000,10,1,paper,12,0.03,0.06,2000,10\n")
            .orElseThrow();
    Table cells =
        read(
                ResultFiles.CELLS,
                "depth,N,K,d,m,seed,final_loss,initial_loss,steps,wall_ms\n"
                    + "3,100,1000,10,6,1,0.05,0.06,2000,40\n"
                    + "3,100,1000,10,12,1,0.01,0.06,2000,41\n")
            .orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(capacity.stringColumn(ResultFiles.PRECISION).asList()).containsExactly("float64");
    assertThat(capacity.doubleColumn(ResultFiles.M_MIN).getDouble(0)).isEqualTo(12);
    assertThat(cells.stringColumn(ResultFiles.PRECISION).asList())
        .containsExactly("float64", "float64");
    assertThat(cells.intColumn(ResultFiles.M).asList()).containsExactly(6, 12);
  }

  @Test
  void aTornLastLineIsLeftOutWithAProblem() throws Exception {
    Table t =
        read(
                ResultFiles.CAPACITY,
                HEADER
                    + "\n3,100,1000,10,1,paper,12,0.03,0.06,2000,10,float64,gaussian,additive\n3,200,10")
            .orElseThrow();
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(problems).singleElement().asString().contains("last line is incomplete");
  }

  @Test
  void badRowsAreNamedAndLeftOut() throws Exception {
    Table t =
        capacity(
            "3,abc,1000,10,1,paper,12,0.03,0.06,2000,10,float64,gaussian,additive",
            "3,100,1000,10,1,paper,12,0.03,0.06,2000,10,float64,gaussian,additive",
            "1,2");
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(problems)
        .containsExactly(
            "2 rows do not parse and were left out (first: line 2: N = 'abc' is not an integer)");
  }

  @Test
  void aHeaderWithoutARequiredColumnMakesTheFileUnusable() throws Exception {
    assertThat(read(ResultFiles.CAPACITY, "depth,N,K\n3,100,1000\n")).isEmpty();
    assertThat(problems.get(0)).contains("does not parse").contains("criterion, m_min");
  }

  @Test
  void aMissingFileIsEmptyWithoutAProblemHere() {
    assertThat(ResultFiles.CAPACITY.read(dir, problems::add)).isEmpty();
    assertThat(problems).isEmpty(); // the loader says "missing", once
  }

  @Test
  void aLineHasOneValuePerColumnQuotedAsRfc4180() {
    assertThat(
            ResultFiles.FAILURES.line(
                List.of(
                    3, 100, 1000, 10, 6, 1L, 17, "loss is NaN, \"diverged\"", "line", "additive")))
        .isEqualTo("3,100,1000,10,6,1,17,\"loss is NaN, \"\"diverged\"\"\",line,additive");
    assertThatThrownBy(() -> ResultFiles.FAILURES.line(List.of(3, 100)))
        .hasMessage("failures.csv has 10 columns, got 2 values");
  }

  @Test
  void aRowKeyIsItsKeyColumnsInOrder() {
    assertThat(
            ResultFiles.CERTIFY.keyOf(
                java.util.Map.of(
                    "construction",
                    "three-layer-u1-yun",
                    "N",
                    "10",
                    "K",
                    "100",
                    "d",
                    "10",
                    "seed",
                    "1",
                    "depth",
                    "3",
                    "data",
                    "gaussian")))
        .isEqualTo("three-layer-u1-yun,10,100,10,1,gaussian");
  }
}
