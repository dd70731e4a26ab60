package org.ftcbench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {
  static void append(Path file, List<String> columns, List<?>... rows) {
    try (CsvLog log = CsvLog.open(file, columns)) {
      for (List<?> r : rows) {
        log.append(r);
      }
    }
  }

  static List<Object> cell(int m, long wallMs) {
    return List.of(2, 10, 20, 3, m, 1, 0.01, 0.2, 100, wallMs, "float32", "gaussian", "additive");
  }

  static List<Object> capacity(String criterion) {
    return List.of(
        2, 10, 20, 3, 1, criterion, 4, 0.01, 0.2, 100, 5, "float32", "gaussian", "additive");
  }

  @Test
  void eachResultIsMergedOnceWhateverAlreadyHasIt(@TempDir Path run) throws Exception {
    Path units = SlurmFiles.units(run);
    // a cell the run folder already has (a local sweep began it), trained again by a unit
    append(run.resolve(RunFolder.CELLS), ResultFiles.CELLS.header(), cell(2, 11));
    append(
        units.resolve("train-a").resolve(RunFolder.CELLS),
        ResultFiles.CELLS.header(),
        cell(2, 99),
        cell(4, 12));
    append(
        units.resolve("train-a").resolve(RunFolder.CAPACITY),
        ResultFiles.CAPACITY.header(),
        capacity("paper"));
    append(
        units.resolve("train-b").resolve(RunFolder.CELLS), ResultFiles.CELLS.header(), cell(8, 13));
    Files.writeString(run.resolve(RunFolder.ENV), "{\"machine\": \"m\", \"end\": null}\n");

    Merge.Summary first = Merge.run(run);
    assertThat(first.appended())
        .containsEntry(RunFolder.CELLS, 2)
        .containsEntry(RunFolder.CAPACITY, 1)
        .containsEntry("failures.csv", 0)
        .doesNotContainKey(RunFolder.CERTIFY);
    List<String> cells = Files.readAllLines(run.resolve(RunFolder.CELLS));
    assertThat(cells)
        .hasSize(4)
        .contains("2,10,20,3,2,1,0.01,0.2,100,11,float32,gaussian,additive")
        .doesNotContain("2,10,20,3,2,1,0.01,0.2,100,99,float32,gaussian,additive");
    assertThat(run.resolve(RunFolder.CERTIFY)).doesNotExist();
    assertThat(Files.readString(run.resolve(RunFolder.ENV)))
        .contains("\"machine\" : \"m\"")
        .doesNotContain("null");

    Merge.Summary again = Merge.run(run);
    assertThat(again.appended().values()).containsOnly(0);
    assertThat(Files.readAllLines(run.resolve(RunFolder.CELLS))).isEqualTo(cells);
  }
}
