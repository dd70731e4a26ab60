package org.ftcbench.nn;

/**
 * What every {@link BlockModel} holds: its kernels and the most rows one block may have, checked
 * once here. The workspaces themselves differ by model and stay in the subclasses.
 *
 * @param <A> the array type of the precision
 */
abstract class AbstractBlockModel<A> implements BlockModel<A> {
  /** Read directly by the subclasses' block loops (a field, not a call). */
  final Kernels<A> kernels;

  final int blockRows;

  AbstractBlockModel(Kernels<A> kernels, int blockRows) {
    if (blockRows < 1) {
      throw new IllegalArgumentException("blockRows must be ≥ 1, got " + blockRows);
    }
    this.kernels = kernels;
    this.blockRows = blockRows;
  }

  @Override
  public final Kernels<A> kernels() {
    return kernels;
  }

  @Override
  public final int blockRows() {
    return blockRows;
  }
}
