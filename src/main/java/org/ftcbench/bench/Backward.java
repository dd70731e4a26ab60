package org.ftcbench.bench;

import java.util.concurrent.TimeUnit;
import org.ftcbench.nn.Kernels;
import org.ftcbench.nn.MseGradient;
import org.ftcbench.nn.Precision;
import org.ftcbench.nn.Weights;
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
 * The gradient of the fine-tuning loss ℓ_FT = (1/K) Σ_i (g(x_i) − z_i)² with respect to all of g's
 * parameters (Sohn et al. 2024, Section 7), by back-propagation over row blocks (nn.MseGradient). f
 * is frozen, so only its cached residuals z = y' − f(x) enter.
 *
 * <p>Back-propagation needs the forward's activations, so one operation is a forward pass and a
 * backward pass. Expected: about 3× {@link Forward#adapterOnly} (three products per layer instead
 * of one, {@link Flops#lossAndGradient}) and the same scaling in N; that forward is the control.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class Backward {
  /** The arithmetic of the kernels: float64 or float32. */
  @Param({"float64", "float32"})
  public String precision;

  private Loss<?> loss;

  @Setup(Level.Trial)
  public void setUp(AdapterTask task) {
    loss = new Loss<>(task, Precision.parse(precision).kernels());
  }

  /** ℓ_FT at g, with ∂ℓ/∂W_l and ∂ℓ/∂b_l left in the gradient buffers. */
  @Benchmark
  public double lossAndGradient() {
    return loss.compute();
  }

  /** g, X and z rounded to the precision once, and the gradient's workspace. */
  private static final class Loss<A> {
    private final MseGradient<A> gradient;
    private final A x;
    private final A z;
    private final int k;

    Loss(AdapterTask task, Kernels<A> kernels) {
      gradient =
          new MseGradient<>(Weights.copyOf(task.g, kernels), task.blockRows(kernels.precision()));
      k = task.K;
      x = kernels.allocate(task.task.x().length);
      kernels.fromDoubles(task.task.x().data, x);
      z = kernels.allocate(k);
      kernels.fromDoubles(task.task.z().data, z);
    }

    double compute() {
      return gradient.compute(x, k, z);
    }
  }
}
