package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ftcbench.bench.EnvironmentStamp;
import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for --machine NAME, in sweep and bench alike: one folder name below results/. */
class MachineOptionTest {
  @ParameterizedTest
  @ValueSource(strings = {"m", "lab-1", "ci_runner.2", "9x", "Xeon-E5"})
  void folderNamesAreTaken(String name) {
    assertThat(MachineOption.check(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".hidden", "_x", "-x", "a/b", "../escape", "a b", "", "é"})
  void otherNamesAreRefused(String name) {
    assertThatThrownBy(() -> MachineOption.check(name))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("is not a folder name: start with a letter or digit");
  }

  @Test
  void theDefaultIsThisMachinesSlugAndPassesTheRule() {
    MachineOption none = new MachineOption();
    assertThat(none.requested()).isNull();
    assertThat(none.name()).isEqualTo(EnvironmentStamp.defaultMachine());
  }

  /** The names the two commands' copies of the check disagreed on ('_x' passed bench's). */
  @ParameterizedTest
  @ValueSource(strings = {"_x", ".hidden", "../escape"})
  void sweepAndBenchRefuseTheSameNames(String name) {
    for (String command : List.of("sweep", "bench")) {
      assertThat(MainTest.run(command, "--profile", "quick", "--machine=" + name).badInputLine())
          .contains("--machine '" + name + "' is not a folder name");
    }
  }
}
