package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlasSelectionTest {
  static final Optional<Path> SYSTEM =
      Optional.of(Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0"));

  @TempDir Path cache;

  @BeforeEach
  void privateCache() {
    System.setProperty(BlasSelection.CACHE_DIR, cache.toString());
  }

  @AfterEach
  void userCache() {
    System.clearProperty(BlasSelection.CACHE_DIR);
  }

  static BlasSelection.Measured ok(String name, double dgemm, double sgemm, double... stepMs) {
    return new BlasSelection.Measured(name, "core", dgemm, sgemm, stepMs, null);
  }

  static BlasSelection.Measured failing(String name, String why) {
    return new BlasSelection.Measured(name, "core", Double.NaN, Double.NaN, new double[0], why);
  }

  @Test
  void theCandidatesAreWhatTheMachineHas() {
    Set<String> avx512 =
        Set.of("avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512cd");
    assertThat(BlasConfig.candidates(avx512, SYSTEM).stream().map(BlasConfig::name))
        .containsExactly("bundled:auto", "system", "bundled:SkylakeX", "bundled:Haswell");
    // no system OpenBLAS installed, an AVX2 CPU: only the bundled library, never a kernel set the
    // CPU cannot run
    assertThat(
            BlasConfig.candidates(Set.of("avx2", "fma"), Optional.empty()).stream()
                .map(BlasConfig::name))
        .containsExactly("bundled:auto", "bundled:Haswell");
    assertThat(
            BlasConfig.candidates(Set.of("sse2"), Optional.empty()).stream().map(BlasConfig::name))
        .containsExactly("bundled:auto");
  }

  @Test
  void theFastestUsableCandidateWinsAndAFailingOneIsPassedOver() {
    List<BlasConfig> c =
        BlasConfig.candidates(
            Set.of("avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512cd"),
            SYSTEM);
    // the training steps decide, not the large GEMM: system wins with the faster steps (geometric
    // mean 5.0 against 5.2 ms) although SkylakeX has the faster dgemm
    Map<String, BlasSelection.Measured> m =
        Map.of(
            "bundled:auto", ok("bundled:auto", 25, 49, 20, 6, 60),
            "system", ok("system", 87, 209, 5, 1, 25),
            "bundled:SkylakeX", ok("bundled:SkylakeX", 103, 209, 5, 1.2, 24),
            "bundled:Haswell", ok("bundled:Haswell", 55, 112, 7, 2, 40));
    assertThat(BlasSelection.pick(c, m).name()).isEqualTo("system");
    Map<String, BlasSelection.Measured> wrong = new java.util.HashMap<>(m);
    wrong.put("system", failing("system", "computes differently"));
    assertThat(BlasSelection.pick(c, wrong).name()).isEqualTo("bundled:SkylakeX");
    wrong.remove("bundled:SkylakeX"); // not measured (not in the cache)
    assertThat(BlasSelection.pick(c, wrong).name()).isEqualTo("bundled:Haswell");
  }

  @Test
  void aConfigurationReachesTheJvmAsItsEnvironment() {
    Map<String, String> shell =
        Map.of(
            "OPENBLAS_CORETYPE",
            "Haswell",
            "OPENBLAS_L2_SIZE",
            "512",
            "LD_PRELOAD",
            "/lib/x.so",
            "PATH",
            "/bin");
    Map<String, String> sky = BlasConfig.parse("bundled:SkylakeX", SYSTEM).environment(shell);
    assertThat(sky)
        .containsEntry("OPENBLAS_CORETYPE", "SkylakeX")
        .doesNotContainKey("OPENBLAS_L2_SIZE")
        .containsEntry("OPENBLAS_NUM_THREADS", "1")
        .containsEntry(BlasConfig.APPLIED, "bundled:SkylakeX")
        .containsEntry("PATH", "/bin");
    Map<String, String> system = BlasConfig.parse("system", SYSTEM).environment(shell);
    assertThat(system)
        .doesNotContainKey("OPENBLAS_CORETYPE")
        .containsEntry("LD_PRELOAD", SYSTEM.get() + ":/lib/x.so");
    // bundled keeps the shell's own choice of kernels
    assertThat(BlasConfig.parse("bundled", SYSTEM).environment(shell))
        .containsEntry("OPENBLAS_CORETYPE", "Haswell");
    BlasConfig c = BlasConfig.parse("bundled:SkylakeX", SYSTEM);
    assertThat(c.isApplied(c.environment(shell), List.of())).isTrue();
    assertThat(c.isApplied(shell, List.of())).isFalse();
  }

  @Test
  void unknownAndUnavailableConfigurationsAreTheUsersMistake() {
    assertThatThrownBy(() -> BlasConfig.parse("fast", SYSTEM))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("choose auto");
    assertThatThrownBy(() -> BlasConfig.parse("system", Optional.empty()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("apt-get install -y libopenblas0");
  }

  /**
   * Real probes in child JVMs: a forced core OpenBLAS does not know falls back silently to another,
   * so the choice refuses it with the reason; the measurements are remembered and the next choice
   * starts without probing.
   */
  @Test
  void aForcedCoreThatDoesNotRunIsRefusedAndTheMeasurementsAreRemembered() throws Exception {
    List<String> lines = new ArrayList<>();
    assertThatThrownBy(() -> BlasSelection.choose("bundled:NoSuchCore", lines::add))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not the one forced");
    assertThat(lines).anyMatch(l -> l.contains("bundled:auto ("));
    try (var files = Files.list(cache)) {
      assertThat(files).isNotEmpty();
    }
    lines.clear();
    assertThatThrownBy(() -> BlasSelection.choose("bundled:NoSuchCore", lines::add))
        .isInstanceOf(BadInputException.class);
    assertThat(lines).as("remembered: no second probe").isEmpty();
    assertThat(BlasSelection.remembered()).anyMatch(l -> l.startsWith("bundled:NoSuchCore"));
  }
}
