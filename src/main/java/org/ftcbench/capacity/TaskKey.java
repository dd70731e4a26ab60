package org.ftcbench.capacity;

import org.ftcbench.nn.LoraSpec;
import org.ftcbench.results.ResultFiles;

/**
 * One width search: the paper's fine-tuning task (N, K, d, seed) on inputs of a data family, and
 * the adapter trained on it. capacity.csv has one row per task key and criterion.
 *
 * @param depth L, the adapter's number of affine layers
 * @param data the inputs' family, data.DataFamily's spec ({@code gaussian}: the paper's)
 * @param adapter the kind of adapter ({@code additive}: the paper's g added to f)
 */
public record TaskKey(int depth, int n, int k, int d, long seed, String data, String adapter) {

  /** The paper's setting: Gaussian inputs, an additive adapter. */
  public TaskKey(int depth, int n, int k, int d, long seed) {
    this(depth, n, k, d, seed, ResultFiles.GAUSSIAN, ResultFiles.ADDITIVE);
  }

  /** The smallest width the search tries: one neuron per hidden layer, or LoRA rank 1. */
  public int smallestWidth() {
    return LoraSpec.isLora(adapter) ? 1 : AdapterShape.minimumNeurons(depth);
  }

  /** The adapter's trainable parameters at width (or LoRA rank) m. */
  public long parameters(int m) {
    return LoraSpec.isLora(adapter)
        ? LoraSpec.parse(adapter).parameters(depth, d, m)
        : AdapterShape.parameters(depth, d, m);
  }

  /**
   * About the multiply-adds per sample of one training step at width m, up to a constant: the
   * additive adapter's parameters (f's outputs are cached), or f's plus LoRA's (the whole adapted
   * network runs every step). For ordering work and estimating time only.
   */
  public long stepParameters(int m) {
    return LoraSpec.isLora(adapter)
        ? LoraSpec.parse(adapter).stepParameters(depth, d, m)
        : AdapterShape.parameters(depth, d, m);
  }

  /** The cell of this task with m neurons. */
  public CellKey cell(int m) {
    return new CellKey(depth, n, k, d, m, seed, data, adapter);
  }
}
