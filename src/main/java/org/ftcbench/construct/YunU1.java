package org.ftcbench.construct;

/**
 * U1 (Sohn et al. 2024, Theorem 5.1 and Fig. 6; docs/paper-notes.md §3.6): Yun et al.'s 3-layer
 * memorizer of all K points, with z_i = 0 off T. n2 = ⌈√K⌉ hard-tanh neurons in layer 2 and n1 =
 * ⌈K/n2⌉ ≤ n2 groups in layer 1 (2 ReLUs each, {@link SnakeGroups}), so m = 2n1 + 2n2 ≤ 4⌈√K⌉
 * ReLUs.
 *
 * <p>Neuron k (0-based) of layer 2 interpolates the k-th snake point of each group; points after it
 * in snake order clip to s_k = (−1)^k, points before to −s_k. At every data point exactly one
 * neuron is not clipping and the clipped ones sum to C = 1 if n2 is even, 0 if odd, so W3 = 1ᵀ and
 * b3 = −C. Needs z ∈ [−1, 1]: larger targets are divided by s = max|z| and the output layer
 * multiplied by s.
 */
public final class YunU1 {
  private YunU1() {}

  public static PreciseNetwork build(Projection p, ClipSettings settings) {
    return SnakeNetwork.build(
        p,
        SnakeNetwork.allPositions(p.size()),
        SnakeGroups.Assignment.SNAKE,
        (s, k) -> {
          SnakeNetwork.Row row = s.row(k, settings.hardTanhThreshold(), true);
          s.add(row, ReluExpansion.hardTanh(row.exactBelow()));
          if (k == 0) { // the clipped neurons sum to C = 1 if n2 is even, 0 if odd: b3 = −C
            s.addConstant(s.groups.n2 % 2 == 0 ? -1 : 0);
          }
        });
  }
}
