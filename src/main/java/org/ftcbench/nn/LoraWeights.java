package org.ftcbench.nn;

import java.util.List;
import java.util.Random;

/**
 * A LoRA fine-tuning of a dense ReLU network f (Hu et al. 2022, "LoRA: Low-Rank Adaptation"): each
 * adapted hidden layer l uses W_l + B_l A_l in place of W_l,
 *
 * <pre>
 *   H_l = relu(H_{l−1} (W_l + B_l A_l)ᵀ + 1 b_lᵀ)      B_l: d_l × r,  A_l: r × d_{l−1}
 * </pre>
 *
 * with B_l = 0 at the start, so the model starts as exactly f (and training at ℓ_FT(0), like the
 * additive adapter), and A_l ~ N(0, 1/d_{l−1}) entrywise, small enough that H_{l−1} A_lᵀ keeps the
 * scale of H_{l−1}'s entries. The scalar output layer (rank ≤ 1) stays frozen, so the rank r is the
 * only knob. Two variants: LoRA on every hidden layer or only on the last one ({@link Layers}), and
 * the biases b_l of the adapted layers frozen or trained with A and B.
 *
 * <p>The parameters of f are copied once, at construction, into {@link #base()} (rounded to the
 * precision of the kernels): f itself is never touched, and no step copies W. The trainable
 * parameters, in the order of {@link #trainable()}, are A_l, B_l (and b_l in the trained-bias
 * variant) for each adapted l, ascending.
 *
 * @param <A> the array type of the precision
 */
public final class LoraWeights<A> {
  /** Which hidden layers get a low-rank update. */
  public enum Layers {
    /** W_l + B_l A_l for l = 1 … T (T = L − 1, the last hidden layer). */
    ALL_HIDDEN,
    /** W_T + B_T A_T only. */
    LAST_HIDDEN
  }

  private final Weights<A> base;
  private final int rank;
  private final Layers layers;
  private final boolean trainBiases;

  /** A_l, B_l (, b_l) for each adapted l; A_l and B_l are owned here, b_l is base's. */
  private final LoraFactors<A> factors = new LoraFactors<>();

  private LoraWeights(Weights<A> base, int rank, Layers layers, boolean trainBiases, Random rng) {
    this.base = base;
    this.rank = rank;
    this.layers = layers;
    this.trainBiases = trainBiases;
    Kernels<A> kernels = base.kernels();
    factors.skipLayer(); // layer 0, the input
    for (int l = 1; l <= hiddenLayers(); l++) {
      if (l < firstAdapted()) {
        factors.skipLayer();
        continue;
      }
      int dIn = base.width(l - 1);
      double std = 1.0 / Math.sqrt(dIn);
      double[] a = new double[rank * dIn];
      for (int i = 0; i < a.length; i++) {
        a[i] = std * rng.nextGaussian();
      }
      A aL = kernels.allocate(a.length);
      kernels.fromDoubles(a, aL);
      A bL = kernels.allocate(base.width(l) * rank); // B_l = 0
      factors.addLayer(aL, bL, trainBiases ? base.bias(l) : null);
    }
  }

  /**
   * LoRA of rank r on f, in the precision of {@code kernels}, with A drawn from {@code rng}.
   *
   * @throws IllegalArgumentException if f has no hidden layer or r &lt; 1
   */
  public static <A> LoraWeights<A> initialised(
      DenseNetwork f,
      Kernels<A> kernels,
      int rank,
      Layers layers,
      boolean trainBiases,
      Random rng) {
    if (f.depth() < 2) {
      throw new IllegalArgumentException(
          "LoRA needs a hidden layer to adapt, f has widths "
              + java.util.Arrays.toString(f.widths()));
    }
    if (rank < 1) {
      throw new IllegalArgumentException("LoRA rank must be ≥ 1, got " + rank);
    }
    return new LoraWeights<>(Weights.copyOf(f, kernels), rank, layers, trainBiases, rng);
  }

  /** f's parameters in this precision (the trained-bias variant trains its b_l in place). */
  public Weights<A> base() {
    return base;
  }

  public Kernels<A> kernels() {
    return base.kernels();
  }

  /** r. */
  public int rank() {
    return rank;
  }

  public Layers layers() {
    return layers;
  }

  public boolean trainsBiases() {
    return trainBiases;
  }

  /** T = L − 1, the number of hidden layers of f. */
  public int hiddenLayers() {
    return base.depth() - 1;
  }

  /**
   * The lowest adapted layer: 1 for {@link Layers#ALL_HIDDEN}, T for {@link Layers#LAST_HIDDEN}.
   */
  public int firstAdapted() {
    return layers == Layers.ALL_HIDDEN ? 1 : hiddenLayers();
  }

  /** A_l (r × d_{l−1}, live) for an adapted l. */
  public A factorA(int l) {
    return factors.a(requireAdapted(l));
  }

  /** B_l (d_l × r, live) for an adapted l. */
  public A factorB(int l) {
    return factors.b(requireAdapted(l));
  }

  private int requireAdapted(int l) {
    if (l < firstAdapted() || l > hiddenLayers()) {
      throw new IllegalArgumentException(
          "layer " + l + " is not adapted (layers " + firstAdapted() + "…" + hiddenLayers() + ")");
    }
    return l;
  }

  /** A_l, B_l (, b_l) for each adapted l, ascending (live): what the optimizer updates. */
  public List<A> trainable() {
    return factors.all();
  }

  /** Zeros laid out like {@link #trainable()}: where its gradient goes. */
  LoraFactors<A> zerosLikeTrainable() {
    return LoraFactors.zerosLike(factors, kernels());
  }

  /** Σ_l r (d_{l−1} + d_l) (+ d_l with trained biases) over the adapted layers. */
  public long trainableCount() {
    long p = 0;
    for (int l = firstAdapted(); l <= hiddenLayers(); l++) {
      p += (long) rank * (base.width(l - 1) + base.width(l)) + (trainBiases ? base.width(l) : 0);
    }
    return p;
  }
}
