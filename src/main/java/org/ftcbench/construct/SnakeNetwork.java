package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;

/**
 * The steps U1, U2 and U3 share (Sohn et al. 2024, Theorem 5.1; docs/paper-notes.md §3.6–§3.8): the
 * zero network when every z_i is 0; otherwise the targets scaled into [−1, 1] ({@link
 * OutputScale}), layer 1 from {@link SnakeGroups} over the construction's defining points, and for
 * each layer-2 neuron k = 0 … n2 − 1 a row whose pre-activation F_k follows neuron k's line on
 * every group. What differs between the three is only the activations each row gets ({@link
 * Layer2}).
 */
final class SnakeNetwork {
  /** The construction's own part: the activations of layer-2 neuron k. */
  @FunctionalInterface
  interface Layer2 {
    /** Adds neuron k's activations to {@code s} (none: the neuron is left out). */
    void addNeuron(SnakeNetwork s, int k);
  }

  /**
   * Layer-2 neuron k's pre-activation F_k, and whether its activation is to be written exact below
   * (min F_k ≥ −max F_k: the larger magnitudes lie above; {@link ReluExpansion}).
   */
  record Row(PiecewiseLinear.Solution f, boolean exactBelow) {}

  final SnakeGroups groups;

  /** The targets z / s, s = {@link OutputScale#of}(z), of each sorted position. */
  final double[] t;

  private final double scale;
  private final ThreeLayerNetwork net;

  private SnakeNetwork(Projection p, int[] positions, SnakeGroups.Assignment assignment) {
    scale = OutputScale.of(p.z());
    t = OutputScale.scaled(p.z(), scale);
    groups = new SnakeGroups(p, positions, assignment);
    net = new ThreeLayerNetwork(p.a(), groups.kinkHi, groups.kinkLo, groups.span());
  }

  /**
   * The construction on {@code p}: layer 1 over the sorted {@code positions}, then {@code layer2}
   * called for k = 0 … n2 − 1.
   */
  static PreciseNetwork build(
      Projection p, int[] positions, SnakeGroups.Assignment assignment, Layer2 layer2) {
    if (TwoLayerInterpolant.allZero(p.z())) {
      return PreciseNetwork.of(new DenseNetwork(p.a().length, 0, 0, 1));
    }
    SnakeNetwork s = new SnakeNetwork(p, positions, assignment);
    for (int k = 0; k < s.groups.n2; k++) {
      layer2.addNeuron(s, k);
    }
    return s.net.build(s.scale);
  }

  /** 0 … n − 1: every sorted position (U1 and U2 group all K points). */
  static int[] allPositions(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /**
   * Neuron k's row: on each group its {@link SnakeGroups#line} with clipping threshold θ ({@code
   * signed}: U1's sides).
   */
  Row row(int k, double theta, boolean signed) {
    SnakeGroups.Line[] lines = new SnakeGroups.Line[groups.n1];
    for (int g = 0; g < groups.n1; g++) {
      lines[g] = groups.line(k, g, t, theta, signed);
    }
    double[] r = groups.range(lines);
    return new Row(net.row(groups.start(lines), groups.pieces(lines)), r[0] <= r[1]);
  }

  /** Adds a layer-2 neuron σ(F) on {@code row}. */
  void add(Row row, ReluExpansion sigma) {
    net.add(row.f(), sigma);
  }

  /** Adds c to the output bias (before the scale s). */
  void addConstant(double c) {
    net.addConstant(c);
  }
}
