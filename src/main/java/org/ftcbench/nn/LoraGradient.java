package org.ftcbench.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The LoRA model of {@link LoraWeights} on row blocks of X: its output, the mean-squared error ℓ =
 * (1/K) Σ_i (g(x_i) − t_i)² and the gradient of ℓ with respect to the trainable parameters only.
 *
 * <p>Forward, per block, for l = 1 … T (T = L − 1), never forming W_l + B_l A_l: the product is
 * H_{l−1} W_lᵀ + (H_{l−1} A_lᵀ) B_lᵀ, which reads the frozen W_l as it is and costs rows · r
 * (d_{l−1} + d_l) more multiply-adds than f instead of d_l d_{l−1} r for the sum once per step:
 *
 * <pre>
 *   U_l = H_{l−1} A_lᵀ                     (rows × r, adapted l only, kept for the backward pass)
 *   H_l = relu(H_{l−1} W_lᵀ + U_l B_lᵀ + 1 b_lᵀ)
 *   g   = H_T w_L + b_L                    (frozen output layer; H_T kept only as its mask M_T)
 * </pre>
 *
 * Backward, with δ = (2/K)(g − t) and G_l = ∂ℓ/∂(pre-activation of layer l) (rows × d_l):
 *
 * <pre>
 *   G_T = diag(δ) M_T diag(w_L)            V_l = G_l B_l   (rows × r)
 *   ∂B_l = G_lᵀ U_l     ∂A_l = V_lᵀ H_{l−1}     ∂b_l = G_lᵀ 1
 *   G_{l−1} = (G_l W_l + V_l A_l) ⊙ 1[H_{l−1} &gt; 0]    (only while l − 1 is adapted)
 * </pre>
 *
 * At l = T the diag(w_L) is moved off G_T, as in {@link MseGradient}: M̃ = diag(δ) M_T is formed in
 * place of the mask, V_T = M̃ (diag(w_L) B_T), G_{T−1} uses diag(w_L) W_T (fixed: W_T and w_L are
 * frozen, so formed once here), and ∂B_T, ∂b_T are M̃'s products with diag(w_L) applied once per
 * step in {@link #finish}. Every sum over a block's rows is a BLAS product (∂b_l against a column
 * of ones), as {@link Kernels} asks.
 *
 * <p>Workspaces are allocated once here; a step (zero, blocks, finish) allocates nothing. The
 * parameters are read live, so the workspace stays valid while an optimizer updates them.
 *
 * @param <A> the array type of the precision
 */
public final class LoraGradient<A> extends AbstractBlockModel<A> implements BlockGradient<A> {
  private final LoraWeights<A> lora;
  private final Weights<A> base;
  private final int rank;

  /** T, the last hidden layer, and the lowest adapted layer. */
  private final int last;

  private final int first;

  /**
   * hidden.get(l): H_l of the current block (rows × d_l) for l &lt; T (H_0 = X_blk); M_T for l = T.
   */
  private final List<A> hidden = new ArrayList<>();

  /** u.get(l) = U_l of the current block for adapted l, else null. */
  private final List<A> u = new ArrayList<>();

  /** g.get(l) = G_l of the current block for first ≤ l &lt; T, else null (G_T lives in M_T). */
  private final List<A> g = new ArrayList<>();

  /** V_l of the current layer, reused layer after layer. */
  private final A v;

  /** A column of blockRows ones: Gᵀ 1 through BLAS. */
  private final A ones;

  private final A output;
  private final A delta;
  private final A scratch;

  /** diag(w_L) W_T (fixed) and diag(w_L) B_T (fixed during a step). */
  private final A scaledLastWeights;

  private final A scaledLastB;

  /** M̃ᵀ U_T and M̃ᵀ 1 summed over a step's blocks: ∂B_T and ∂b_T before diag(w_L). */
  private final A sumLastB;

  private final A sumLastBias;

