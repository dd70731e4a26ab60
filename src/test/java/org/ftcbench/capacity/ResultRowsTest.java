package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;
import org.junit.jupiter.api.Test;

/**
 * The writers write the bytes design.md fixes: every row of a real run's cells.csv and capacity.csv
 * (the golden run folder, written by the sweep before the result files had a model), read back into
 * the writers' records and written again, is the same line.
 */
class ResultRowsTest {
  static final Path RUN = Path.of("src/test/resources/golden/results/vm-amd-epyc/20261207T074433Z");

  static List<String> lines(String file) throws Exception {
    return Files.readAllLines(RUN.resolve(file));
  }

  @Test
  void cellsRowsAreWrittenAsTheSweepWroteThem() throws Exception {
    List<String> lines = lines(ResultFiles.CELLS.name());
    assertThat(lines.get(0)).isEqualTo(String.join(",", ResultFiles.CELLS.header()));
    List<Map<String, String>> rows = CsvLog.read(RUN, ResultFiles.CELLS);
    assertThat(rows).hasSize(lines.size() - 1).hasSizeGreaterThan(10);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      CellResult cell = CellResult.fromRow(row);
      Precision p = Precision.parse(row.get(ResultFiles.PRECISION));
      assertThat(ResultFiles.CELLS.line(cell.row(p))).isEqualTo(lines.get(i + 1));
    }
  }

  @Test
  void capacityRowsAreWrittenAsTheSweepWroteThem() throws Exception {
    List<String> lines = lines(ResultFiles.CAPACITY.name());
    assertThat(lines.get(0)).isEqualTo(String.join(",", ResultFiles.CAPACITY.header()));
    List<Map<String, String>> rows = CsvLog.read(RUN, ResultFiles.CAPACITY);
    assertThat(rows).hasSize(lines.size() - 1).isNotEmpty();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      String mMin = r.get(ResultFiles.M_MIN);
      CapacityRow row =
          new CapacityRow(
              new TaskKey(
                  Integer.parseInt(r.get(ResultFiles.DEPTH)),
                  Integer.parseInt(r.get(ResultFiles.N)),
                  Integer.parseInt(r.get(ResultFiles.K)),
                  Integer.parseInt(r.get(ResultFiles.D)),
                  Long.parseLong(r.get(ResultFiles.SEED))),
              r.get(ResultFiles.CRITERION),
              mMin.isEmpty() ? null : Integer.valueOf(mMin),
              Double.parseDouble(r.get(ResultFiles.LOSS_AT_M_MIN)),
              Double.parseDouble(r.get(ResultFiles.INITIAL_LOSS)),
              Integer.parseInt(r.get(ResultFiles.STEPS)),
              Long.parseLong(r.get(ResultFiles.WALL_MS)));
      Precision p = Precision.parse(r.get(ResultFiles.PRECISION));
      assertThat(ResultFiles.CAPACITY.line(row.row(p))).isEqualTo(lines.get(i + 1));
      assertThat(CapacityRow.key(row.task(), row.criterion()))
          .isEqualTo(ResultFiles.CAPACITY.keyOf(r));
    }
  }
}
