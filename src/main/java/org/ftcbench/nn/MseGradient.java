package org.ftcbench.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The mean-squared error ℓ = (1/K) Σ_i (g(x_i) − t_i)² of a dense ReLU network and its gradient
 * with respect to every W_l and b_l, by back-propagation over row blocks. With δ = (2/K)(g(X) − t),
 * the last hidden layer T = L − 1, its mask M_T = 1[H_T &gt; 0], and [H | 1] a block with a column
 * of ones appended:
 *
 * <pre>
 *   δ_T = (δ w_Lᵀ) ⊙ M_T = diag(δ) M_T diag(w_L)         δ_{l−1} = (δ_l W_l) ⊙ 1[H_{l−1} &gt; 0]
 *   Q   = (diag(δ) M_T)ᵀ [H_{T−1} | 1]    (d_T × (d_{T−1} + 1), one BLAS product per block)
 *   ∂W_T = diag(w_L) Q[:, :d_{T−1}]       ∂b_T = w_L ⊙ Q[:, d_{T−1}]
 *   ∂w_L = (Σ_k W_T ⊙ Q[:, :d_{T−1}]) + b_T ⊙ Q[:, d_{T−1}]      ∂b_L = Σ_i δ_i
 *   δ_{T−1} = (diag(δ) M_T) (diag(w_L) W_T) ⊙ 1[H_{T−1} &gt; 0]
 *   [∂W_l | ∂b_l] = δ_lᵀ [H_{l−1} | 1]   for l &lt; T
 * </pre>
 *
 * The ∂w_L line is ∂w_L,j = Σ_i δ_i H_T,ij with H_T,ij = M_T,ij (Σ_k W_T,jk H_{T−1},ik + b_T,j)
 * regrouped: so neither H_T nor δ_T is ever formed, the last two layers cost one product per block
 * (two with a layer below them), and every sum over a block's rows is done by BLAS ({@link Kernels}
 * says why that matters). diag(δ) goes on whichever factor of Q is narrower: M_T when a hidden
 * layer is below it (and δ_{T−1} needs it too), [X_blk | 1] when T = 1. The products are summed
 * over the blocks and turned into gradients once, in {@link #finish}.
 *
 * <p>Workspaces are allocated once here; a step (zero, blocks, finish) allocates nothing.
 *
 * @param <A> the array type of the precision
 */
public final class MseGradient<A> implements BlockGradient<A> {
  private final Weights<A> net;
  private final Kernels<A> kernels;
  private final ForwardPass<A> forward;
  private final Weights<A> gradient;

  /** T = L − 1, the last hidden layer (0: none). */
  private final int last;

  /**
   * sums.get(l), summed over the blocks of a step (d_l × (d_{l−1} + 1)): [∂W_l | ∂b_l] for l &lt; T
   * (and for l = 1 when T = 0), Q for l = T ≥ 1. Index 0 unused.
   */
  private final List<A> sums = new ArrayList<>();

  /** delta.get(l) is δ_l for the current block (rows × d_l), l = 1 … T − 1; δ for l = L. */
  private final List<A> delta = new ArrayList<>();

  /** diag(δ) [X_blk | 1] for the current block, when T = 1 (else M_T takes the δ in place). */
  private final A scaledInput;

  /** diag(w_L) W_T, fixed during a step. */
  private final A scaledLastWeights;

  /** Σ_i δ_i over the blocks of a step: ∂b_L. */
  private final A sumDelta;

  private final A scratch;

  public MseGradient(Weights<A> net, int blockRows) {
    this.net = net;
    this.kernels = net.kernels();
    this.forward = new ForwardPass<>(net, blockRows);
    this.gradient = net.zerosLike();
    int layers = net.depth();
    this.last = layers - 1;
    sums.add(null);
    delta.add(null);
    for (int l = 1; l <= layers; l++) {
      sums.add(
          l <= Math.max(last, 1) ? kernels.allocate(net.width(l) * (net.width(l - 1) + 1)) : null);
      delta.add(l < last || l == layers ? kernels.allocate(blockRows * net.width(l)) : null);
    }
    int dPrev = last >= 1 ? net.width(last - 1) : 0;
    this.scaledInput = kernels.allocate(last == 1 ? blockRows * (dPrev + 1) : 0);
    this.scaledLastWeights = kernels.allocate(last >= 1 ? net.width(last) * dPrev : 0);
    this.sumDelta = kernels.allocate(1);
    this.scratch = kernels.allocate(Math.max(blockRows, last >= 1 ? net.width(last) : 0));
  }

  /** A float64 gradient of {@code net}'s live parameters. */
  public static MseGradient<double[]> of(DenseNetwork net, int blockRows) {
    return new MseGradient<>(Weights.of(net), blockRows);
  }

  @Override
  public Kernels<A> kernels() {
    return kernels;
  }

  @Override
  public int blockRows() {
    return forward.blockRows();
  }

  /** ∂ℓ/∂W_1, ∂ℓ/∂b_1, …, in the order of {@link Weights#parameters()}, after {@link #finish}. */
  @Override
  public List<A> gradients() {
    return gradient.parameters();
  }

  /** Starts a step: clears the sums over blocks and fixes diag(w_L) W_T for it. */
  @Override
  public void zero() {
    for (int l = 1; l < sums.size(); l++) { // indexed: an iterator would allocate
      if (sums.get(l) != null) {
        kernels.zero(sums.get(l));
      }
    }
    kernels.zero(sumDelta);
    if (last >= 2) {
      // diag(w_L) W_T  (d_T × d_{T-1})
      kernels.scaleRows(
          net.weight(last),
          net.width(last),
          net.width(last - 1),
          net.weight(last + 1),
          scaledLastWeights,
          scratch);
    }
  }

  @Override
  public double accumulateBlock(
      A x, int xRows, int r0, int rows, A target, int tOff, int totalRows) {
    A out = forward.forwardBlock(x, xRows, r0, rows);
    int layers = net.depth();
    A d = delta.get(layers);
    // δ = (2/K)(g − t);  Σ_i δ_i
    double sumSq =
        kernels.scaledResidual(
            out, target, tOff, rows, 2.0 / totalRows, d, last >= 1 ? sumDelta : null);
    if (last == 0) {
      // [∂w_1 | ∂b_1] += δᵀ [X_blk | 1]  (1 × (d + 1))
      kernels.gemm(
          true,
          false,
          1,
          net.width(0) + 1,
          rows,
          d,
          0,
          rows,
          forward.block(0),
          rows,
          1.0,
          sums.get(1),
          1);
      return sumSq;
    }
    int dT = net.width(last);
    int dPrev = net.width(last - 1);
    A prev = forward.block(last - 1);
    A mask = forward.block(last);
    if (last == 1) {
      // P = diag(δ) [X_blk | 1]  (rows × (d + 1): narrower than M_1, so it takes the δ)
      kernels.scaleRows(prev, rows, dPrev + 1, d, scaledInput, scratch);
      // Q += M_1ᵀ P  (d_1 × (d + 1))
      kernels.gemm(
          true, false, dT, dPrev + 1, rows, mask, 0, rows, scaledInput, rows, 1.0, sums.get(1), dT);
    } else {
      // M_T ← diag(δ) M_T, in place: both products below need δ on their rows
      kernels.scaleRows(mask, rows, dT, d, mask, scratch);
      // Q += (diag(δ) M_T)ᵀ [H_{T-1} | 1]  (d_T × (d_{T-1} + 1))
      kernels.gemm(
          true, false, dT, dPrev + 1, rows, mask, 0, rows, prev, rows, 1.0, sums.get(last), dT);
      A s = delta.get(last - 1);
      // δ_{T-1} = (diag(δ) M_T diag(w_L) W_T) ⊙ 1[H_{T-1} > 0]  (rows × d_{T-1})
      kernels.gemm(
          false, false, rows, dPrev, dT, mask, 0, rows, scaledLastWeights, dT, 0.0, s, rows);
      kernels.reluMask(s, prev, rows, dPrev);
      for (int l = last - 1; l >= 1; l--) {
        int outW = net.width(l);
        int inW = net.width(l - 1);
        A dl = delta.get(l);
        // [∂W_l | ∂b_l] += δ_lᵀ [H_{l-1} | 1]  (d_l × (d_{l-1} + 1))
        kernels.gemm(
            true,
            false,
            outW,
            inW + 1,
            rows,
            dl,
            0,
            rows,
            forward.block(l - 1),
            rows,
            1.0,
            sums.get(l),
            outW);
        if (l > 1) {
          // δ_{l-1} = (δ_l W_l) ⊙ 1[H_{l-1} > 0]  (rows × d_{l-1})
          kernels.gemm(
              false,
              false,
              rows,
              inW,
              outW,
              dl,
              0,
              rows,
              net.weight(l),
              outW,
              0.0,
              delta.get(l - 1),
              rows);
          kernels.reluMask(delta.get(l - 1), forward.block(l - 1), rows, inW);
        }
      }
    }
    return sumSq;
  }

  @Override
  public void finish() {
    int generic = last >= 1 ? last - 1 : 1; // the layers whose sums are [∂W_l | ∂b_l]
    for (int l = 1; l <= generic; l++) {
      // [∂W_l | ∂b_l]: the first d_l d_{l-1} entries, then d_l
      int weights = net.width(l) * net.width(l - 1);
      System.arraycopy(sums.get(l), 0, gradient.weight(l), 0, weights);
      System.arraycopy(sums.get(l), weights, gradient.bias(l), 0, net.width(l));
    }
    if (last >= 1) {
      kernels.zero(gradient.weight(last));
      kernels.zero(gradient.bias(last));
      kernels.zero(gradient.weight(last + 1));
      kernels.lastLayerGradients(
          sums.get(last),
          net.width(last),
          net.width(last - 1),
          net.weight(last),
          net.bias(last),
          net.weight(last + 1),
          gradient.weight(last),
          gradient.bias(last),
          gradient.weight(last + 1));
      System.arraycopy(sumDelta, 0, gradient.bias(last + 1), 0, 1);
    }
  }
}
