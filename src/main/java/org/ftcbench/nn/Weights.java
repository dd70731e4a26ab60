package org.ftcbench.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters W_l (d_l × d_{l−1}, column-major) and b_l (d_l) of a dense ReLU network, l = 1 …
 * L, as flat arrays of one precision: what the kernels read and the optimizer updates in place.
 * {@link DenseNetwork} is the float64 form that the rest of the suite exchanges; {@link
 * #of(DenseNetwork)} shares its arrays, {@link #copyOf} rounds them to another precision.
 *
 * @param <A> the array type of the precision
 */
public final class Weights<A> {
  private final Kernels<A> kernels;
  private final int[] widths;
  private final List<A> parameters;

  private Weights(Kernels<A> kernels, int[] widths, List<A> parameters) {
    this.kernels = kernels;
    this.widths = widths;
    this.parameters = Collections.unmodifiableList(parameters);
  }

  /** Zero weights of the shape {@code widths} = (d, d_1, …, 1). */
  public static <A> Weights<A> zeros(Kernels<A> kernels, int[] widths) {
    List<A> p = new ArrayList<>();
    for (int l = 1; l < widths.length; l++) {
      p.add(kernels.allocate(widths[l] * widths[l - 1]));
      p.add(kernels.allocate(widths[l]));
    }
    return new Weights<>(kernels, widths.clone(), p);
  }

  /** The float64 weights of {@code net}, sharing its live arrays: an update shows in both. */
  public static Weights<double[]> of(DenseNetwork net) {
    List<double[]> p = new ArrayList<>();
    for (int l = 1; l <= net.depth(); l++) {
      p.add(net.weight(l).data);
      p.add(net.bias(l).data);
    }
    return new Weights<>(Kernels.float64(), net.widths(), p);
  }

  /** A copy of {@code net}'s parameters, rounded to the precision of {@code kernels}. */
  public static <A> Weights<A> copyOf(DenseNetwork net, Kernels<A> kernels) {
    Weights<A> w = zeros(kernels, net.widths());
    List<double[]> source = of(net).parameters;
    for (int p = 0; p < source.size(); p++) {
      kernels.fromDoubles(source.get(p), w.parameters.get(p));
    }
    return w;
  }

  /** Zero weights of this shape and precision (a gradient, an optimizer's moment). */
  public Weights<A> zerosLike() {
    return zeros(kernels, widths);
  }

  /** Writes these parameters into {@code net}, which must have this shape. */
  public void copyTo(DenseNetwork net) {
    if (!java.util.Arrays.equals(net.widths(), widths)) {
      throw new IllegalArgumentException(
          "network widths "
              + java.util.Arrays.toString(net.widths())
              + " differ from "
              + java.util.Arrays.toString(widths));
    }
    List<double[]> target = of(net).parameters;
    for (int p = 0; p < target.size(); p++) {
      kernels.toDoubles(parameters.get(p), target.get(p));
    }
  }

  public Kernels<A> kernels() {
    return kernels;
  }

  /** L, the number of affine layers. */
  public int depth() {
    return widths.length - 1;
  }

  /** d_l for l = 0 … L. */
  public int width(int l) {
    return widths[l];
  }

  /** (d, d_1, …, 1), a copy. */
  public int[] widths() {
    return widths.clone();
  }

  /** W_l, l = 1 … L (live). */
  public A weight(int l) {
    return parameters.get(2 * (l - 1));
  }

  /** b_l, l = 1 … L (live). */
  public A bias(int l) {
    return parameters.get(2 * (l - 1) + 1);
  }

  /** W_1, b_1, …, W_L, b_L (live), the order of {@link DenseNetwork#parameters()}. */
  public List<A> parameters() {
    return parameters;
  }
}
