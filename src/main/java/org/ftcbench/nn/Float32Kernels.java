package org.ftcbench.nn;

import java.util.Arrays;
import org.jblas.NativeBlas;

/**
 * {@link Kernels} in single precision: BLAS {@code sgemm}, twice the SIMD width and half the memory
 * traffic of {@link Float64Kernels}, whose code this is line for line on {@code float[]} (read the
 * comments there). The loss is accumulated in double.
 */
final class Float32Kernels implements Kernels<float[]> {
  static final Float32Kernels INSTANCE = new Float32Kernels();

  private Float32Kernels() {}

  /** 1[h &gt; 0] for h ≥ 0: h · 2^149 is at least 1 for every positive float, and 0 for h = 0. */
  private static float positive(float h) {
    return Math.min(h * 0x1p100f * 0x1p49f, 1f);
  }

  @Override
  public Precision precision() {
    return Precision.FLOAT32;
  }

  @Override
  public float[] allocate(int length) {
    return new float[length];
  }

  @Override
  public int length(float[] a) {
    return a.length;
  }

  @Override
  public void zero(float[] a) {
    Arrays.fill(a, 0f);
  }

  @Override
  public void fill(float[] a, int off, int n, double value) {
    Arrays.fill(a, off, off + n, (float) value);
  }

  @Override
  public void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int ldb,
      double beta,
      float[] c,
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
    NativeBlas.sgemm(
        transA ? 'T' : 'N',
        transB ? 'T' : 'N',
        m,
        n,
        k,
        1f,
        a,
        aOff,
        Math.max(1, lda),
        b,
        0,
        Math.max(1, ldb),
        (float) beta,
        c,
        0,
        Math.max(1, ldc));
  }

  @Override
  public void addBiasRelu(float[] h, int rows, int cols, float[] bias) {
    for (int j = 0; j < cols; j++) {
      float bj = bias[j];
      int end = (j + 1) * rows;
      for (int i = j * rows; i < end; i++) {
        h[i] = Math.max(h[i] + bj, 0f);
      }
    }
  }

  @Override
  public void reluOutputAndMask(
      float[] a,
      int rows,
      int cols,
      float[] bias,
      float[] w,
      float[] bOut,
      float[] out,
      float[] tmp) {
    Arrays.fill(out, 0, rows, bOut[0]);
    for (int j = 0; j < cols; j++) {
      float bj = bias[j];
      float wj = w[j];
      System.arraycopy(a, j * rows, tmp, 0, rows);
      for (int i = 0; i < rows; i++) {
        float h = Math.max(tmp[i] + bj, 0f);
        out[i] += wj * h;
        tmp[i] = positive(h);
      }
      System.arraycopy(tmp, 0, a, j * rows, rows);
    }
  }

  @Override
  public void scalarOutput(float[] h, int rows, int cols, float[] w, float[] b, float[] out) {
    Arrays.fill(out, 0, rows, b[0]);
    for (int j = 0; j < cols; j++) {
      float wj = w[j];
      int col = j * rows;
      for (int i = 0; i < rows; i++) { // no hidden layer: only in tests, speed does not matter
        out[i] += h[col + i] * wj;
      }
    }
  }

  @Override
  public double scaledResidual(
      float[] out, float[] t, int tOff, int rows, double s, float[] delta, float[] sumDelta) {
    double sumSq = 0;
    float scale = (float) s;
    float sum = 0;
    for (int i = 0; i < rows; i++) {
      float r = out[i] - t[tOff + i];
      sumSq += (double) r * r;
      delta[i] = scale * r;
      sum += delta[i];
    }
    if (sumDelta != null) {
      sumDelta[0] += sum;
    }
    return sumSq;
  }

  @Override
  public void scaleRows(float[] src, int rows, int cols, float[] scale, float[] dst, float[] tmp) {
    for (int j = 0; j < cols; j++) {
      System.arraycopy(src, j * rows, tmp, 0, rows);
      for (int i = 0; i < rows; i++) {
        tmp[i] *= scale[i];
      }
      System.arraycopy(tmp, 0, dst, j * rows, rows);
    }
  }

  @Override
  public void reluMask(float[] delta, float[] h, int rows, int cols) {
    for (int i = 0; i < rows * cols; i++) {
      delta[i] *= positive(h[i]);
    }
  }

  @Override
  public void lastLayerGradients(
      float[] q,
      int dT,
      int dPrev,
      float[] wT,
      float[] bT,
      float[] wL,
      float[] dwT,
      float[] dbT,
      float[] dwL) {
    // O(d_T d_{T−1}) once per step: plain loops
    for (int j = 0; j < dT; j++) {
      float dot = bT[j] * q[j + dPrev * dT];
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
      float[] theta,
      float[] g,
      float[] m,
      float[] v,
      double lr,
      double b1,
      double b2,
      double c1,
      double c2,
      double eps) {
    float fb1 = (float) b1;
    float fb2 = (float) b2;
    float step = (float) (lr / c1); // θ -= (η / c1) m / (√(v / c2) + ε), constants folded once
    float inv2 = (float) (1 / c2);
    float feps = (float) eps;
    for (int i = 0; i < theta.length; i++) {
      m[i] = fb1 * m[i] + (1 - fb1) * g[i];
      v[i] = fb2 * v[i] + (1 - fb2) * g[i] * g[i];
      theta[i] -= step * m[i] / ((float) Math.sqrt(v[i] * inv2) + feps);
    }
  }

  @Override
  public void fromDoubles(double[] src, float[] dst) {
    for (int i = 0; i < src.length; i++) {
      dst[i] = (float) src[i];
    }
  }

  @Override
  public void toDoubles(float[] src, double[] dst) {
    for (int i = 0; i < src.length; i++) {
      dst[i] = src[i];
    }
  }
}
