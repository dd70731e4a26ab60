package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BLAS fields of env.json: the library that actually ran and OpenBLAS's core type. */
class EnvironmentStampTest {
  @Test
  void theStampNamesTheLoadedBlasAndItsCoreType() {
    Map<String, Object> env = EnvironmentStamp.collect("test", Instant.now());
    assertThat(env)
        .containsKeys(
            "machine",
            "cpu_model",
            "jvm_flags",
            "jblas_version",
            "blas",
            "blas_libraries",
            "openblas_core",
            "git_commit",
            "profile",
            "start",
            "end");
    @SuppressWarnings("unchecked")
    List<String> libraries = (List<String>) env.get("blas_libraries");
    // jblas's bundled build: OpenBLAS linked into libjblas.so, unpacked under a jblas* folder
    assertThat(libraries).anyMatch(l -> l.matches(".*/jblas[^/]*/libjblas\\.so"));
    String core = (String) env.get("openblas_core");
    assertThat(core).matches("[A-Za-z0-9_]+").isNotEqualTo("unknown");
    assertThat((String) env.get("blas"))
        .isEqualTo("OpenBLAS bundled in jblas 1.2.5 (" + core + " kernels)");
  }

  @Test
  void theDescriptionSaysWhenNothingIsKnown() {
    assertThat(EnvironmentStamp.blasDescription(List.of(), "unknown")).isEqualTo("unknown");
    assertThat(
            EnvironmentStamp.blasDescription(
                List.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0"), "unknown"))
        .isEqualTo(
            "system OpenBLAS /usr/lib/x86_64-linux-gnu/libopenblas.so.0 (core type unknown)");
  }
}
