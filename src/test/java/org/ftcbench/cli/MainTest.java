package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.compare.RunStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
  record Result(int code, String out, String err) {
    /**
     * The bad-input contract (docs/design.md): exit code 2 and one line on stderr, "ftc-bench: …"
     * saying what was wrong and how to fix it, no stack trace. Returns that line.
     */
    String badInputLine() {
      assertThat(code).as("exit code; stderr: %s", err).isEqualTo(2);
      assertThat(err.strip().lines()).as("stderr").hasSize(1);
      assertThat(err).startsWith("ftc-bench: ");
      return err.strip();
    }

    /** The success contract: exit code 0 (a failure shows stdout and stderr). Returns stdout. */
    String okOut() {
      assertThat(code).as("exit code; stdout: %s; stderr: %s", out, err).isZero();
      return out;
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smoke --n 300 --k 100",
        "smoke --n -1",
        "smoke --d 0",
        "smoke --k 0",
        "smoke --n abc",
        "smoke --k 1e3",
        "frobnicate",
        "smoke --no-such-option",
      })
  void badInputGivesOneLineAndExitCode2(String args) {
    run(args.split(" ")).badInputLine();
  }

  @Test
  void nLargerThanKSaysHowToFixIt() {
    assertThat(run("smoke", "--n", "300", "--k", "100").err())
        .contains("N = 300 is larger than K = 100: choose N ≤ K");
  }

  @Test
  void helpAndVersionWork() {
    Result help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("env").contains("Usage: ftc-bench");
    Result version = run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("ftc-bench ");
  }

  @Test
  void envPrintsTheStampAsJson() throws Exception {
    Result r = run("env");
    assertThat(r.code()).isZero();
    JsonNode env = new ObjectMapper().readTree(r.out());
    List<String> fields = new ArrayList<>(RunStamp.KEY_FIELDS);
    fields.addAll(List.of("start", "end", "load_average"));
    for (String field : fields) {
      assertThat(env.has(field)).as(field).isTrue();
    }
    assertThat(env.get("cores").asInt()).isPositive();
    assertThat(env.get("jblas_version").asText()).isEqualTo("1.2.5");
  }

  @Test
  void smokeTrainsAndReportsLosses() {
    Result r = run("smoke", "--n", "5", "--k", "40", "--steps", "300");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("loss with g = 0").contains("steps/s");
  }
}
