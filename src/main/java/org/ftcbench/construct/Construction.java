package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.ResultFiles;

/**
 * The certified constructions, with the names used in certify.csv and the export format, and the
 * neuron bound each one guarantees (Sohn et al. 2024, Theorems 4.1 and 5.1, Appendix A).
 */
public enum Construction {
  /** Theorem 4.1 / 4.4, Lemma 4.5: ≤ min{3N + 1, K − 1} ReLUs, exactly Eq. 12. */
  TWO_LAYER_INTERPOLANT("two-layer-interpolant", "interpolant", 2),
  /** U1 = 4⌈√K⌉ (§3.6). */
  U1_YUN("three-layer-u1-yun", "u1", 3),
  /** U2 = 2⌈√K⌉ + 3N (§3.7). */
  U2_BUMP("three-layer-u2-bump", "u2", 3),
  /** U3 = 6⌈√(3N + 2)⌉ (§3.8). */
  U3_KEPT_SET("three-layer-u3-kept-set", "u3", 3),
  /** Appendix A: 4N + 4, not part of Theorem 5.1's minimum (§3.5). */
  APPENDIX_A(ResultFiles.APPENDIX_A, "appendix-a", 3);

  private final String label;
  private final String shortName;
  private final int depth;

  Construction(String label, String shortName, int depth) {
    this.label = label;
    this.shortName = shortName;
    this.depth = depth;
  }

  /** The name in certify.csv and the export JSON. */
  public String label() {
    return label;
  }

  /** The name on the command line ({@code certify --constructions u3,u1}). */
  public String shortName() {
    return shortName;
  }

  /** 2 or 3 (affine layers, as the paper counts). */
  public int depth() {
    return depth;
  }

  /**
   * Whether the construction is one of Theorem 4.1's or 5.1's, whose adapter can be the
   * certificate; Appendix A is shown for comparison only.
   */
  public boolean certifies() {
    return this != APPENDIX_A;
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
  public static List<Construction> certifiedCandidates(int depth) {
    return depth == 2 ? List.of(TWO_LAYER_INTERPOLANT) : List.of(U1_YUN, U2_BUMP, U3_KEPT_SET);
  }

  /** Every construction of the depth, Appendix A included for depth 3. */
  public static List<Construction> all(int depth) {
    return Stream.of(values()).filter(c -> c.depth == depth).toList();
  }

  /**
   * The construction whose own bound is the theorem's bound for (N, K): for depth 3 the U_i that
   * attains min{U1, U2, U3} of Theorem 5.1 (U3 on a tie), so that building it alone certifies m* ≤
   * the theorem's bound. The fast default of {@code certify}.
   */
  public static Construction attainingBound(int depth, long n, long k) {
    return certifiedCandidates(depth).stream()
        .min(
            Comparator.comparingLong((Construction c) -> c.upperBound(n, k))
                .thenComparing(c -> -c.ordinal()))
        .orElseThrow();
  }

  /**
   * The constructions named in a comma-separated list of short names or labels ("u3,u1"), or every
   * construction of the depth for "all", in the order given; a name that is unknown or of the other
   * depth is the user's mistake ({@link BadInputException}).
   */
  public static List<Construction> parseList(String names, int depth) {
    List<Construction> out = new ArrayList<>();
    for (String raw : names.split(",")) {
      String name = raw.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      List<Construction> chosen = name.equals("all") ? all(depth) : List.of(ofName(name));
      for (Construction c : chosen) {
        if (c.depth != depth) {
          throw new BadInputException(
              "--constructions: "
                  + c.shortName
                  + " is a depth-"
                  + c.depth
                  + " construction: choose among "
                  + names(depth)
                  + " for --depth "
                  + depth);
        }
        if (!out.contains(c)) {
          out.add(c);
        }
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException(
          "--constructions '" + names + "' names none: choose among " + names(depth) + " or all");
    }
    return out;
  }

  private static Construction ofName(String name) {
    for (Construction c : values()) {
      if (c.shortName.equals(name) || c.label.equals(name)) {
        return c;
      }
    }
    throw new BadInputException(
        "--constructions: no construction '"
            + name
            + "': choose among "
            + names(2)
            + ", "
            + names(3)
            + " or all");
  }

  private static String names(int depth) {
    return all(depth).stream().map(Construction::shortName).collect(Collectors.joining(", "));
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
