package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;

/**
 * U3 (Sohn et al. 2024, Theorem 5.1 and Fig. 8; paper notes §3.8): Yun-style groups built from the
 * kept set J only ({@link KeptSet}, |J| ≤ min{3N + 2, K}), n2 = ⌈√|J|⌉ layer-2 neurons with the
 * continuous σ_L (4 ReLUs each) and n1 = ⌈|J|/n2⌉ hard-tanh neurons in layer 1: m = 2n1 + 4n2 ≤
 * 6⌈√(3N + 2)⌉.
 *
 * <p>σ_L passes s through on [−1, 1] and is 0 for |s| ≥ 1 + δ, so every non-assigned point,
 * including the removed points between kept endpoints of unchanged blocks, only needs |F| ≥ 1 + δ
 * (plus margin), on either side; g = Σ_k σ_L(F_k), W3 = the ReLU coefficients, no constant.
 *
 * <p>Which points the layer-2 neurons interpolate differs from the paper, for conditioning only
 * (the architecture and the count are the paper's): the paper assigns every kept point, Yun-style
 * in snake order. Since σ_L sends every clipped value to 0, the unchanged kept points (targets 0)
 * need no assignment; here only the changed points are assigned, the other slots are virtual points
 * placed to keep every neuron's chain of weights level ({@link
 * SnakeGroups.Assignment#CHANGED_ONLY}). At K = 10⁴, N = 100 this lowers the largest weight from
 * about 10¹⁶ (snake) to 10⁷–10⁹.
 */
public final class KeptSetU3 {
  private KeptSetU3() {}

  public static PreciseNetwork build(Projection p, ClipSettings settings) {
    if (TwoLayerInterpolant.allZero(p.z())) {
      return PreciseNetwork.of(new DenseNetwork(p.a().length, 0, 0, 1));
    }
    double scale = OutputScale.of(p.z());
    double[] t = OutputScale.scaled(p.z(), scale);
    SnakeGroups groups =
        new SnakeGroups(p, KeptSet.of(p.changed()), SnakeGroups.Assignment.CHANGED_ONLY);
    ThreeLayerNetwork net = new ThreeLayerNetwork(p.a(), groups.layer);
    for (int k = 0; k < groups.n2; k++) {
      LayerTwoSystem.Row f = groups.solve(k, t, settings.rampThreshold(), false);
      double[] r = ThreeLayerNetwork.range(groups.layer, f, p.c());
      net.add(f, ReluExpansion.sigmaL(settings.rampWidth(), r[0] <= r[1]));
    }
    return net.build(scale);
  }
}
