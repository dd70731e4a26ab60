package org.ftcbench.bench;

import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.PretrainConfig;
import org.ftcbench.data.Seeds;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.NativeBlasCheck;
import org.ftcbench.nn.Precision;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The workload of the network benchmarks: the paper's fine-tuning task (Sohn et al. 2024, Section
 * 7: K samples x_i ~ N(0, I_d) with d = 10, a pre-trained frozen f, N labels changed) and an
 * adapter g of the certified width for (depth, N) ({@link AdapterWidths}), He-initialised.
 *
 * <p>Built once per trial (one fork); benchmarks read it and never change it (training benchmarks
 * train a copy of g). K is fixed across N (a profile setting, {@code bench.K}) so that time against
 * N follows the adapter's width alone. Rows are processed in cache-sized blocks ({@link
 * #blockRows}).
 */
@State(Scope.Benchmark)
public class AdapterTask {
  /** d = 10, the paper's input dimension (Section 7). */
  public static final int D = 10;

  /**
   * The task's values do not change the cost of dense kernels; one fixed seed makes every fork
   * build the same task.
   */
  public static final long SEED = 1;

  /** The paper's depth: 2 (one hidden layer) or 3 (two hidden layers). */
  @Param({"2", "3"})
  public int depth;

  /** N, the number of changed labels, which sets the adapter's width. */
  @Param({"10", "100", "1000", "10000"})
  public int N;

  /** K, the number of samples every operation processes. */
  @Param({"10000"})
  public int K;

  /** The task: x (K × d), frozen f, labels y', residuals z = y' − f(x). */
  public FineTuningTask task;

  /** The adapter g, never modified. */
  public DenseNetwork g;

  @Setup(Level.Trial)
  public void setUp() {
    NativeBlasCheck.silenceJblasInfo(); // jblas logs every file it deletes at exit
    task = SharedFrozenModel.task(K, N, SEED);
    int[] widths = AdapterWidths.widths(depth, N, D);
    g = DenseNetwork.heInitialised(Seeds.stream(SEED, Seeds.ADAPTER_INIT), widths);
  }

  /**
   * Rows per block in {@code precision}: the nn kernels' default for g's widths, rounded to equal
   * blocks of K, as the trained sweep uses them.
   */
  public int blockRows(Precision precision) {
    return ForwardPass.equalBlocks(K, ForwardPass.defaultBlockRows(g.widths(), precision));
  }

  /** f's widths (d, 64, 64, 1) from the pre-training settings, without training f. */
  public static int[] frozenWidths() {
    return PretrainConfig.defaults().widths(D);
  }
}
