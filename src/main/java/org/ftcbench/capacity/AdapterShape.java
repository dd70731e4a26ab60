package org.ftcbench.capacity;

import org.ftcbench.nn.DenseNetwork;

/** How m hidden neurons are laid out in an adapter of depth L. */
public final class AdapterShape {
  private AdapterShape() {}

  /** The smallest m with at least one neuron per hidden layer: L − 1. */
  public static int minimumNeurons(int depth) {
    return depth - 1;
  }

  /**
   * (d, m, 1) for L = 2 (Eq. 6); (d, ⌊m/2⌋, m − ⌊m/2⌋, 1) for L = 3 (Eq. 17, the paper's split d1 =
   * d2 = m/2, Sec. 5.1).
   */
  public static int[] widths(int depth, int d, int m) {
    return switch (depth) {
      case 2 -> new int[] {d, m, 1};
      case 3 -> new int[] {d, m / 2, m - m / 2, 1};
      default -> throw new IllegalArgumentException("adapter depth must be 2 or 3, got " + depth);
    };
  }

  /** The adapter's number of trainable scalars (weights and biases). */
  public static long parameters(int depth, int d, int m) {
    return DenseNetwork.parameterCount(widths(depth, d, m));
  }
}
