package org.ftcbench.construct;

/**
 * The paper's bounds as pure functions of (N, K[, m, L]), for tables and plots (Sohn et al. 2024,
 * Sections 4–6; docs/paper-notes.md §2). Neuron counts are integers: where the paper writes √K or
 * √(3N + 2) for a number of neurons, the square root is rounded up (⌈·⌉), as an actual construction
 * needs; the real-valued lower bound of Theorem 5.1 is given both as printed and rounded up.
 *
 * <p>m* is the fine-tuning capacity in neurons (Def. 3.3): the fewest neurons that suffice for
 * every T with |T| = N and all data; N* is the fine-tuning capacity in samples (Def. 3.1).
 */
public final class Bounds {
  private Bounds() {}

  /** An integer range lo ≤ value ≤ hi. */
  public record Range(long lo, long hi) {}

  // ---------------------------------------------------------------- 2-layer

  /** Theorem 4.1.1 (K ≥ 3): m* ≤ min{3N + 1, K − 1}. Also right for K = 1, 2 (0 and 1). */
  public static long twoLayerUpper(long n, long k) {
    return Math.max(0, Math.min(3 * n + 1, k - 1));
  }

  /** Theorem 4.1.2 (K ≥ 3): min{3N, K − 2} ≤ m* (0 for K < 3). */
  public static long twoLayerLower(long n, long k) {
    return Math.max(0, Math.min(3 * n, k - 2));
  }

  /**
   * Eq. 12 (Theorem 4.4): for changed flags in the sorted order of a projection, m ≤ K − 1 − Σ_{P ∈
   * P([K]\T)} max{|P| − 2, 0} = |J| − 1.
   */
  public static long dataDependent(boolean[] changedSorted) {
    return Math.max(0, changedSorted.length - 1 - KeptSet.removedCount(changedSorted));
  }

  /**
   * Corollary 4.2 (K ≥ 3): the range of N* for a 2-layer network with m neurons: ⌊(m − 1)/3⌋ ≤ N* ≤
   * ⌊m/3⌋ if K ≥ m + 2 (Eq. 8), N* = K if K ≤ m + 1.
   */
  public static Range twoLayerCapacity(long m, long k) {
    if (k <= m + 1) {
      return new Range(k, k);
    }
    return new Range(Math.max(0, Math.floorDiv(m - 1, 3)), m / 3);
  }

  // ---------------------------------------------------------------- 3-layer

  /** U1 = 4⌈√K⌉ (Yun et al.'s memorizer of all K points, docs/paper-notes.md §3.6). */
  public static long u1(long k) {
    return 4L * ceilSqrt(k);
  }

  /** U2 = 2⌈√K⌉ + 3N (bump neurons, docs/paper-notes.md §3.7). */
  public static long u2(long n, long k) {
    return 2L * ceilSqrt(k) + 3 * n;
  }

  /** U3 = 6⌈√(3N + 2)⌉ (kept set plus σ_L, docs/paper-notes.md §3.8). */
  public static long u3(long n) {
    return 6L * ceilSqrt(3 * n + 2);
  }

  /** Appendix A: 4N + 4 (2N + 1 hard-tanh neurons and one σ_T, 2 ReLUs each). */
  public static long appendixA(long n) {
    return 4 * n + 4;
  }

  /** Theorem 5.1.1: m* ≤ min{2√K + min{2√K, 3N}, 6√(3N + 2)} = min{U1, U2, U3}. */
  public static long threeLayerUpper(long n, long k) {
    return Math.min(Math.min(u1(k), u2(n, k)), u3(n));
  }

  /** Theorem 5.1.2 as printed: √(2 min{3N, K − 2} + 1/4) − 1/2 ≤ m (0 for K < 3). */
  public static double threeLayerLowerReal(long n, long k) {
    double p = Math.max(0, Math.min(3 * n, k - 2));
    return Math.sqrt(2 * p + 0.25) - 0.5;
  }

  /** Theorem 5.1.2 for an integer neuron count: ⌈√(2 min{3N, K − 2} + 1/4) − 1/2⌉. */
  public static long threeLayerLower(long n, long k) {
    // the smallest integer m with m² + m ≥ 2 min{3N, K − 2}, computed without rounding
    long p = Math.max(0, Math.min(3 * n, k - 2));
    long m = (long) Math.max(0, Math.floor(threeLayerLowerReal(n, k)) - 1);
    while (m * m + m < 2 * p) {
      m++;
    }
    return m;
  }

  /**
   * Corollary 5.2: the range of N* for a 3-layer network with m neurons. With A = ⌊m²/108 − 2/3⌋
   * and B = (m² + m)/6: N* = K if K ≤ ⌊m²/16⌋ (Eq. 18); A ≤ N* ≤ K if ⌊m²/16⌋ + 1 ≤ K < (m² + m +
   * 4)/2 (Eq. 19); A ≤ N* ≤ B if K ≥ (m² + m + 4)/2 (Eq. 20). The range is clipped to [0, K].
   */
  public static Range threeLayerCapacity(long m, long k) {
    long m2 = m * m;
    if (k <= m2 / 16) {
      return new Range(k, k);
    }
    long a = (long) Math.floor(m2 / 108.0 - 2.0 / 3.0);
    long lo = Math.max(0, Math.min(a, k));
    if (2 * k < m2 + m + 4) {
      return new Range(lo, k);
    }
    long b = (m2 + m) / 6;
    return new Range(lo, Math.min(b, k));
  }

  // ---------------------------------------------------------------- deeper

  /**
   * Proposition 6.1 as printed (L ≥ 4): some L-layer network of maximum width d ≤ 4 min{√(3N /
   * √⌊(L−1)/2⌋ + 5), √K} + 2 satisfies Eq. 3.
   */
  public static double deepWidthPrinted(long n, long k, int depth) {
    double blocks = Math.floor((depth - 1) / 2.0);
    return 4 * Math.min(Math.sqrt(3.0 * n / Math.sqrt(blocks) + 5), Math.sqrt(k)) + 2;
  }

  /**
   * Proposition 6.1 as its Appendix B derivation gives it (docs/paper-notes.md §2, [P-typo?]): the
   * inner square root is not there, since |T_i| ≤ N/⌊(L−1)/2⌋ + 1 gives 3|T_i| + 2 ≤ 3N/⌊(L−1)/2⌋ +
   * 5.
   */
  public static double deepWidthDerived(long n, long k, int depth) {
    double blocks = Math.floor((depth - 1) / 2.0);
    return 4 * Math.min(Math.sqrt(3.0 * n / blocks + 5), Math.sqrt(k)) + 2;
  }

  /** ⌈√m⌉ for m ≥ 0, exact (the square roots of all neuron counts are rounded up). */
  public static long ceilSqrt(long m) {
    return SnakeGroups.ceilSqrt(m);
  }
}