  /** ∂A_l, ∂B_l (, ∂b_l), laid out like {@link LoraWeights#trainable()}. */
  private final LoraFactors<A> grad;

  public LoraGradient(LoraWeights<A> lora, int blockRows) {
    super(lora.kernels(), blockRows);
    this.lora = lora;
    this.base = lora.base();
    this.rank = lora.rank();
    this.last = lora.hiddenLayers();
    this.first = lora.firstAdapted();
    for (int l = 0; l <= last; l++) {
      hidden.add(kernels.allocate(blockRows * base.width(l)));
      boolean adapted = l >= first;
      u.add(adapted ? kernels.allocate(blockRows * rank) : null);
      g.add(adapted && l < last ? kernels.allocate(blockRows * base.width(l)) : null);
    }
    this.grad = lora.zerosLikeTrainable();
    int dT = base.width(last);
    int dPrev = base.width(last - 1);
    this.v = kernels.allocate(blockRows * rank);
    this.ones = kernels.allocate(blockRows);
    kernels.fill(ones, 0, blockRows, 1.0);
    this.output = kernels.allocate(blockRows);
    this.delta = kernels.allocate(blockRows);
    this.scratch = kernels.allocate(Math.max(blockRows, dT));
    this.scaledLastWeights = kernels.allocate(first < last ? dT * dPrev : 0);
    if (first < last) {
      // diag(w_L) W_T  (d_T × d_{T−1}): both frozen
      kernels.scaleRows(
          base.weight(last), dT, dPrev, base.weight(last + 1), scaledLastWeights, scratch);
    }
    this.scaledLastB = kernels.allocate(dT * rank);
    this.sumLastB = kernels.allocate(dT * rank);
    this.sumLastBias = kernels.allocate(dT);
  }

  public LoraWeights<A> weights() {
    return lora;
  }

  /** ∂ℓ/∂θ in the order of {@link LoraWeights#trainable()}, after {@link #finish}. */
  @Override
  public List<A> gradients() {
    return grad.all();
  }

  /**
   * Evaluates rows [r0, r0 + rows) of x (xRows × d, column-major) and returns the internal output
   * buffer, whose first {@code rows} entries are the model's outputs; overwritten by the next call.
   */
  @Override
  public A forwardBlock(A x, int xRows, int r0, int rows) {
    int d = base.width(0);
    requireBlock(x, xRows, d, r0, rows);
    // H_0 = X[r0 : r0 + rows, :]  (rows × d), column by column
    A in = hidden.get(0);
    for (int j = 0; j < d; j++) {
      System.arraycopy(x, r0 + j * xRows, in, j * rows, rows);
    }
    for (int l = 1; l <= last; l++) {
      int dIn = base.width(l - 1);
      int dOut = base.width(l);
      A z = hidden.get(l);
      // Z_l = H_{l−1} W_lᵀ  (rows × d_l)
      kernels.gemm(false, true, rows, dOut, dIn, in, 0, rows, base.weight(l), dOut, 0.0, z, rows);
      if (l >= first) {
        // U_l = H_{l−1} A_lᵀ  (rows × r)
        kernels.gemm(
            false, true, rows, rank, dIn, in, 0, rows, lora.factorA(l), rank, 0.0, u.get(l), rows);
        // Z_l += U_l B_lᵀ  (rows × d_l)
        kernels.gemm(
            false, true, rows, dOut, rank, u.get(l), 0, rows, lora.factorB(l), dOut, 1.0, z, rows);
      }
      if (l < last) {
        // H_l = relu(Z_l + 1 b_lᵀ), in place
        kernels.addBiasRelu(z, rows, dOut, base.bias(l));
        in = z;
      } else {
        // H_T = relu(Z_T + 1 b_Tᵀ);  g = H_T w_L + b_L;  Z_T ← M_T = 1[H_T > 0]
        kernels.reluOutputAndMask(
            z, rows, dOut, base.bias(l), base.weight(l + 1), base.bias(l + 1), output, scratch);
      }
    }
    return output;
  }

