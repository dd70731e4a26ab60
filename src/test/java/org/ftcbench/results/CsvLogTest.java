package org.ftcbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLogTest {
  @Test
  void readLeavesAFileBeingWrittenAlone(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.csv");
    String text = "a,b\n1,2\n3,";
    Files.writeString(f, text);
    assertThat(CsvLog.read(f, List.of("a", "b"))).containsExactly(Map.of("a", "1", "b", "2"));
    assertThat(Files.readString(f)).isEqualTo(text); // the torn line stays for its writer
    assertThat(CsvLog.read(tmp.resolve("none.csv"), List.of("a"))).isEmpty();
    try (CsvLog log = CsvLog.open(f, List.of("a", "b"))) {
      assertThat(log.rows()).hasSize(1); // its writer cuts the torn line
    }
    assertThat(Files.readString(f)).isEqualTo("a,b\n1,2\n");
  }
}
