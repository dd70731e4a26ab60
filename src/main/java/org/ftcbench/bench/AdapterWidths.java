package org.ftcbench.bench;

import org.ftcbench.construct.Bounds;
import org.ftcbench.data.BadInputException;

/**
 * The adapter widths the benchmarks cost: the hidden widths of the paper's certified constructions
 * for N changed samples (Sohn et al. 2024), so that a benchmark costs exactly what the theory
 * requires.
 *
 * <ul>
 *   <li>2-layer (Eq. 6): one hidden layer of m = 3N + 1 ReLUs, Theorem 4.1's upper bound min{3N +
 *       1, K − 1}, which is 3N + 1 whenever K ≥ 3N + 2.
 *   <li>3-layer (Eq. 17): m = 6⌈√(3N + 2)⌉ ReLUs, Theorem 5.1's construction U3 = 6√(3N + 2), with
 *       the paper's square root rounded up (docs/paper-notes.md §2) and split evenly, d1 = d2 =
 *       3⌈√(3N + 2)⌉, the split that maximises the linear pieces in the lower bound (Sec. 5.1) and
 *       the one the trained sweep uses. U3's own layers are 2⌈√·⌉ hard-tanh ReLUs then 4⌈√·⌉ σ_L
 *       ReLUs (docs/paper-notes.md §3.8): the same m, a middle layer d1 × d2 about 11% smaller.
 * </ul>
 *
 * Both are the K-independent sizes: Theorem 5.1's other terms (U1 = 4√K, U2 = 2√K + 3N) depend on
 * K, and the benchmarks keep K fixed across N so that time against N shows the constructions'
 * growth in N alone. The numbers are construct's {@link Bounds} (the formulas {@code certify}
 * builds to), so the benchmarks and the certified sweep cannot drift apart.
 */
public final class AdapterWidths {
  private AdapterWidths() {}

  /** The layer widths (d, hidden…, 1) of the certified adapter of the given depth for N. */
  public static int[] widths(int depth, int n, int d) {
    if (n < 0) {
      throw new BadInputException("N = " + n + " is negative: choose N ≥ 0");
    }
    return switch (depth) {
      case 2 -> new int[] {d, twoLayerNeurons(n), 1};
      case 3 -> new int[] {d, threeLayerHalf(n), threeLayerHalf(n), 1};
      default ->
          throw new BadInputException(
              "depth = " + depth + " has no certified construction here: choose depth 2 or 3");
    };
  }

  /**
   * m = 3N + 1: Theorem 4.1's upper bound min{3N + 1, K − 1} ({@link Bounds#twoLayerUpper}) at K =
   * 3N + 2, the least K at which it is K-independent.
   */
  public static int twoLayerNeurons(int n) {
    return Math.toIntExact(Bounds.twoLayerUpper(n, 3L * n + 2));
  }

  /** d1 = d2 = 3⌈√(3N + 2)⌉, half of Theorem 5.1's U3 = 6⌈√(3N + 2)⌉ ({@link Bounds#u3}). */
  public static int threeLayerHalf(int n) {
    return Math.toIntExact(Bounds.u3(n) / 2);
  }

  /** ⌈√v⌉ in exact integer arithmetic ({@link Bounds#ceilSqrt}). */
  static int ceilSqrt(long v) {
    return Math.toIntExact(Bounds.ceilSqrt(v));
  }
}