  /** Starts a step: clears the sums over blocks and fixes diag(w_L) B_T for it. */
  @Override
  public void zero() {
    List<A> gradients = grad.all();
    for (int p = 0; p < gradients.size(); p++) { // indexed: an iterator would allocate
      kernels.zero(gradients.get(p));
    }
    kernels.zero(sumLastB);
    kernels.zero(sumLastBias);
    // diag(w_L) B_T  (d_T × r)
    kernels.scaleRows(
        lora.factorB(last), base.width(last), rank, base.weight(last + 1), scaledLastB, scratch);
  }

  @Override
  public double accumulateBlock(
      A x, int xRows, int r0, int rows, A target, int tOff, int totalRows) {
    A out = forwardBlock(x, xRows, r0, rows);
    // δ = (2/K)(g − t)
    double sumSq = kernels.scaledResidual(out, target, tOff, rows, 2.0 / totalRows, delta, null);
    // M̃ = diag(δ) M_T, in place of the mask
    A mask = hidden.get(last);
    kernels.scaleRows(mask, rows, base.width(last), delta, mask, scratch);
    for (int l = last; l >= first; l--) {
      int dIn = base.width(l - 1);
      int dOut = base.width(l);
      boolean top = l == last;
      A gl = top ? mask : g.get(l);
      A in = hidden.get(l - 1);
      // ∂B_l += G_lᵀ U_l  (d_l × r; at T without its diag(w_L))
      kernels.gemm(
          true,
          false,
          dOut,
          rank,
          rows,
          gl,
          0,
          rows,
          u.get(l),
          rows,
          1.0,
          top ? sumLastB : grad.b(l),
          dOut);
      if (lora.trainsBiases()) {
        // ∂b_l += G_lᵀ 1  (d_l; at T without its diag(w_L))
        kernels.gemm(
            true,
            false,
            dOut,
            1,
            rows,
            gl,
            0,
            rows,
            ones,
            rows,
            1.0,
            top ? sumLastBias : grad.bias(l),
            dOut);
      }
      // V_l = G_l B_l  (rows × r; at T: M̃ diag(w_L) B_T)
      kernels.gemm(
          false,
          false,
          rows,
          rank,
          dOut,
          gl,
          0,
          rows,
          top ? scaledLastB : lora.factorB(l),
          dOut,
          0.0,
          v,
          rows);
      // ∂A_l += V_lᵀ H_{l−1}  (r × d_{l−1})
      kernels.gemm(true, false, rank, dIn, rows, v, 0, rows, in, rows, 1.0, grad.a(l), rank);
      if (l > first) {
        A below = g.get(l - 1);
        // G_{l−1} = G_l W_l + V_l A_l  (rows × d_{l−1}; at T: M̃ diag(w_L) W_T + V_T A_T)
        kernels.gemm(
            false,
            false,
            rows,
            dIn,
            dOut,
            gl,
            0,
            rows,
            top ? scaledLastWeights : base.weight(l),
            dOut,
            0.0,
            below,
            rows);
        kernels.gemm(
            false, false, rows, dIn, rank, v, 0, rows, lora.factorA(l), rank, 1.0, below, rows);
        // G_{l−1} ⊙= 1[H_{l−1} > 0]
        kernels.reluMask(below, in, rows, dIn);
      }
    }
    return sumSq;
  }

  /** Ends a step: ∂B_T = diag(w_L) M̃ᵀ U_T and ∂b_T = w_L ⊙ M̃ᵀ 1 from the sums over blocks. */
  @Override
  public void finish() {
    int dT = base.width(last);
    A wL = base.weight(last + 1);
    kernels.scaleRows(sumLastB, dT, rank, wL, grad.b(last), scratch);
    if (lora.trainsBiases()) {
      kernels.scaleRows(sumLastBias, dT, 1, wL, grad.bias(last), scratch);
    }
  }
}
