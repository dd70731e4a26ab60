package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.nn.DenseNetwork;

/**
 * Assembles a 3-layer construction into a plain ReLU network (Eq. 17): layer 1 is one ReLU relu(aᵀx
 * − p_i) per kink p_i (exact double-double biases), layer 2 has one ReLU per term of each layer-2
 * neuron's {@link ReluExpansion}, all terms of a neuron reading the same pre-activation F (a {@link
 * PiecewiseLinear} function of aᵀx), and the output is linear: g(x) = scale · (constant + Σ terms).
 */
final class ThreeLayerNetwork {
  /**
   * What a layer-2 parameter may leave out: 1e−12 of the tolerance on the scaled targets (|z| ≤ 1,
   * {@link Tolerance#RELATIVE}).
   */
  private static final double NEGLIGIBLE = 1e-20;

  private final double[] a;
  private final double[] kinkHi;
  private final double[] kinkLo;
  private final PiecewiseLinear line;
  private final List<PiecewiseLinear.Solution> rows = new ArrayList<>();
  private final List<ReluExpansion> activations = new ArrayList<>();
  private double constant;

  /**
   * @param a the projection direction (every first-layer row)
   * @param kinkHi the kinks, ascending, rounded to double
   * @param kinkLo the rest of each kink
   * @param span how far the data reach along the line
   */
  ThreeLayerNetwork(double[] a, double[] kinkHi, double[] kinkLo, double span) {
    this.a = a;
    this.kinkHi = kinkHi;
    this.kinkLo = kinkLo;
    this.line = new PiecewiseLinear(kinkHi, kinkLo, span, NEGLIGIBLE);
  }

  /** A layer-2 pre-activation F: {@code start} left of the first kink, then the pieces. */
  PiecewiseLinear.Solution row(double start, PiecewiseLinear.Piece[] pieces) {
    return line.solve(start, pieces);
  }

  /** Adds a layer-2 neuron with pre-activation {@code row} and activation σ. */
  void add(PiecewiseLinear.Solution row, ReluExpansion sigma) {
    rows.add(row);
    activations.add(sigma);
  }

  /** Adds c to the output bias. */
  void addConstant(double c) {
    constant += c;
  }

  /**
   * The network g = scale · (…); scale undoes the rescaling of z into [−1, 1]. First-layer biases
   * and layer-2 weights and biases carry their lower parts ({@link PreciseNetwork}).
   */
  PreciseNetwork build(double scale) {
    int d = a.length;
    int h1 = kinkHi.length;
    int h2 = 0;
    boolean anyThird = false;
    for (int n = 0; n < rows.size(); n++) {
      h2 += activations.get(n).size();
      anyThird |= rows.get(n).hasThird();
    }
    DenseNetwork g = new DenseNetwork(d, h1, h2, 1);
    DenseNetwork low = new DenseNetwork(d, h1, h2, 1);
    DenseNetwork third = anyThird ? new DenseNetwork(d, h1, h2, 1) : null;
    double[] w1 = g.weight(1).data; // h1 × d, column-major
    for (int i = 0; i < h1; i++) {
      for (int col = 0; col < d; col++) {
        w1[col * h1 + i] = a[col];
      }
      // relu(aᵀx − p_i)
      g.bias(1).data[i] = -kinkHi[i];
      low.bias(1).data[i] = -kinkLo[i];
    }
    double[] w2 = g.weight(2).data; // h2 × h1, column-major
    double[] w2Low = low.weight(2).data;
    double[] w2Third = anyThird ? third.weight(2).data : null;
    double[] w3 = g.weight(3).data; // 1 × h2
    DoubleDouble shifted = new DoubleDouble();
    double outBias = constant;
    int r = 0;
    for (int n = 0; n < rows.size(); n++) {
      PiecewiseLinear.Solution row = rows.get(n);
      ReluExpansion e = activations.get(n);
      for (int term = 0; term < e.size(); term++) {
        // unit r: relu(dir · F + shift), F's weights and bias times dir
        double dir = e.dir()[term];
        for (int col = 0; col < h1; col++) {
          w2[col * h2 + r] = dir * row.hi()[col];
          w2Low[col * h2 + r] = dir * row.lo()[col];
          if (anyThird) {
            w2Third[col * h2 + r] = dir * row.third()[col];
          }
        }
        shifted.set(dir * row.biasHi(), dir * row.biasLo()).add(e.shift()[term]);
        g.bias(2).data[r] = shifted.hi();
        low.bias(2).data[r] = shifted.lo();
        w3[r] = scale * e.coef()[term];
        r++;
      }
      outBias += e.constant();
    }
    g.bias(3).data[0] = scale * outBias;
    return new PreciseNetwork(g, low, third);
  }
}
