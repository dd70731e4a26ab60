package org.ftcbench.nn;

import java.util.Arrays;
import org.jblas.NativeBlas;

/**
 * {@link Kernels} in double precision: BLAS {@code dgemm}, and element-wise loops written so that
 * the JIT vectorises them (see {@link Kernels} for the two rules). {@link Float32Kernels} is the
 * same code on {@code float[]}, written twice on purpose: generics do not reach primitive arrays,
 * and one shared loop would need a call or boxing per element. What is not per element (blocking,
 * shapes, the passes' order) is written once, in {@link ForwardPass}, {@link MseGradient} and
 * {@link Adam}.
 */
final class Float64Kernels implements Kernels<double[]> {
  static final Float64Kernels INSTANCE = new Float64Kernels();

  private Float64Kernels() {}

  /**
   * 1[h &gt; 0] for h ≥ 0 without a branch or a compare (neither vectorises here): h · 2^1074 is at
   * least 1 for every positive double, subnormals included (two exact power-of-two products, or
   * +∞), and 0 for h = 0.
   */
  private static double positive(double h) {
    return Math.min(h * 0x1p600 * 0x1p474, 1.0);
  }

  @Override
  public Precision precision() {
    return Precision.FLOAT64;
  }

  @Override
  public double[] allocate(int length) {
    return new double[length];
  }

  @Override
  public int length(double[] a) {
    return a.length;
  }

  @Override
  public void zero(double[] a) {
    Arrays.fill(a, 0.0);
  }

  @Override
  public void fill(double[] a, int off, int n, double value) {
    Arrays.fill(a, off, off + n, value);
  }

  @Override
  public void gemm(
      boolean transA,
      boolean transB,
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
    if (k == 0) { // a layer fed by zero neurons: C = β C, which BLAS may skip
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
          c[i + j * ldc] *= beta;
        }
      }
      return;
    }
    NativeBlas.dgemm(
        transA ? 'T' : 'N',
        transB ? 'T' : 'N',
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

  @Override
  public void addBiasRelu(double[] h, int rows, int cols, double[] bias) {
    for (int j = 0; j < cols; j++) {
      double bj = bias[j];
      int end = (j + 1) * rows;
      for (int i = j * rows; i < end; i++) {
        h[i] = Math.max(h[i] + bj, 0.0);
      }
    }
  }

  @Override
  public void reluOutputAndMask(
      double[] a,
      int rows,
      int cols,
      double[] bias,
      double[] w,
      double[] bOut,
      double[] out,
      double[] tmp) {
    Arrays.fill(out, 0, rows, bOut[0]);
    for (int j = 0; j < cols; j++) {
      double bj = bias[j];
      double wj = w[j];
      System.arraycopy(a, j * rows, tmp, 0, rows);
      for (int i = 0; i < rows; i++) {
        double h = Math.max(tmp[i] + bj, 0.0);
        out[i] += wj * h;
        tmp[i] = positive(h);
      }
      System.arraycopy(tmp, 0, a, j * rows, rows);
    }
  }

  @Override
  public void scalarOutput(double[] h, int rows, int cols, double[] w, double[] b, double[] out) {
    Arrays.fill(out, 0, rows, b[0]);
    for (int j = 0; j < cols; j++) {
      double wj = w[j];
      int col = j * rows;
      for (int i = 0; i < rows; i++) { // no hidden layer: only in tests, speed does not matter
        out[i] += h[col + i] * wj;
      }
    }
  }

  @Override
  public double scaledResidual(
      double[] out, double[] t, int tOff, int rows, double s, double[] delta, double[] sumDelta) {
    double sumSq = 0;
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      double r = out[i] - t[tOff + i];
      sumSq += r * r;
      delta[i] = s * r;
      sum += delta[i];
    }
    if (sumDelta != null) {
      sumDelta[0] += sum;
    }
    return sumSq;
  }

  @Override
  public void scaleRows(
      double[] src, int rows, int cols, double[] scale, double[] dst, double[] tmp) {
    for (int j = 0; j < cols; j++) {
      System.arraycopy(src, j * rows, tmp, 0, rows);
      for (int i = 0; i < rows; i++) {
        tmp[i] *= scale[i];
      }
      System.arraycopy(tmp, 0, dst, j * rows, rows);
    }
  }

  @Override
  public void reluMask(double[] delta, double[] h, int rows, int cols) {
    for (int i = 0; i < rows * cols; i++) {
      delta[i] *= positive(h[i]);
    }
  }

  @Override
  public void lastLayerGradients(
      double[] q,
      int dT,
      int dPrev,
      double[] wT,
      double[] bT,
      double[] wL,
      double[] dwT,
      double[] dbT,
      double[] dwL) {
    // O(d_T d_{T−1}) once per step: plain loops
    for (int j = 0; j < dT; j++) {
      double dot = bT[j] * q[j + dPrev * dT];
      for (int k = 0; k < dPrev; k++) {
        dwT[j + k * dT] += wL[j] * q[j + k * dT];
        dot += wT[j + k * dT] * q[j + k * dT];
      }
      dbT[j] += wL[j] * q[j + dPrev * dT];
      dwL[j] += dot;
    }
  }

  @Override
  public void adam(
      double[] theta,
      double[] g,
      double[] m,
      double[] v,
      double lr,
      double b1,
      double b2,
      double c1,
      double c2,
      double eps) {
    for (int i = 0; i < theta.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      theta[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
    }
  }

  @Override
  public void fromDoubles(double[] src, double[] dst) {
    System.arraycopy(src, 0, dst, 0, src.length);
  }

  @Override
  public void toDoubles(double[] src, double[] dst) {
    System.arraycopy(src, 0, dst, 0, src.length);
  }
}
