package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ftcbench.bench.BlasConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  @Test
  void theRequestedConfigurationComesFromTheOptionThenTheEnvironment() {
    assertThat(Launcher.requested(new String[] {"sweep", "--blas", "system", "--profile", "quick"}))
        .isEqualTo("system");
    assertThat(Launcher.requested(new String[] {"--blas=bundled:Haswell", "env"}))
        .isEqualTo("bundled:Haswell");
  }

  @Test
  void onlyCommandsThatRunBlasAreRelaunched() {
    assertThat(Launcher.needsNoBlas(new String[] {"report"})).isTrue();
    assertThat(Launcher.needsNoBlas(new String[] {"--blas", "system", "compare", "a", "b"}))
        .isTrue();
    assertThat(Launcher.needsNoBlas(new String[] {"sweep", "--help"})).isTrue();
    assertThat(Launcher.needsNoBlas(new String[] {})).isTrue();
    assertThat(Launcher.needsNoBlas(new String[] {"--blas", "system", "sweep"})).isFalse();
    assertThat(Launcher.needsNoBlas(new String[] {"certify", "--depth", "2"})).isFalse();
  }

  /**
   * A fresh machine in a real process: no cache, and a shell that forces other kernels
   * (OPENBLAS_CORETYPE=Haswell, as some machines here do). The default measures the candidates,
   * runs the command under the fastest, and the command's env stamp shows that configuration
   * running, the core OpenBLAS reports matching what was measured for it, the shell's knob gone
   * unless chosen. {@code --blas bundled} keeps the shell's environment as it is.
   */
  @Test
  void aFreshMachineGetsTheMeasuredFastestConfiguration(@TempDir Path cache) throws Exception {
    JsonNode auto = env(cache, List.of());
    String chosen = auto.get("blas_config").asText();
    assertThat(chosen).isNotEqualTo("as started").isNotEqualTo("bundled");
    List<String> measured = new ObjectMapper().convertValue(auto.get("blas_measured"), List.class);
    assertThat(measured).anyMatch(l -> l.startsWith("bundled:auto ("));
    String line =
        measured.stream().filter(l -> l.startsWith(chosen + " (")).findFirst().orElseThrow();
    String core = line.substring(line.indexOf('(') + 1, line.indexOf(')'));
    assertThat(auto.get("openblas_core").asText()).isEqualTo(core);
    if (!chosen.equals("bundled:Haswell")) {
      assertThat(auto.get("openblas_coretype_env").asText()).isNotEqualTo("Haswell");
    }
    JsonNode pinned = env(cache, List.of("--blas", "bundled"));
    assertThat(pinned.get("blas_config").asText()).isEqualTo("bundled");
    assertThat(pinned.get("openblas_core").asText()).isEqualTo("Haswell");
  }

  private static JsonNode env(Path cache, List<String> options) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(options);
    cmd.add("env");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = pb.environment();
    env.remove(BlasConfig.APPLIED);
    env.remove(Launcher.REQUESTED);
    env.put("OPENBLAS_CORETYPE", "Haswell");
    env.put("XDG_CACHE_HOME", cache.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }
}
