package org.ftcbench.bench;

import org.ftcbench.nn.FrozenPlusAdapter.FMode;

/**
 * Floating-point operations per benchmark operation, from the shapes alone, so that a time becomes
 * a rate (GFLOP/s) comparable with the {@link Gemm} roofline.
 *
 * <p>Only the matrix products are counted, at 2 FLOPs per multiply-add: the work BLAS does and the
 * gemm rate measures. A dense layer l of widths d_{l-1} → d_l on K rows is one product of 2 K
 * d_{l-1} d_l FLOPs. The element-wise work (bias, ReLU, loss, ReLU mask, bias gradients, Adam) is
 * O(K Σ d_l + parameters), memory-bound, and not counted: it is part of what a kernel's rate loses
 * against the roofline.
 */
public final class Flops {
  private Flops() {}

  /** C = A B with A, B, C all n × n: 2n³. */
  public static long gemm(int n) {
    return 2L * n * n * n;
  }

  /** g(X) on {@code rows} samples: Σ_l 2 · rows · d_{l-1} · d_l (one product per layer). */
  public static long forward(int[] widths, long rows) {
    long f = 0;
    for (int l = 1; l < widths.length; l++) {
      f += 2 * rows * widths[l - 1] * widths[l];
    }
    return f;
  }

  /**
   * ℓ and ∇ℓ by back-propagation (nn.MseGradient): the forward, then for every layer ∂ℓ/∂W_l = δ_lᵀ
   * H_{l-1} (2 K d_l d_{l-1}), and for l ≥ 2 also δ_{l-1} = δ_l W_l (2 K d_l d_{l-1}): three
   * products per layer except the first, which needs no δ_0.
   */
  public static long lossAndGradient(int[] widths, long rows) {
    long f = forward(widths, rows);
    for (int l = 1; l < widths.length; l++) {
      long product = 2 * rows * widths[l - 1] * widths[l];
      f += l == 1 ? product : 2 * product;
    }
    return f;
  }

  /**
   * One training step of f + g with f frozen (nn.FrozenPlusAdapter): ℓ and ∇ℓ of g, plus f's
   * forward pass on all K samples when f is recomputed. Adam's update is element-wise.
   */
  public static long trainStep(int[] fWidths, int[] gWidths, long rows, FMode mode) {
    long f = lossAndGradient(gWidths, rows);
    return mode == FMode.RECOMPUTE ? f + forward(fWidths, rows) : f;
  }

  /**
   * One LoRA training step (nn.LoraGradient, then Adam) on f of widths (d_0, …, d_L) with layers
   * {@code first} … L − 1 adapted at rank r, on {@code rows} samples. Forward: f's products plus,
   * per adapted l, U_l = H_{l−1} A_lᵀ and U_l B_lᵀ (2 rows r (d_{l−1} + d_l)). Backward per adapted
   * l: ∂B_l = G_lᵀ U_l and V_l = G_l B_l (2 rows d_l r each), ∂A_l = V_lᵀ H_{l−1} (2 rows r
   * d_{l−1}), ∂b_l = G_lᵀ 1 with trained biases (2 rows d_l), and, while l − 1 is adapted, G_{l−1}
   * = G_l W_l + V_l A_l (2 rows d_{l−1} (d_l + r)).
   */
  public static long loraTrainStep(
      int[] fWidths, int first, int rank, boolean trainBiases, long rows) {
    long f = forward(fWidths, rows);
    int last = fWidths.length - 2;
    for (int l = first; l <= last; l++) {
      long in = fWidths[l - 1];
      long out = fWidths[l];
      f += 2 * rows * rank * (in + out); // forward: U_l and U_l B_lᵀ
      f += 2 * (2 * rows * out * rank) + 2 * rows * rank * in; // ∂B_l, V_l, ∂A_l
      f += trainBiases ? 2 * rows * out : 0;
      if (l > first) {
        f += 2 * rows * in * (out + rank); // G_{l−1}
      }
    }
    return f;
  }
}
