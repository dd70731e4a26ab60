package org.ftcbench.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ftcbench.data.Seeds;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.NativeBlasCheck;
import org.jblas.DoubleMatrix;
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
 * Where BLAS stops paying: g(x) on one block of {@code rows} samples, in plain Java loops ({@link
 * #plainJava}) and through jblas (nn.ForwardPass, {@link #jblas}), for small certified adapters.
 *
 * <p>Each jblas call pays a fixed cost (the JNI transition, jblas copying every array argument in
 * and the result out, OpenBLAS's dispatch: see {@link Gemm#callOverhead}), one call per layer.
 * Expected: with a single sample or a 10-wide problem the plain loops win, since their work is a
 * few hundred FLOPs; as rows × width grows the BLAS kernels win by their higher FLOP rate. The
 * crossover is the (N, rows) where the two scores meet. Each method is the other's control.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class PlainJavaForward {
  /** The paper's depth, 2 or 3. */
  @Param({"2"})
  public int depth;

  /** N, which sets the certified adapter's width ({@link AdapterWidths}). */
  @Param({"10", "100", "1000"})
  public int N;

  /** Samples per call, the block size. */
  @Param({"1", "64", "1024"})
  public int rows;

  private DoubleMatrix x;
  private ForwardPass<double[]> viaBlas;
  private PlainForward plain;

  @Setup(Level.Trial)
  public void setUp() {
    NativeBlasCheck.silenceJblasInfo(); // jblas logs every file it deletes at exit
    int[] widths = AdapterWidths.widths(depth, N, AdapterTask.D);
    DenseNetwork g =
        DenseNetwork.heInitialised(Seeds.stream(AdapterTask.SEED, Seeds.ADAPTER_INIT), widths);
    Random rng = Seeds.stream(AdapterTask.SEED, Seeds.INPUTS);
    x = new DoubleMatrix(rows, AdapterTask.D);
    for (int i = 0; i < x.length; i++) {
      x.data[i] = rng.nextGaussian();
    }
    viaBlas = ForwardPass.of(g, rows);
    plain = new PlainForward(g, rows);
  }

  /** g(x_i) for the block, plain Java. */
  @Benchmark
  public double[] plainJava() {
    return plain.forwardBlock(x, 0, rows);
  }

  /** g(x_i) for the block, jblas dgemm per hidden layer (nn.ForwardPass). */
  @Benchmark
  public double[] jblas() {
    return viaBlas.forwardBlock(x.data, rows, 0, rows);
  }
}
