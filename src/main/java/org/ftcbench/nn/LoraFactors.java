package org.ftcbench.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One array per trainable parameter of a LoRA ({@link LoraWeights}) or per entry of its gradient
 * ({@link LoraGradient}): A_l (r × d_{l−1}), B_l (d_l × r) and, in the trained-bias variant, b_l
 * (d_l) for each adapted layer l, found by layer and listed in the order of {@link
 * LoraWeights#trainable()}. Both share this layout, so a gradient is always {@link #zerosLike} its
 * parameters.
 *
 * @param <A> the array type of the precision
 */
final class LoraFactors<A> {
  /**
   * a.get(l) = A_l, b.get(l) = B_l, bias.get(l) = b_l; null where l is not adapted (or not b_l).
   */
  private final List<A> a = new ArrayList<>();

  private final List<A> b = new ArrayList<>();
  private final List<A> bias = new ArrayList<>();

  /** A_l, B_l (, b_l) for each adapted l, ascending. */
  private final List<A> all = new ArrayList<>();

  private final List<A> allView = Collections.unmodifiableList(all);

  /** The next layer is not adapted. */
  void skipLayer() {
    a.add(null);
    b.add(null);
    bias.add(null);
  }

  /** The next layer is adapted with A_l, B_l and b_l (null: its bias is not trained). */
  void addLayer(A aL, A bL, A biasL) {
    a.add(aL);
    b.add(bL);
    bias.add(biasL);
    all.add(aL);
    all.add(bL);
    if (biasL != null) {
      all.add(biasL);
    }
  }

  /** Zeros of the shapes of {@code like}, laid out the same: where its gradient goes. */
  static <A> LoraFactors<A> zerosLike(LoraFactors<A> like, Kernels<A> kernels) {
    LoraFactors<A> zeros = new LoraFactors<>();
    for (int l = 0; l < like.a.size(); l++) {
      if (like.a.get(l) == null) {
        zeros.skipLayer();
      } else {
        A biasL = like.bias.get(l);
        zeros.addLayer(
            kernels.allocate(kernels.length(like.a.get(l))),
            kernels.allocate(kernels.length(like.b.get(l))),
            biasL == null ? null : kernels.allocate(kernels.length(biasL)));
      }
    }
    return zeros;
  }

  /** A_l, or null where l is not adapted. */
  A a(int l) {
    return a.get(l);
  }

  /** B_l, or null where l is not adapted. */
  A b(int l) {
    return b.get(l);
  }

  /** b_l, or null where l is not adapted or its bias is not trained. */
  A bias(int l) {
    return bias.get(l);
  }

  /**
   * A_l, B_l (, b_l) for each adapted l, ascending: one view, as a new one per step would allocate.
   */
  List<A> all() {
    return allView;
  }
}
