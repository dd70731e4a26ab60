package org.ftcbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ftcbench.capacity.AdapterShape;
import org.ftcbench.capacity.TrainingSettings;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.ftcbench.nn.Kernels;
import org.ftcbench.nn.NativeBlasCheck;
import org.ftcbench.nn.Precision;
import org.ftcbench.nn.Weights;
import org.jblas.DoubleMatrix;
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
 *       BlasSelfCheck} results; {@code dgemm}, {@code sgemm}, the GFLOP/s of a 512 × 512 product
 *       (best of five, after two warm-ups); and {@code steps}, the milliseconds of one full-batch
 *       training step at each of {@link #STEP_SHAPES} in the trained sweep's precision (best of
 *       five, after five warm-ups). About a second in all.
 * </ul>
 */
public final class BlasProbe {
  /** The side of the timed products: large enough to run the blocked kernels at speed. */
  static final int SIZE = 512;

  /**
   * (depth, m) of the timed training steps, on K = 4096 samples of d = 10: a wide 2-layer adapter,
   * and 3-layer adapters whose middle product is mid-sized and large, the shapes a sweep spends its
   * time on.
   */
  static final int[][] STEP_SHAPES = {{2, 512}, {3, 128}, {3, 512}};

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
    Precision precision = TrainingSettings.defaults().precision();
    double[] steps = new double[STEP_SHAPES.length];
    for (int s = 0; s < steps.length; s++) {
      steps[s] = stepMillis(STEP_SHAPES[s][0], STEP_SHAPES[s][1], precision.kernels());
    }
    out.put("steps", steps);
    System.out.println(new ObjectMapper().writeValueAsString(out));
  }

  /** Milliseconds of one training step of a (depth, m) adapter on 4096 random samples. */
  static <A> double stepMillis(int depth, int m, Kernels<A> kernels) {
    Random rng = new Random(depth * 1000L + m);
    int k = 4096;
    int d = 10;
    DoubleMatrix x = DoubleMatrix.randn(k, d);
    DoubleMatrix y = DoubleMatrix.randn(k, 1);
    DenseNetwork f = new DenseNetwork(d, 0, 1);
    Weights<A> g =
        Weights.copyOf(DenseNetwork.heInitialised(rng, AdapterShape.widths(depth, d, m)), kernels);
    FrozenPlusAdapter<A> t =
        new FrozenPlusAdapter<>(
            f,
            g,
            x,
            y,
            FrozenPlusAdapter.FMode.CACHED,
            new Adam<>(kernels, AdamConfig.defaults()),
            ForwardPass.defaultBlockRows(g.widths(), kernels.precision()));
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < 10; r++) {
      long t0 = System.nanoTime();
      t.step();
      if (r >= 5) { // five warm-ups: the JIT and the caches
        best = Math.min(best, (System.nanoTime() - t0) / 1e6);
      }
    }
    return best;
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
