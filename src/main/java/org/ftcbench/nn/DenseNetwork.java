package org.ftcbench.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jblas.DoubleMatrix;

/**
 * A dense ReLU network with scalar output: {@code h_0 = x}, {@code h_l = relu(W_l h_{l-1} + b_l)}
 * for the hidden layers l = 1 … L−1, and a linear output {@code g(x) = W_L h_{L-1} + b_L}.
 *
 * <p>The depth L counts affine layers, as the paper does: a "2-layer" network (Sohn et al. 2024,
 * Eq. 6) has one hidden layer, a "3-layer" network (Eq. 17) two. {@code widths} = (d, d_1, …,
 * d_{L-1}, 1); {@code W_l} is (d_l × d_{l-1}) and {@code b_l} is (d_l × 1), stored as jblas
 * matrices. Hidden widths may be 0 (an adapter with no neurons is the constant b_L).
 *
 * <p>This class only holds parameters. Evaluation lives in {@link ForwardPass}, gradients in {@link
 * MseGradient}, both with reusable workspaces.
 */
public final class DenseNetwork {
  private final int[] widths;
  private final DoubleMatrix[] weights;
  private final DoubleMatrix[] biases;

  /** A network with all parameters zero. */
  public DenseNetwork(int... widths) {
    if (widths.length < 2 || widths[widths.length - 1] != 1 || widths[0] < 1) {
      throw new IllegalArgumentException(
          "widths must be (d ≥ 1, hidden…, 1), got " + Arrays.toString(widths));
    }
    for (int w : widths) {
      if (w < 0) {
        throw new IllegalArgumentException("negative width in " + Arrays.toString(widths));
      }
    }
    this.widths = widths.clone();
    int layers = widths.length - 1;
    this.weights = new DoubleMatrix[layers];
    this.biases = new DoubleMatrix[layers];
    for (int l = 0; l < layers; l++) {
      weights[l] = new DoubleMatrix(widths[l + 1], widths[l]);
      biases[l] = new DoubleMatrix(widths[l + 1], 1);
    }
  }

  /**
   * He (Kaiming) initialisation: {@code W_l ~ N(0, 2 / d_{l-1})} entrywise, {@code b_l = 0}. The
   * variance 2/fan-in keeps the activations' scale roughly constant through ReLU layers (He et al.
   * 2015).
   */
  public static DenseNetwork heInitialised(Random rng, int... widths) {
    DenseNetwork net = new DenseNetwork(widths);
    for (int l = 0; l < net.depth(); l++) {
      double std = Math.sqrt(2.0 / widths[l]);
      double[] w = net.weights[l].data;
      for (int i = 0; i < w.length; i++) {
        w[i] = std * rng.nextGaussian();
      }
    }
    return net;
  }

  /** A network with the given parameters (copied); shapes are checked. */
  public static DenseNetwork of(List<DoubleMatrix> weights, List<DoubleMatrix> biases) {
    if (weights.size() != biases.size() || weights.isEmpty()) {
      throw new IllegalArgumentException(
          weights.size() + " weight matrices but " + biases.size() + " bias vectors");
    }
    int[] widths = new int[weights.size() + 1];
    widths[0] = weights.get(0).columns;
    for (int l = 0; l < weights.size(); l++) {
      widths[l + 1] = weights.get(l).rows;
    }
    DenseNetwork net = new DenseNetwork(widths);
    for (int l = 0; l < weights.size(); l++) {
      Shapes.require(weights.get(l), widths[l + 1], widths[l], "W" + (l + 1));
      Shapes.require(biases.get(l), widths[l + 1], 1, "b" + (l + 1));
      net.weights[l].copy(weights.get(l));
      net.biases[l].copy(biases.get(l));
    }
    return net;
  }

  /** A deep copy. */
  public DenseNetwork copy() {
    return of(Arrays.asList(weights), Arrays.asList(biases));
  }

  /** L, the number of affine layers (the paper's "L-layer"). */
  public int depth() {
    return weights.length;
  }

  /** d, the input dimension. */
  public int inputDim() {
    return widths[0];
  }

  /** (d, d_1, …, d_{L-1}, 1), a copy. */
  public int[] widths() {
    return widths.clone();
  }

  /** d_l for l = 0 … L. */
  public int width(int l) {
    return widths[l];
  }

  /** m = d_1 + … + d_{L-1}, the number of hidden ReLUs (the paper's neuron count). */
  public int neurons() {
    return neurons(widths);
  }

  /** The number of trainable scalars: all entries of every W_l and b_l. */
  public long parameterCount() {
    return parameterCount(widths);
  }

  /** m = d_1 + … + d_{L-1} of a network with widths d_0 … d_L; 0 for no widths. */
  public static int neurons(int[] widths) {
    int m = 0;
    for (int l = 1; l < widths.length - 1; l++) {
      m += widths[l];
    }
    return m;
  }

  /** Σ_l d_l (d_{l-1} + 1) of a network with widths d_0 … d_L; 0 for no widths. */
  public static long parameterCount(int[] widths) {
    long p = 0;
    for (int l = 1; l < widths.length; l++) {
      p += (long) widths[l] * (widths[l - 1] + 1);
    }
    return p;
  }

  /** W_l for l = 1 … L (the live matrix, not a copy). */
  public DoubleMatrix weight(int l) {
    return weights[l - 1];
  }

  /** b_l for l = 1 … L (the live vector, not a copy). */
  public DoubleMatrix bias(int l) {
    return biases[l - 1];
  }

  /** The live parameters in the order W_1, b_1, …, W_L, b_L; optimizers update them in place. */
  public List<DoubleMatrix> parameters() {
    List<DoubleMatrix> p = new ArrayList<>(2 * depth());
    for (int l = 0; l < depth(); l++) {
      p.add(weights[l]);
      p.add(biases[l]);
    }
    return p;
  }

  /** The largest |parameter|, a conditioning indicator for the constructions. */
  public double maxAbsParameter() {
    double max = 0;
    for (DoubleMatrix p : parameters()) {
      for (double v : p.data) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  /**
   * g(x) for every row of x (K × d), as a K × 1 column; allocates a workspace, so not for loops.
   */
  public DoubleMatrix predict(DoubleMatrix x) {
    Shapes.require(x, x.rows, inputDim(), "X");
    DoubleMatrix out = new DoubleMatrix(x.rows, 1);
    ForwardPass.of(this, ForwardPass.defaultBlockRows(widths)).forward(x.data, x.rows, out.data);
    return out;
  }
}
