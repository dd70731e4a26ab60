package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFile;
import org.ftcbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writers write the bytes design.md fixes: every row of a real run's cells.csv and capacity.csv
 * (the golden run folder, written by the sweep before the result files had a model and before the
 * data and adapter columns), opened for resuming (which adds the trailing columns with the values
 * such files mean), read back into the writers' records and written again, is the same line with
 * {@code gaussian,additive} appended.
 */
class ResultRowsTest {
  static final Path GOLDEN =
      Path.of("src/test/resources/golden/results/vm-amd-epyc/20261207T074433Z");

  static final String PAPER_SETTING = ",gaussian,additive";

  @TempDir Path run;

  /** The golden file's lines; {@code run} gets a copy, opened as a resumed sweep opens it. */
  List<String> lines(ResultFile file) throws Exception {
    Files.copy(GOLDEN.resolve(file.name()), run.resolve(file.name()));
    CsvLog.open(run, file).close();
    return Files.readAllLines(GOLDEN.resolve(file.name()));
  }

  @Test
  void cellsRowsAreWrittenAsTheSweepWroteThem() throws Exception {
    List<String> lines = lines(ResultFiles.CELLS);
    assertThat(lines.get(0) + ",data,adapter")
        .isEqualTo(String.join(",", ResultFiles.CELLS.header()));
    List<Map<String, String>> rows = CsvLog.read(run, ResultFiles.CELLS);
    assertThat(rows).hasSize(lines.size() - 1).hasSizeGreaterThan(10);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      CellResult cell = CellResult.fromRow(row);
      Precision p = Precision.parse(row.get(ResultFiles.PRECISION));
      assertThat(ResultFiles.CELLS.line(cell.row(p))).isEqualTo(lines.get(i + 1) + PAPER_SETTING);
    }
  }

  @Test
  void capacityRowsAreWrittenAsTheSweepWroteThem() throws Exception {
    List<String> lines = lines(ResultFiles.CAPACITY);
    assertThat(lines.get(0) + ",data,adapter")
        .isEqualTo(String.join(",", ResultFiles.CAPACITY.header()));
    List<Map<String, String>> rows = CsvLog.read(run, ResultFiles.CAPACITY);
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
                  Long.parseLong(r.get(ResultFiles.SEED)),
                  r.get(ResultFiles.DATA),
                  r.get(ResultFiles.ADAPTER)),
              r.get(ResultFiles.CRITERION),
              mMin.isEmpty() ? null : Integer.valueOf(mMin),
              Double.parseDouble(r.get(ResultFiles.LOSS_AT_M_MIN)),
              Double.parseDouble(r.get(ResultFiles.INITIAL_LOSS)),
              Integer.parseInt(r.get(ResultFiles.STEPS)),
              Long.parseLong(r.get(ResultFiles.WALL_MS)));
      Precision p = Precision.parse(r.get(ResultFiles.PRECISION));
      assertThat(ResultFiles.CAPACITY.line(row.row(p))).isEqualTo(lines.get(i + 1) + PAPER_SETTING);
      assertThat(CapacityRow.key(row.task(), row.criterion()))
          .isEqualTo(ResultFiles.CAPACITY.keyOf(r));
    }
  }
}
