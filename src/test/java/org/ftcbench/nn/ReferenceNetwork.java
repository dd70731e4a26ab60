package org.ftcbench.nn;

/**
 * The slow, obvious twin of the jblas kernels: plain loops over double[][], one sample at a time,
 * allocating freely. Fast paths are tested against it.
 */
final class ReferenceNetwork {
  private ReferenceNetwork() {}

  /** W_l as row-major [out][in]. */
  static double[][] weight(DenseNetwork net, int l) {
    var w = net.weight(l);
    double[][] a = new double[w.rows][w.columns];
    for (int i = 0; i < w.rows; i++) {
      for (int j = 0; j < w.columns; j++) {
        a[i][j] = w.get(i, j);
      }
    }
    return a;
  }

  /** The pre-activations A_1 … A_L of one sample (A_l = W_l relu(A_{l−1}) + b_l, A_0 = x). */
  static double[][] preActivations(DenseNetwork net, double[] x) {
    double[][] a = new double[net.depth() + 1][];
    a[0] = x;
    double[] h = x;
    for (int l = 1; l <= net.depth(); l++) {
      double[][] w = weight(net, l);
      a[l] = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        double s = net.bias(l).get(i);
        for (int j = 0; j < h.length; j++) {
          s += w[i][j] * h[j];
        }
        a[l][i] = s;
      }
      h = java.util.Arrays.stream(a[l]).map(v -> Math.max(0, v)).toArray();
    }
    return a;
  }

  /** g(x) for one sample. */
  static double evaluate(DenseNetwork net, double[] x) {
    return preActivations(net, x)[net.depth()][0];
  }

  /**
   * The same network evaluated with |W_l|, |b_l| and |x|: a bound on the magnitudes a fast
   * evaluation adds up, so a rounding tolerance can be relative to it (cancellation included).
   */
  static double magnitude(DenseNetwork net, double[] x) {
    double[] h = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      h[j] = Math.abs(x[j]);
    }
    for (int l = 1; l <= net.depth(); l++) {
      double[][] w = weight(net, l);
      double[] next = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        double s = Math.abs(net.bias(l).get(i));
        for (int j = 0; j < h.length; j++) {
          s += Math.abs(w[i][j]) * h[j];
        }
        next[i] = s;
      }
      h = next;
    }
    return h[0];
  }

  /**
   * The smallest |pre-activation| of any hidden unit on any of the samples: a finite difference
   * with a step that moves some pre-activation across 0 measures the ReLU's kink, not the gradient.
   */
  static double hiddenMargin(DenseNetwork net, double[][] x) {
    double margin = Double.POSITIVE_INFINITY;
    for (double[] sample : x) {
      double[][] a = preActivations(net, sample);
      for (int l = 1; l < net.depth(); l++) {
        for (double v : a[l]) {
          margin = Math.min(margin, Math.abs(v));
        }
      }
    }
    return margin;
  }

  /** {@code net} with every parameter rounded to float, as the float32 kernels see it. */
  static DenseNetwork roundedToFloat(DenseNetwork net) {
    DenseNetwork rounded = new DenseNetwork(net.widths());
    Weights.copyOf(net, Kernels.float32()).copyTo(rounded);
    return rounded;
  }

  /** (1/K) Σ (g(x_i) − t_i)². */
  static double mse(DenseNetwork net, double[][] x, double[] t) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = evaluate(net, x[i]) - t[i];
      s += r * r;
    }
    return s / x.length;
  }
}
