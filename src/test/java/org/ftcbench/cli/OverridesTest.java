package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for key=value overrides, in sweep and bench alike. */
class OverridesTest {
  static final String MACHINE = "overrides-test";

  @Test
  void keysAndValuesAreTrimmedAndKeepTheirOrder() {
    assertThat(Overrides.SWEEP.parse(List.of(" sweep.threads = 2", "sweep.fig9.n=0,6", "sweep.x=")))
        .containsExactly(
            Map.entry("sweep.threads", "2"),
            Map.entry("sweep.fig9.n", "0,6"),
            Map.entry("sweep.x", ""));
    // only the first '=' separates: a value may hold more
    assertThat(Overrides.BENCH.parse(List.of("bench.a=b=c")))
        .containsExactly(Map.entry("bench.a", "b=c"));
  }

  @Test
  void aKeyGivenTwiceKeepsTheLastValue() {
    // a script appends the user's overrides to its defaults
    assertThat(
            Overrides.SWEEP.parse(
                List.of("sweep.fig9.n=0,6", "sweep.threads=1", "sweep.fig9.n=12")))
        .containsExactly(Map.entry("sweep.fig9.n", "12"), Map.entry("sweep.threads", "1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-override", "=3", " =3", ""})
  void anArgumentWithoutAKeyIsRefused(String bad) {
    assertThatThrownBy(() -> Overrides.BENCH.parse(List.of(bad)))
        .isInstanceOf(BadInputException.class)
        .hasMessage("'" + bad + "' is not a key=value override: write e.g. bench.forks=1");
  }

  @Test
  void aKeyOfAnotherCommandIsRefused() {
    assertThatThrownBy(() -> Overrides.BENCH.parse(List.of("sweep.threads=2")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'sweep.threads' is not a bench.* key");
    assertThatThrownBy(() -> Overrides.SWEEP.parse(List.of("bench.forks=1")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'bench.forks' is not a sweep.* key");
    // the prefix is the namespace with its dot, not any key that starts alike
    assertThatThrownBy(() -> Overrides.SWEEP.parse(List.of("sweeps.threads=2")))
        .isInstanceOf(BadInputException.class);
  }

  /** Each command refuses the same arguments, in one line with exit code 2, before any work. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "FORM",
        "=1",
        "OTHER.threads=1",
        "PREFIX.no_such_key=1",
        "PREFIX.threads=two",
      })
  void sweepAndBenchRefuseTheSameOverrides(String template) {
    for (String command : List.of("sweep", "bench")) {
      String other = command.equals("sweep") ? "bench" : "sweep";
      String bad =
          template
              .replace("FORM", command + ".forks")
              .replace("OTHER", other)
              .replace("PREFIX.threads", command.equals("sweep") ? "sweep.threads" : "bench.forks")
              .replace("PREFIX", command);
      MainTest.run(command, "--profile", "quick", "--machine", MACHINE, bad).badInputLine();
      assertThat(CliCommand.RESULTS.resolve(MACHINE)).doesNotExist();
    }
  }
}
