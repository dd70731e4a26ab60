package org.ftcbench.construct;

/**
 * The certified constructions, with the names used in certify.csv and the export format, and the
 * neuron bound each one guarantees (Sohn et al. 2024, Theorems 4.1 and 5.1, Appendix A).
 */
public enum Construction {
  /** Theorem 4.1 / 4.4, Lemma 4.5: ≤ min{3N + 1, K − 1} ReLUs, exactly Eq. 12. */
  TWO_LAYER_INTERPOLANT("two-layer-interpolant", 2),
  /** U1 = 4⌈√K⌉ (§3.6). */
  U1_YUN("three-layer-u1-yun", 3),
  /** U2 = 2⌈√K⌉ + 3N (§3.7). */
  U2_BUMP("three-layer-u2-bump", 3),
  /** U3 = 6⌈√(3N + 2)⌉ (§3.8). */
  U3_KEPT_SET("three-layer-u3-kept-set", 3),
  /** Appendix A: 4N + 4, not part of Theorem 5.1's minimum (§3.5). */
  APPENDIX_A("three-layer-appendix-a", 3);

  private final String label;
  private final int depth;

  Construction(String label, int depth) {
    this.label = label;
    this.depth = depth;
  }

  /** The name in certify.csv and the export JSON. */
  public String label() {
    return label;
  }

  /** 2 or 3 (affine layers, as the paper counts). */
  public int depth() {
    return depth;
  }

  /** The construction's own upper bound on its neurons for N changed of K samples. */
  public long upperBound(long n, long k) {
    return switch (this) {
      case TWO_LAYER_INTERPOLANT -> Bounds.twoLayerUpper(n, k);
      case U1_YUN -> Bounds.u1(k);
      case U2_BUMP -> Bounds.u2(n, k);
      case U3_KEPT_SET -> Bounds.u3(n);
      case APPENDIX_A -> Bounds.appendixA(n);
    };
  }

  /** The lower bound on m* for the depth (Theorem 4.1.2 or 5.1.2, rounded up). */
  public long lowerBound(long n, long k) {
    return depth == 2 ? Bounds.twoLayerLower(n, k) : Bounds.threeLayerLower(n, k);
  }

  /** Builds the adapter for a projected task. */
  public PreciseNetwork build(Projection p, ClipSettings settings) {
    return switch (this) {
      case TWO_LAYER_INTERPOLANT -> TwoLayerInterpolant.build(p);
      case U1_YUN -> YunU1.build(p, settings);
      case U2_BUMP -> BumpU2.build(p, settings);
      case U3_KEPT_SET -> KeptSetU3.build(p, settings);
      case APPENDIX_A -> AppendixA.build(p, settings);
    };
  }

  /** The constructions of Theorem 5.1's minimum (U1, U2, U3), or the 2-layer one. */
  public static java.util.List<Construction> certifiedCandidates(int depth) {
    return depth == 2
        ? java.util.List.of(TWO_LAYER_INTERPOLANT)
        : java.util.List.of(U1_YUN, U2_BUMP, U3_KEPT_SET);
  }

  /** The construction with this label. */
  public static Construction ofLabel(String label) {
    for (Construction c : values()) {
      if (c.label.equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no construction '" + label + "'");
  }
}
