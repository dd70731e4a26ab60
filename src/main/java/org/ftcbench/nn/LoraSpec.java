package org.ftcbench.nn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A LoRA adapter as named in the {@code adapter} column of capacity.csv and cells.csv: {@code
 * lora:width=D,layers=all|last,bias=frozen|trainable}. f is the frozen ReLU network (d, D, …, D, 1)
 * with L − 1 hidden layers of width D (L is the row's {@code depth}); each adapted hidden layer l
 * uses W_l + B_l A_l of rank r (the row's {@code m}), the output layer stays frozen ({@link
 * LoraWeights}). {@code layers=all} adapts every hidden layer, {@code last} only the last one;
 * {@code bias=trainable} also trains the adapted layers' biases b_l (the known expressiveness
 * results for LoRA on ReLU networks tune them).
 *
 * <p>Trainable parameters at rank r: P = Σ_{adapted l} r (D_{l−1} + D_l) (+ D_l with trained
 * biases); the capacity P* is this at r*. The rank search ends at r = D: a rank above the width of
 * a layer adds nothing (rank(B A) ≤ min(D_{l−1}, D_l, r)).
 *
 * @param width D, f's hidden width
 * @param layers which hidden layers are adapted
 * @param trainBiases whether the adapted layers' biases are trained too
 */
public record LoraSpec(int width, LoraWeights.Layers layers, boolean trainBiases) {
  /** The adapter column's prefix of every LoRA spec. */
  public static final String PREFIX = "lora:";

  /** What to write for a spec that does not parse. */
  static final String CHOICES =
      "write lora:width=D,layers=all|last,bias=frozen|trainable (e.g."
          + " lora:width=64,layers=all,bias=frozen)";

  public LoraSpec {
    if (width < 1) {
      throw new IllegalArgumentException("LoRA width D = " + width + ": choose D ≥ 1, e.g. 64");
    }
  }

  /** Whether the adapter column names a LoRA (not the additive adapter). */
  public static boolean isLora(String adapter) {
    return adapter.startsWith(PREFIX);
  }

  /**
   * The LoRA of width D with a variant written {@code layers/bias}, e.g. {@code all/frozen} or
   * {@code last/trainable} (the profile's sweep.lora.variants).
   */
  public static LoraSpec variant(int width, String variant) {
    String[] parts = variant.strip().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "LoRA variant '" + variant + "': write layers/bias, e.g. all/frozen or last/trainable");
    }
    return new LoraSpec(width, layers(parts[0].strip(), variant), bias(parts[1].strip(), variant));
  }

  /**
   * The spec an adapter column names: {@code lora:} then width, layers and bias, in any order, each
   * exactly once.
   *
   * @throws IllegalArgumentException with one line saying what is wrong and how to write it (a
   *     profile reports it as bad input, exit 2)
   */
  public static LoraSpec parse(String spec) {
    String s = spec == null ? "" : spec.strip();
    if (!isLora(s)) {
      throw new IllegalArgumentException("adapter '" + spec + "' is not a LoRA spec: " + CHOICES);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : s.substring(PREFIX.length()).split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 1
          || values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException(
            "adapter '" + spec + "': '" + pair + "' " + "is malformed or repeated: " + CHOICES);
      }
    }
    if (values.size() != 3
        || !values.containsKey("width")
        || !values.containsKey("layers")
        || !values.containsKey("bias")) {
      throw new IllegalArgumentException(
          "adapter '" + spec + "' needs exactly width, layers and bias: " + CHOICES);
    }
    int width;
    try {
      width = Integer.parseInt(values.get("width"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "adapter '" + spec + "': width is not a whole number: " + CHOICES);
    }
    return new LoraSpec(width, layers(values.get("layers"), spec), bias(values.get("bias"), spec));
  }

  private static LoraWeights.Layers layers(String v, String spec) {
    return switch (v) {
      case "all" -> LoraWeights.Layers.ALL_HIDDEN;
      case "last" -> LoraWeights.Layers.LAST_HIDDEN;
      default ->
          throw new IllegalArgumentException(
              "LoRA '" + spec + "': layers = " + v + " is not all or last");
    };
  }

  private static boolean bias(String v, String spec) {
    return switch (v) {
      case "frozen" -> false;
      case "trainable" -> true;
      default ->
          throw new IllegalArgumentException(
              "LoRA '" + spec + "': bias = " + v + " is not frozen or trainable");
    };
  }

  /** The canonical spec: {@code parse(spec()).equals(this)}. */
  public String spec() {
    return PREFIX + "width=" + width + ",layers=" + variant().replace("/", ",bias=");
  }

  /** The variant alone, {@code layers/bias} (e.g. {@code all/frozen}), for legends. */
  public String variant() {
    return (layers == LoraWeights.Layers.ALL_HIDDEN ? "all" : "last")
        + "/"
        + (trainBiases ? "trainable" : "frozen");
  }

  /** f's widths (d, D, …, D, 1) with L − 1 hidden layers of width D. */
  public int[] fWidths(int depth, int d) {
    if (depth < 2) {
      throw new IllegalArgumentException("LoRA needs f with a hidden layer: L ≥ 2, got " + depth);
    }
    int[] w = new int[depth + 1];
    java.util.Arrays.fill(w, width);
    w[0] = d;
    w[depth] = 1;
    return w;
  }

  /** f's hidden widths (D, …, D), L − 1 of them: what f is pre-trained with. */
  public int[] hiddenWidths(int depth) {
    int[] w = fWidths(depth, 1);
    return java.util.Arrays.copyOfRange(w, 1, depth);
  }

  /**
   * P(r) = Σ_{adapted l} r (D_{l−1} + D_l) (+ D_l with trained biases) on f of depth L, inputs of
   * dimension d: the trainable parameters at rank r (the same count as {@link
   * LoraWeights#trainableCount}).
   */
  public long parameters(int depth, int d, int rank) {
    int[] w = fWidths(depth, d);
    int first = layers == LoraWeights.Layers.ALL_HIDDEN ? 1 : depth - 1;
    long p = 0;
    for (int l = first; l <= depth - 1; l++) {
      p += (long) rank * (w[l - 1] + w[l]) + (trainBiases ? w[l] : 0);
    }
    return p;
  }

  /** f's parameters plus P(r): about what one sample costs per step, as the whole net runs. */
  public long stepParameters(int depth, int d, int rank) {
    return DenseNetwork.parameterCount(fWidths(depth, d)) + parameters(depth, d, rank);
  }
}
