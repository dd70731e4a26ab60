package org.ftcbench.construct;

/**
 * U3 (Sohn et al. 2024, Theorem 5.1 and Fig. 8; docs/paper-notes.md §3.8): Yun-style groups built
 * from the kept set J only ({@link KeptSet}, |J| ≤ min{3N + 2, K}), n2 = ⌈√|J|⌉ layer-2 neurons
 * with the continuous σ_L (4 ReLUs each) and n1 = ⌈|J|/n2⌉ groups of 2 ReLUs in layer 1 ({@link
 * SnakeGroups}): m = 2n1 + 4n2 ≤ 6⌈√(3N + 2)⌉.
 *
 * <p>σ_L passes s through on [−1, 1] and is 0 for |s| ≥ 1 + δ, so every non-assigned point,
 * including the removed points between kept endpoints of unchanged blocks, only needs |F| ≥ 1 + δ
 * (plus margin), on either side; g = Σ_k σ_L(F_k), W3 = the ReLU coefficients, no constant.
 *
 * <p>Which points the layer-2 neurons interpolate differs from the paper, for conditioning only
 * (the architecture and the count are the paper's): the paper assigns every kept point, Yun-style
 * in snake order. Since σ_L sends every clipped value to 0, the unchanged kept points (targets 0)
 * need no assignment; here only the changed points are assigned, and a neuron without a point in a
 * group is the constant 1 + δ + margin there ({@link SnakeGroups.Assignment#CHANGED_ONLY}), so the
 * unchanged kept points' close neighbours (removed points) force no steep slopes.
 */
public final class KeptSetU3 {
  private KeptSetU3() {}

  public static PreciseNetwork build(Projection p, ClipSettings settings) {
    return SnakeNetwork.build(
        p,
        KeptSet.of(p.changed()),
        SnakeGroups.Assignment.CHANGED_ONLY,
        (s, k) -> {
          SnakeNetwork.Row row = s.row(k, settings.rampThreshold(), false);
          s.add(row, ReluExpansion.sigmaL(settings.rampWidth(), row.exactBelow()));
        });
  }
}
