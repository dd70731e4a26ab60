package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.nn.DenseNetwork;

/**
 * Assembles a 3-layer construction into a plain ReLU network (Eq. 17): layer 1 is the {@link
 * IntervalLayer} (2 ReLUs per hard-tanh), layer 2 has one ReLU per term of each layer-2 neuron's
 * {@link ReluExpansion}, all terms of a neuron reading the same pre-activation F, and the output is
 * linear: g(x) = scale · (constant + Σ terms).
 */
final class ThreeLayerNetwork {
  private final double[] a;
  private final IntervalLayer layer1;
  private final List<LayerTwoSystem.Row> rows = new ArrayList<>();
  private final List<ReluExpansion> activations = new ArrayList<>();
  private double constant;

  ThreeLayerNetwork(double[] a, IntervalLayer layer1) {
    this.a = a;
    this.layer1 = layer1;
  }

  /** Adds a layer-2 neuron with pre-activation F = row and activation σ. */
  void add(LayerTwoSystem.Row row, ReluExpansion sigma) {
    rows.add(row);
    activations.add(sigma);
  }

  /** Adds c to the output bias. */
  void addConstant(double c) {
    constant += c;
  }

  /**
   * The network g = scale · (…); scale undoes the rescaling of z into [−1, 1]. Layer 2's weights
   * and biases carry double-double low parts ({@link PreciseNetwork}).
   */
  PreciseNetwork build(double scale) {
    int d = a.length;
    int h1 = 2 * layer1.size();
    int h2 = 0;
    for (ReluExpansion e : activations) {
      h2 += e.size();
    }
    DenseNetwork g = new DenseNetwork(d, h1, h2, 1);
    DenseNetwork low = new DenseNetwork(d, h1, h2, 1);
    layer1.write(a, g.weight(1), g.bias(1));
    double[] w2 = g.weight(2).data; // h2 × h1, column-major
    double[] w2Low = low.weight(2).data;
    double[] b2 = g.bias(2).data;
    double[] b2Low = low.bias(2).data;
    double[] w3 = g.weight(3).data; // 1 × h2
    double[] row = new double[h1];
    double[] rowLow = new double[h1];
    DoubleDouble bias = new DoubleDouble();
    DoubleDouble shifted = new DoubleDouble();
    double outBias = constant;
    int r = 0;
    for (int n = 0; n < rows.size(); n++) {
      layer1.writeRow(rows.get(n), row, rowLow, bias);
      ReluExpansion e = activations.get(n);
      for (int term = 0; term < e.size(); term++) {
        double dir = e.dir()[term];
        for (int col = 0; col < h1; col++) {
          w2[col * h2 + r] = dir * row[col];
          w2Low[col * h2 + r] = dir * rowLow[col];
        }
        shifted.set(dir * bias.hi(), dir * bias.lo()).add(e.shift()[term]);
        b2[r] = shifted.hi();
        b2Low[r] = shifted.lo();
        w3[r] = scale * e.coef()[term];
        r++;
      }
      outBias += e.constant();
    }
    g.bias(3).data[0] = scale * outBias;
    return new PreciseNetwork(g, low);
  }

  /**
   * The largest positive and negative values of F on the data points (c ascending), so that an
   * activation can be made exact on the side with the larger magnitudes.
   *
   * @return {max F, −min F}
   */
  static double[] range(IntervalLayer layer, LayerTwoSystem.Row f, double[] c) {
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    int g = 0;
    double fg = f.f1();
    for (double ci : c) {
      while (g + 1 < layer.size() && ci >= layer.upper(g)) {
        fg += 2 * f.omega()[g];
        g++;
      }
      double v = fg + f.omega()[g] * layer.u(g, ci);
      hi = Math.max(hi, v);
      lo = Math.min(lo, v);
    }
    return new double[] {hi, -lo};
  }
}
