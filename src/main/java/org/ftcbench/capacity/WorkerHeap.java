package org.ftcbench.capacity;

import org.ftcbench.data.PretrainConfig;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.nn.Precision;

/**
 * The Java heap a sweep worker needs, estimated from the size of the cells it trains, so that
 * workers run with a bounded heap ({@code -Xmx}) instead of the JVM's default of a quarter of the
 * machine's memory each: several workers with default heaps, and other processes beside them, had
 * one killed by the kernel's out-of-memory killer. Any engine that starts workers (the local {@link
 * WorkerPool}, a batch job) takes its {@code -Xmx} from here.
 *
 * <p>What a cell (depth L, K samples of dimension d, m neurons) holds, in doubles:
 *
 * <ul>
 *   <li>the task: x (K × d) and K-vectors y', f(x), z, the cached residual, ≈ K (d + 6); the worker
 *       keeps the data of every (K, d, seed) it has seen, which the estimate for a plan adds up;
 *   <li>g and its training: parameters P, gradients P, Adam's two moments 2P, ≈ 5P with a copy;
 *   <li>the row-block workspaces ({@link AdapterTraining}): activations and deltas of g, 2 · rows ·
 *       Σ_l d_l, the input block, and f's activations, rows · (64 + 64 + 1).
 * </ul>
 *
 * The heap is twice that (room for the collector to work without thrashing) plus 96 MiB for the
 * JVM's own objects and the pre-training of f, and never below 128 MiB. jblas's copies of the
 * arrays it hands to BLAS live outside the heap; they are of the block size and bounded with it.
 */
public final class WorkerHeap {
  private WorkerHeap() {}

  private static final long MIB = 1L << 20;

  /** The JVM's own objects, classes, f's pre-training: measured well below this. */
  static final long BASE = 96 * MIB;

  /** The smallest heap ever given. */
  static final long MINIMUM = 128 * MIB;

  /** Bytes of the data of one task (K samples of dimension d) that a worker keeps. */
  public static long taskBytes(int k, int d) {
    return 8L * k * (d + 6);
  }

  /** Bytes a worker needs beyond its tasks' data to train one cell. */
  public static long cellBytes(int depth, int k, int d, int m) {
    int[] g = AdapterShape.widths(depth, d, m);
    int[] f = PretrainConfig.defaults().widths(d);
    // float64's blocks: the same bytes of activations as float32's, in 8-byte numbers below
    int rows = AdapterTraining.blockRows(k, f, g, Precision.FLOAT64);
    long p = AdapterShape.parameters(depth, d, m);
    long widthsG = 0;
    for (int l = 1; l < g.length; l++) {
      widthsG += g[l];
    }
    long widthsF = 0;
    for (int l = 1; l < f.length; l++) {
      widthsF += f[l];
    }
    long doubles = 5 * p + (long) rows * (2 * widthsG + d + widthsF);
    return 8 * doubles;
  }

  /**
   * Bytes a worker needs to train a LoRA of rank r: its factors with their gradient and Adam's two
   * moments, f's copy, and one block of f's activations (forward and backward).
   */
  static long loraCellBytes(LoraSpec spec, int depth, int k, int d, int rank) {
    int[] f = spec.fWidths(depth, d);
    int rows = ForwardPass.equalBlocks(k, ForwardPass.defaultBlockRows(f, Precision.FLOAT64));
    long widthsF = 0;
    for (int l = 1; l < f.length; l++) {
      widthsF += f[l];
    }
    long doubles =
        4 * spec.parameters(depth, d, rank)
            + spec.stepParameters(depth, d, rank)
            + (long) rows * (3 * widthsF + d);
    return 8 * doubles;
  }

  /** The heap for a worker that trains cells up to this size on tasks of this much data. */
  public static long heapBytes(long cellBytes, long taskDataBytes) {
    return Math.max(MINIMUM, BASE + 2 * (cellBytes + taskDataBytes));
  }

  /** The heap for a worker that may be handed any cell of the plan. */
  public static long forPlan(SweepPlan plan) {
    long cell = 0;
    long data = 0;
    java.util.Set<String> tasks = new java.util.HashSet<>();
    for (SweepItem item : plan.items()) {
      TaskKey t = item.task();
      int maxM =
          item instanceof SweepItem.GridColumn grid
              ? grid.ms().stream().mapToInt(Integer::intValue).max().orElse(1)
              : ((SweepItem.Search) item).settings().maxM();
      cell =
          Math.max(
              cell,
              LoraSpec.isLora(t.adapter())
                  ? loraCellBytes(LoraSpec.parse(t.adapter()), t.depth(), t.k(), t.d(), maxM)
                  : cellBytes(t.depth(), t.k(), t.d(), maxM));
      if (tasks.add(t.k() + "/" + t.d() + "/" + t.seed())) {
        data += taskBytes(t.k(), t.d());
      }
    }
    return heapBytes(cell, data);
  }

  /** The JVM option, e.g. "-Xmx512m" (whole MiB, rounded up). */
  public static String option(long bytes) {
    return "-Xmx" + (bytes + MIB - 1) / MIB + "m";
  }
}
