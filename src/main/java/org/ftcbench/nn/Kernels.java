package org.ftcbench.nn;

/**
 * The array operations of one floating-point precision: BLAS {@code gemm} for the matrix products,
 * and fused Java loops for the element-wise passes around them. {@link ForwardPass}, {@link
 * MseGradient} and {@link Adam} are written once against this interface; the precision is the array
 * type {@code A} ({@code double[]} or {@code float[]}).
 *
 * <p>A block is {@code rows × cols}, column-major: element (i, j) at {@code i + j·rows}. Two rules
 * keep the Java loops at SIMD speed, and the implementations follow both:
 *
 * <ul>
 *   <li>Every inner loop indexes all its arrays with the same expression. HotSpot's C2 does not
 *       vectorise a loop that reads {@code h[col + i]} and writes {@code out[i]} (the arrays might
 *       overlap at an unknown distance; measured 4–5× slower on JDK 17 and 25), so a column that
 *       must meet a per-row vector is first copied to a scratch array ({@code System.arraycopy} is
 *       itself vectorised).
 *   <li>No reduction over a block's rows in Java: C2 keeps floating-point sums in their sequential
 *       order, one element per add latency. Such sums go to BLAS, as products with a column of ones
 *       or with a mask ({@link MseGradient}).
 * </ul>
 *
 * @param <A> the array type of this precision
 */
public interface Kernels<A> {
  /** The double-precision kernels. */
  static Kernels<double[]> float64() {
    return Float64Kernels.INSTANCE;
  }

  /** The single-precision kernels. */
  static Kernels<float[]> float32() {
    return Float32Kernels.INSTANCE;
  }

  Precision precision();

  /** A new zeroed array of {@code length} elements. */
  A allocate(int length);

  int length(A a);

  /** Sets every element to zero. */
  void zero(A a);

  /** a[off … off + n) = value. */
  void fill(A a, int off, int n, double value);

  /**
   * C = op(A) op(B) + β C through BLAS (op = transpose when the flag is set), with op(A) m×k, op(B)
   * k×n and C m×n, A read from {@code aOff}.
   *
   * <p>jblas's JNI copies every array argument whole, in and out, on each call: pass arrays sized
   * to the block, never a large array with an offset.
   */
  void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      A a,
      int aOff,
      int lda,
      A b,
      int ldb,
      double beta,
      A c,
      int ldc);

  /** H = relu(H + 1 bᵀ) in place (rows × cols). */
  void addBiasRelu(A h, int rows, int cols, A bias);

  /**
   * The last hidden layer and the scalar output, fused: with A the pre-activation (rows × cols,
   * without bias),
   *
   * <pre>
   *   H = relu(A + 1 bᵀ)      out = H w + b_out      A ← 1[H &gt; 0]   (the mask, in place)
   * </pre>
   *
   * @param tmp scratch of at least {@code rows} elements
   */
  void reluOutputAndMask(A a, int rows, int cols, A bias, A w, A bOut, A out, A tmp);

  /** out = H w + b for a scalar output of a network without hidden layers (rows × cols). */
  void scalarOutput(A h, int rows, int cols, A w, A b, A out);

  /**
   * δ_i = s (out_i − t_{tOff+i}) for i &lt; rows; adds Σ_i δ_i to {@code sumDelta[0]} unless it is
   * null.
   *
   * @return Σ_i (out_i − t_{tOff+i})², in double
   */
  double scaledResidual(A out, A t, int tOff, int rows, double s, A delta, A sumDelta);

  /**
   * dst = diag(scale) src: row i of src times scale_i (rows × cols, both leading dimension rows).
   */
  void scaleRows(A src, int rows, int cols, A scale, A dst, A tmp);

  /** δ ← δ ⊙ 1[H &gt; 0] in place (rows × cols, both leading dimension rows): a ReLU's backward. */
  void reluMask(A delta, A h, int rows, int cols);

  /**
   * The gradients of the last hidden layer T and the scalar output L from Q = M_Tᵀ diag(δ) [H_{T−1}
   * | 1] (d_T × (d_{T−1} + 1), summed over all blocks; {@link MseGradient} derives them):
   *
   * <pre>
   *   ∂W_T = diag(w_L) Q[:, :d_{T−1}]     ∂b_T = w_L ⊙ Q[:, d_{T−1}]
   *   ∂w_L,j = Σ_k W_T,jk Q_jk + b_T,j Q_j,d_{T−1}
   * </pre>
   */
  void lastLayerGradients(A q, int dT, int dPrev, A wT, A bT, A wL, A dwT, A dbT, A dwL);

  /**
   * One Adam step on n scalars (Kingma and Ba 2015, Algorithm 1): m ← β1 m + (1 − β1) g, v ← β2 v +
   * (1 − β2) g², θ ← θ − η (m / c1) / (√(v / c2) + ε), with the bias corrections c1 = 1 − β1ᵗ and
   * c2 = 1 − β2ᵗ.
   */
  void adam(
      A theta, A g, A m, A v, double lr, double b1, double b2, double c1, double c2, double eps);

  /** dst = src, rounded to this precision. */
  void fromDoubles(double[] src, A dst);

  /** dst = src. */
  void toDoubles(A src, double[] dst);
}
