package org.ftcbench.nn;

import org.jblas.NativeBlas;

/**
 * The two matrix products the network kernels need, on raw column-major arrays with explicit
 * offsets and leading dimensions. They call BLAS {@code dgemm} directly: jblas's {@code
 * DoubleMatrix.mmul} would need a transposed copy of W (an allocation per step) and cannot address
 * a row block of X in place.
 *
 * <p>Element (i, j) of a column-major matrix with leading dimension ld lives at {@code off + i + j
 * ld}. A row block {@code [r0, r0 + rows)} of a K-row matrix is therefore the same array with
 * offset r0 and ld = K: no copy.
 */
final class Blas {
  private Blas() {}

  /**
   * C = A Bᵀ + β C, with A (m×k), B (n×k), C (m×n).
   *
   * <p>Used for pre-activations: {@code A_l = H_{l-1} W_lᵀ}.
   */
  static void multiplyTransposed(
      int m,
      int n,
      int k,
      double[] a,
      int aOff,
      int lda,
      double[] b,
      int ldb,
      double beta,
      double[] c,
      int ldc) {
    if (m == 0 || n == 0) {
      return; // an empty result: BLAS would reject the leading dimensions
    }
    if (k == 0) { // a layer fed by zero neurons: C = β C, which BLAS may not touch
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
          c[i + j * ldc] *= beta;
        }
      }
      return;
    }
    NativeBlas.dgemm(
        'N',
        'T',
        m,
        n,
        k,
        1.0,
        a,
        aOff,
        Math.max(1, lda),
        b,
        0,
        Math.max(1, ldb),
        beta,
        c,
        0,
        Math.max(1, ldc));
  }

  /**
   * C = Aᵀ B + C, with A (k×m), B (k×n), C (m×n): accumulates a weight gradient {@code dW_l +=
   * dA_lᵀ H_{l-1}} over row blocks.
   */
  static void accumulateTransposedProduct(
      int m,
      int n,
      int k,
      double[] a,
      int lda,
      double[] b,
      int bOff,
      int ldb,
      double[] c,
      int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    NativeBlas.dgemm(
        'T',
        'N',
        m,
        n,
        k,
        1.0,
        a,
        0,
        Math.max(1, lda),
        b,
        bOff,
        Math.max(1, ldb),
        1.0,
        c,
        0,
        Math.max(1, ldc));
  }

  /** C = A B, with A (m×k), B (k×n), C (m×n): back-propagates {@code dH_{l-1} = dA_l W_l}. */
  static void multiply(
      int m, int n, int k, double[] a, int lda, double[] b, int ldb, double[] c, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    NativeBlas.dgemm(
        'N',
        'N',
        m,
        n,
        k,
        1.0,
        a,
        0,
        Math.max(1, lda),
        b,
        0,
        Math.max(1, ldb),
        0.0,
        c,
        0,
        Math.max(1, ldc));
  }
}
