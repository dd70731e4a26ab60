package org.ftcbench.capacity;

import org.ftcbench.nn.LoraSpec;
import org.ftcbench.results.ResultFiles;

/**
 * One trained cell: an adapter of depth L and m hidden neurons on the task (N, K, d, seed). A cell
 * is trained at most once per run, whichever experiment or criterion asks for it: this key is what
 * cells.csv is deduplicated and resumed by.
 *
 * @param depth L, the adapter's number of affine layers (2 or 3, Sohn et al. 2024 Eq. 6 and 17)
 * @param n N, the number of changed labels
 * @param k K, the number of samples
 * @param d the input dimension
 * @param m the number of hidden neurons (3-layer: d1 = ⌊m/2⌋, d2 = m − d1); for a LoRA adapter
 *     ({@link LoraSpec}) the rank r, and depth is f's L
 * @param seed the task's (and the adapter's) seed
 * @param data the inputs' family ({@link TaskKey#data})
 * @param adapter the kind of adapter ({@link TaskKey#adapter})
 */
public record CellKey(
    int depth, int n, int k, int d, int m, long seed, String data, String adapter) {

  /** A cell in the paper's setting: Gaussian inputs, an additive adapter. */
  public CellKey(int depth, int n, int k, int d, int m, long seed) {
    this(depth, n, k, d, m, seed, ResultFiles.GAUSSIAN, ResultFiles.ADDITIVE);
  }

  public CellKey {
    if (depth < 2 || m < new TaskKey(depth, n, k, d, seed, data, adapter).smallestWidth()) {
      throw new IllegalArgumentException(
          "a depth-" + depth + " adapter needs m ≥ " + (depth - 1) + " neurons, got m = " + m);
    }
  }

  /** The task this cell trains on. */
  public TaskKey task() {
    return new TaskKey(depth, n, k, d, seed, data, adapter);
  }

  /**
   * The adapter's widths (d, d_1, …, d_{L−1}, 1). A 3-layer adapter splits m as evenly as possible,
   * d1 = ⌊m/2⌋ and d2 = m − d1: the paper's lower bound (Sec. 5.1) is largest at d1 = d2 = m/2.
   */
  public int[] widths() {
    return AdapterShape.widths(depth, d, m);
  }
}
