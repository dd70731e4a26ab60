package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvTableTest {
  @TempDir Path dir;

  static final String HEADER = String.join(",", Columns.CAPACITY);

  Optional<Table> read(String content, List<Notice> notices) throws Exception {
    Files.writeString(dir.resolve("capacity.csv"), content);
    return CsvTable.read(dir, RunLoader.CAPACITY, notices);
  }

  @Test
  void readsTypedColumnsWithMissingValues() throws Exception {
    List<Notice> notices = new ArrayList<>();
    Table t =
        read(
                HEADER
                    + "\n3,100,1000,10,1,paper,,NaN,0.06,2000,10\n3,200,1000,10,1,paper,24,0.03,0.13,2000,10\n",
                notices)
            .orElseThrow();
    assertThat(notices).isEmpty();
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.doubleColumn(Columns.M_MIN).isMissing(0)).isTrue();
    assertThat(t.doubleColumn(Columns.M_MIN).getDouble(1)).isEqualTo(24);
    assertThat(t.intColumn(Columns.N).getInt(1)).isEqualTo(200);
    assertThat(t.stringColumn(Columns.CRITERION).get(0)).isEqualTo("paper");
  }

  @Test
  void aTornLastLineIsLeftOutWithANotice() throws Exception {
    List<Notice> notices = new ArrayList<>();
    Table t =
        read(HEADER + "\n3,100,1000,10,1,paper,12,0.03,0.06,2000,10\n3,200,10", notices)
            .orElseThrow();
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(notices)
        .singleElement()
        .extracting(Notice::message)
        .asString()
        .contains("last line is incomplete");
  }

  @Test
  void badRowsAreNamedAndLeftOut() throws Exception {
    List<Notice> notices = new ArrayList<>();
    Table t =
        read(
                HEADER
                    + "\n3,abc,1000,10,1,paper,12,0.03,0.06,2000,10\n3,100,1000,10,1,paper,12,0.03,0.06,2000,10\n1,2\n",
                notices)
            .orElseThrow();
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(notices)
        .singleElement()
        .extracting(Notice::oneLine)
        .asString()
        .isEqualTo(
            "capacity.csv: 2 rows do not parse and were left out (first: line 2: N = 'abc' is not an integer)");
  }

  @Test
  void aHeaderWithoutARequiredColumnMakesTheFileUnusable() throws Exception {
    List<Notice> notices = new ArrayList<>();
    assertThat(read("depth,N,K\n3,100,1000\n", notices)).isEmpty();
    assertThat(notices.get(0).message()).contains("does not parse").contains("criterion, m_min");
  }

  @Test
  void aMissingFileIsEmptyWithoutNoticeHere() {
    List<Notice> notices = new ArrayList<>();
    assertThat(CsvTable.read(dir, RunLoader.CAPACITY, notices)).isEmpty();
    assertThat(notices).isEmpty(); // RunLoader says "missing", once
  }
}
