package org.ftcbench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compared widths are the additive adapter's on Gaussian data, whatever else the run holds. */
class CapacityTableTest {
  static String row(int mMin, String data, String adapter) {
    return ResultFiles.CAPACITY.line(
        List.of(3, 100, 200, 10, 1, "paper", mMin, 0.01, 0.3, 100, 5, "float32", data, adapter));
  }

  @Test
  void loraAndOtherDataRowsOfTheSameKeyAreNotAveragedIn(@TempDir Path run) throws Exception {
    Files.writeString(
        run.resolve(RunFolder.CAPACITY),
        String.join(
                "\n",
                String.join(",", ResultFiles.CAPACITY.header()),
                row(20, ResultFiles.GAUSSIAN, ResultFiles.ADDITIVE),
                row(2, ResultFiles.GAUSSIAN, "lora:width=64,layers=all,bias=frozen"),
                row(40, "line", ResultFiles.ADDITIVE))
            + "\n");
    assertThat(CapacityTable.load(run))
        .containsExactly(java.util.Map.entry(new CapacityTable.Key(3, 100, 200, "paper"), 20.0));
  }
}
