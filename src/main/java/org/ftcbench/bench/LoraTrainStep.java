package org.ftcbench.bench;

import java.util.concurrent.TimeUnit;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.Seeds;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.Kernels;
import org.ftcbench.nn.LoraFineTuning;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.nn.LoraWeights;
import org.ftcbench.nn.NativeBlasCheck;
import org.ftcbench.nn.Precision;
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
 * One full-batch training step of a LoRA of rank r on the suite's frozen f (d-64-64-1, width D =
 * 64, depth L = 3, every hidden layer adapted, biases frozen: {@link #SPEC}): forward through W + B
 * A, back-propagation to A and B, one Adam update (nn.LoraFineTuning), on all K samples of the
 * paper's task with N labels changed. It is the LoRA sweep's unit of work, as {@link TrainStep} is
 * the additive sweep's.
 *
 * <p>Expected: flat in N. Unlike the additive adapter, whose width follows N, a LoRA step always
 * runs the whole f, so its cost is K · (f's products + r (D_in + D_out) per adapted layer) ({@link
 * Flops#loraTrainStep}) whatever N is; N only changes the labels. The rank is the parameter that
 * moves it: r = 1 is about f's forward and backward alone, the control, and the time added per rank
 * is the LoRA-specific cost. Time against N at the rank r*(N) the sweep finds is therefore this
 * benchmark at that rank. Its rate against the gemm roofline answers whether the LoRA kernels are
 * as efficient as the additive ones relative to their FLOPs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class LoraTrainStep {
  /** The LoRA benchmarked: on every hidden layer of the suite's f, biases frozen. */
  public static final LoraSpec SPEC = LoraSpec.variant(64, "all/frozen");

  /** f's depth L: the suite's f (d, 64, 64, 1). */
  public static final int DEPTH = 3;

  /** N, the changed labels: the task's, which does not change the step's work. */
  @Param({"10", "100", "1000", "10000"})
  public int N;

  /** K, the samples of every step (bench.K). */
  @Param({"10000"})
  public int K;

  /** r, the rank of every B_l A_l. */
  @Param({"1", "8", "64"})
  public int rank;

  /** The arithmetic of the LoRA kernels and Adam: float64 or float32. */
  @Param({"float64", "float32"})
  public String precision;

  private LoraFineTuning<?> training;

  @Setup(Level.Trial)
  public void setUp() {
    NativeBlasCheck.silenceJblasInfo(); // jblas logs every file it deletes at exit
    FineTuningTask task = SharedFrozenModel.task(K, N, AdapterTask.SEED);
    training = start(task, Precision.parse(precision).kernels());
    training.step(); // Adam allocates its moment buffers at its first update
  }

  private <A> LoraFineTuning<A> start(FineTuningTask task, Kernels<A> kernels) {
    LoraWeights<A> lora =
        LoraWeights.initialised(
            task.f(),
            kernels,
            rank,
            SPEC.layers(),
            SPEC.trainBiases(),
            Seeds.stream(AdapterTask.SEED, Seeds.ADAPTER_INIT));
    int blockRows =
        ForwardPass.equalBlocks(
            K, ForwardPass.defaultBlockRows(task.f().widths(), kernels.precision()));
    return new LoraFineTuning<>(
        lora, task.x(), task.yPrime(), new Adam<>(kernels, AdamConfig.defaults()), blockRows);
  }

  /** One step; returns ℓ_FT before the update. */
  @Benchmark
  public double step() {
    return training.step();
  }
}
