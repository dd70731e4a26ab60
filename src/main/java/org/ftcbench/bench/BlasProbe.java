package org.ftcbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ftcbench.nn.NativeBlasCheck;
import org.jblas.NativeBlas;

/**
 * A child JVM that answers questions about the BLAS its environment configures. OpenBLAS chooses
 * its kernels when its library loads, so a configuration can only be tried in a JVM started with it
 * (OpenBLAS names its choice, "Core: …", on stderr when OPENBLAS_VERBOSE=2).
 *
 * <ul>
 *   <li>no argument: loads jblas's native BLAS with one tiny product and prints "blas: ok" ({@link
 *       EnvironmentStamp} reads the core from it);
 *   <li>{@code --measure}: prints one JSON object on stdout: {@code checks}, the {@link
 *       BlasSelfCheck} results, and {@code dgemm}, {@code sgemm}, the GFLOP/s of a 512 × 512
 *       product (best of five, after two warm-ups: a fraction of a second each).
 * </ul>
 */
public final class BlasProbe {
  /** The side of the timed products: large enough to run the blocked kernels at speed. */
  static final int SIZE = 512;

  private BlasProbe() {}

  public static void main(String[] args) throws Exception {
    String failure = NativeBlasCheck.failure();
    if (args.length == 0) {
      System.out.println(failure == null ? "blas: ok" : "blas: " + failure);
      return;
    }
    if (failure != null) {
      System.err.println("blas: " + failure);
      System.exit(1);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("checks", BlasSelfCheck.compute());
    out.put("dgemm", gflops(false));
    out.put("sgemm", gflops(true));
    System.out.println(new ObjectMapper().writeValueAsString(out));
  }

  /** GFLOP/s of C = A B, n = {@link #SIZE}, best of five timed products. */
  static double gflops(boolean single) {
    int n = SIZE;
    double[] a = new double[n * n];
    float[] af = new float[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.sin(i);
      af[i] = (float) a[i];
    }
    double[] c = new double[n * n];
    float[] cf = new float[n * n];
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < 7; r++) {
      long t0 = System.nanoTime();
      if (single) {
        // C = A A  (n×n · n×n)
        NativeBlas.sgemm('N', 'N', n, n, n, 1f, af, 0, n, af, 0, n, 0f, cf, 0, n);
      } else {
        NativeBlas.dgemm('N', 'N', n, n, n, 1.0, a, 0, n, a, 0, n, 0.0, c, 0, n);
      }
      if (r >= 2) { // two warm-ups
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      }
    }
    return Flops.gemm(n) / best / 1e9;
  }
}
