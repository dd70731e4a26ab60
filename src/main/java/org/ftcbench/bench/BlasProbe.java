package org.ftcbench.bench;

import org.ftcbench.nn.NativeBlasCheck;

/**
 * The child JVM that {@link EnvironmentStamp} starts with OPENBLAS_VERBOSE=2 to learn which core
 * type OpenBLAS selected: OpenBLAS prints "Core: …" when its library initialises, which happens
 * only at load, so it cannot be asked afterwards in the running JVM. This loads jblas's native BLAS
 * with one tiny product and exits.
 */
public final class BlasProbe {
  private BlasProbe() {}

  public static void main(String[] args) {
    String failure = NativeBlasCheck.failure();
    System.out.println(failure == null ? "blas: ok" : "blas: " + failure);
  }
}
