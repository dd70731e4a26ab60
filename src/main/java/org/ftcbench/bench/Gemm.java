package org.ftcbench.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ftcbench.nn.NativeBlasCheck;
import org.ftcbench.nn.Precision;
import org.jblas.NativeBlas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The roofline: C = A B for square n × n matrices through jblas's native dgemm (float64) and sgemm
 * (float32), the same JNI entry points the network kernels use (nn.Kernels). 2n³ FLOPs per call
 * ({@link Flops#gemm}); the largest size's GFLOP/s is the machine's achievable rate on one core in
 * that precision, which the report holds the kernels of the same precision against.
 *
 * <p>Expected: GFLOP/s rising with n towards the single-core peak of the core type OpenBLAS
 * selected (env.json's openblas_core), as the O(n²) copies and call overhead amortise over O(n³)
 * work. Control: {@link #callOverhead}, a 1 × 1 × 1 product, the fixed cost of one call (JNI
 * transition, jblas's array copies, OpenBLAS's dispatch) that every kernel call pays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Gemm {
  /** Three n × n column-major matrices with entries from N(0, 1). */
  @State(Scope.Thread)
  public static class Square {
    /** n, the matrices' size. */
    @Param({"128", "512", "1024"})
    public int size;

    double[] a;
    double[] b;
    double[] c;

    @Setup(Level.Trial)
    public void setUp() {
      NativeBlasCheck.silenceJblasInfo(); // jblas logs every file it deletes at exit
      Random rng = new Random(AdapterTask.SEED);
      a = new double[size * size];
      b = new double[size * size];
      c = new double[size * size];
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextGaussian();
        b[i] = rng.nextGaussian();
      }
    }
  }

  /** The same in single precision. */
  @State(Scope.Thread)
  public static class SquareSingle {
    /** n, the matrices' size. */
    @Param({"128", "512", "1024"})
    public int size;

    float[] a;
    float[] b;
    float[] c;

    @Setup(Level.Trial)
    public void setUp() {
      NativeBlasCheck.silenceJblasInfo();
      Random rng = new Random(AdapterTask.SEED);
      a = new float[size * size];
      b = new float[size * size];
      c = new float[size * size];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) rng.nextGaussian();
        b[i] = (float) rng.nextGaussian();
      }
    }
  }

  /** The benchmark method of the GEMM in {@code precision}: dgemm or sgemm. */
  public static String method(Precision precision) {
    return precision == Precision.FLOAT64 ? "dgemm" : "sgemm";
  }

  /** 1 × 1 matrices. */
  @State(Scope.Thread)
  public static class Scalar {
    final double[] a = {2};
    final double[] b = {3};
    final double[] c = {0};

    @Setup(Level.Trial)
    public void setUp() {
      NativeBlasCheck.silenceJblasInfo();
    }
  }

  /** C = A B (n × n). */
  @Benchmark
  public double[] dgemm(Square s) {
    int n = s.size;
    // C = A B  (n×n · n×n)
    NativeBlas.dgemm('N', 'N', n, n, n, 1.0, s.a, 0, n, s.b, 0, n, 0.0, s.c, 0, n);
    return s.c;
  }

  /** C = A B (n × n) in single precision. */
  @Benchmark
  public float[] sgemm(SquareSingle s) {
    int n = s.size;
    // C = A B  (n×n · n×n)
    NativeBlas.sgemm('N', 'N', n, n, n, 1f, s.a, 0, n, s.b, 0, n, 0f, s.c, 0, n);
    return s.c;
  }

  /** c = a b (1 × 1): the per-call cost. */
  @Benchmark
  public double[] callOverhead(Scalar s) {
    // c = a b  (1×1 · 1×1)
    NativeBlas.dgemm('N', 'N', 1, 1, 1, 1.0, s.a, 0, 1, s.b, 0, 1, 0.0, s.c, 0, 1);
    return s.c;
  }
}
