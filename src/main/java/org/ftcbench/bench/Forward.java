package org.ftcbench.bench;

import java.util.concurrent.TimeUnit;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.Precision;
import org.jblas.DoubleMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inference of the fine-tuned model: (f + g)(x_i) for all K samples, block by block.
 *
 * <p>Expected: time ∝ K × (FLOPs per sample of f + g). f (10-64-64-1) is constant, so at small N f
 * dominates and time is flat in N; at large N the adapter dominates: linear in N at depth 2
 * (22(3N+1) FLOPs per sample), between √N and N at depth 3 (its d1 × d2 middle layer grows like N,
 * its input layer like √N).
 *
 * <p>Control: {@link #adapterOnly} evaluates g alone, what a deployment with f's outputs cached
 * pays; the difference is f's share. The depth-2 adapter is memory-bound whatever N is (a d = 10
 * input layer and a scalar output layer are both O(1) FLOPs per byte), so its GFLOP/s stays far
 * below the gemm rate; the depth-3 middle layer is a true matrix product and can approach it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class Forward {
  private ForwardPass<double[]> frozen;
  private ForwardPass<double[]> adapter;
  private DoubleMatrix x;
  private double[] out;

  @Setup(Level.Trial)
  public void setUp(AdapterTask task) {
    int blockRows = task.blockRows(Precision.FLOAT64);
    frozen = ForwardPass.of(task.task.f(), blockRows);
    adapter = ForwardPass.of(task.g, blockRows);
    x = task.task.x();
    out = new double[x.rows];
  }

  /** out_i = f(x_i) + g(x_i), i = 1 … K. */
  @Benchmark
  public double[] fPlusG() {
    int blockRows = adapter.blockRows();
    for (int r0 = 0; r0 < x.rows; r0 += blockRows) {
      int rows = Math.min(blockRows, x.rows - r0);
      double[] f = frozen.forwardBlock(x.data, x.rows, r0, rows);
      double[] g = adapter.forwardBlock(x.data, x.rows, r0, rows);
      for (int i = 0; i < rows; i++) {
        out[r0 + i] = f[i] + g[i];
      }
    }
    return out;
  }

  /** out_i = g(x_i), i = 1 … K: the control without f. */
  @Benchmark
  public double[] adapterOnly() {
    int blockRows = adapter.blockRows();
    for (int r0 = 0; r0 < x.rows; r0 += blockRows) {
      int rows = Math.min(blockRows, x.rows - r0);
      System.arraycopy(adapter.forwardBlock(x.data, x.rows, r0, rows), 0, out, r0, rows);
    }
    return out;
  }
}
