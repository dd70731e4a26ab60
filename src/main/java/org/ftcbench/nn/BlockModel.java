package org.ftcbench.nn;

/**
 * A scalar-output model evaluated on the rows of X (xRows × d, column-major) one block of at most
 * {@link #blockRows()} rows at a time, in a workspace sized once: {@link ForwardPass} for a dense
 * network, {@link LoraGradient} for its LoRA fine-tuning.
 *
 * @param <A> the array type of the precision
 */
public interface BlockModel<A> {
  Kernels<A> kernels();

  /** The most rows one block may have. */
  int blockRows();

  /**
   * Evaluates rows [r0, r0 + rows) of x and returns the model's output buffer, whose first {@code
   * rows} entries are the outputs; overwritten by the next call.
   */
  A forwardBlock(A x, int xRows, int r0, int rows);

  /** out = the model's output for all xRows rows (out has xRows entries). */
  default void forward(A x, int xRows, A out) {
    if (kernels().length(out) != xRows) {
      throw new IllegalArgumentException(
          "out has " + kernels().length(out) + " entries for " + xRows + " rows");
    }
    for (int r0 = 0; r0 < xRows; r0 += blockRows()) {
      int rows = Math.min(blockRows(), xRows - r0);
      System.arraycopy(forwardBlock(x, xRows, r0, rows), 0, out, r0, rows);
    }
  }

  /** Throws unless [r0, r0 + rows) is a block of x that fits the workspace and x is xRows × d. */
  default void requireBlock(A x, int xRows, int d, int r0, int rows) {
    if (rows < 1 || rows > blockRows() || r0 < 0 || r0 + rows > xRows) {
      throw new IllegalArgumentException(
          "block ["
              + r0
              + ", "
              + (r0 + rows)
              + ") of "
              + xRows
              + " rows, blockRows "
              + blockRows());
    }
    if (kernels().length(x) != xRows * d) {
      throw new IllegalArgumentException(
          "X has " + kernels().length(x) + " entries, expected " + xRows + "×" + d);
    }
  }
}
