package org.ftcbench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScriptTest {
  @Test
  void bashReceivesEveryArgumentAsWritten(@TempDir Path tmp) throws Exception {
    List<String> args = List.of("printf", "%s|", "it's", "$HOME", "a  b", "`id`", "");
    Path script = BatchScript.write(tmp.resolve("job.sh"), "a test", args, "\"$TASK\"");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment().put("TASK", "7");
    Process started = pb.start();
    String out = new String(started.getInputStream().readAllBytes());
    assertThat(started.waitFor()).isZero();
    assertThat(out).isEqualTo("it's|$HOME|a  b|`id`||7|");
  }
}
