package org.ftcbench.bench;

import java.util.concurrent.TimeUnit;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.Kernels;
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
 * One full-batch training step of f + g with f frozen: forward, backward and one Adam update of g
 * on all K samples (nn.FrozenPlusAdapter), the unit of work of the trained sweep.
 *
 * <p>{@code fMode = CACHED} computes f's outputs once (the suite's way); {@code RECOMPUTE}
 * evaluates f on every block of every step, as a naive implementation would. Both produce the same
 * parameters bit for bit, so their difference is the price of recomputing f: about one forward pass
 * of f (10-64-64-1) per step, a constant that dominates at small N and vanishes at large N. CACHED
 * is the control.
 *
 * <p>Expected in N: like the adapter's FLOPs ({@link Flops#trainStep}), linear at depth 2 and
 * between √N and N at depth 3, plus a per-block fixed cost visible at N = 10.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class TrainStep {
  /** Whether f's outputs are cached or recomputed on every step. */
  @Param({"CACHED", "RECOMPUTE"})
  public FMode fMode;

  /** The arithmetic of g's kernels and Adam: float64 or float32 (f always runs in float64). */
  @Param({"float64", "float32"})
  public String precision;

  private FrozenPlusAdapter<?> training;

  @Setup(Level.Trial)
  public void setUp(AdapterTask task) {
    training = start(task, Precision.parse(precision).kernels());
    training.step(); // Adam allocates its moment buffers at its first update
  }

  private <A> FrozenPlusAdapter<A> start(AdapterTask task, Kernels<A> kernels) {
    Weights<A> g = Weights.copyOf(task.g, kernels);
    return new FrozenPlusAdapter<>(
        task.task.f(),
        g,
        task.task.x(),
        task.task.yPrime(),
        fMode,
        new Adam<>(kernels, AdamConfig.defaults()),
        task.blockRows(kernels.precision()));
  }

  /** One step; returns ℓ_FT before the update. */
  @Benchmark
  public double step() {
    return training.step();
  }
}
