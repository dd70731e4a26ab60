package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * Evaluates a plain ReLU network in double-double arithmetic ({@link DoubleDouble}): the value the
 * network's double weights define, to about 1e−30 relative to the terms it sums, instead of the
 * float64 forward pass's 1e−16. This is how a certificate is checked: the exported weights are
 * exact binary numbers, the question is whether the function <em>they</em> define interpolates.
 *
 * <p>Two paths. A 2-layer network whose first-layer rows are all the same vector a (the Theorem 4.4
 * adapter, W1 = 1_m aᵀ) is one-dimensional: g(x) = b2 + Σ_k W2_k ReLU(aᵀx + b1_k), evaluated for
 * all samples at once by sorting them by aᵀx and sweeping the knots −b1_k with running sums Σ W2_k
 * and Σ W2_k b1_k, in O((K + m) log(K + m)). Every other network goes through the dense path, K ×
 * (parameters) double-double multiply-adds: minutes for the large 3-layer constructions, so callers
 * guard it with a cost cap.
 */
public final class ExactForward {
  private ExactForward() {}

  /** g(x_i) for every row of x, rounded to double after the exact-enough evaluation. */
  public static double[] evaluate(DenseNetwork g, DoubleMatrix x) {
    return isOneDimensional(g) ? oneDimensional(g, x) : dense(g, x);
  }

  /** Whether g is 2-layer with identical first-layer rows (then {@link #evaluate} is fast). */
  public static boolean isOneDimensional(DenseNetwork g) {
    if (g.depth() != 2 || g.width(1) == 0) {
      return false;
    }
    DoubleMatrix w1 = g.weight(1);
    for (int col = 0; col < w1.columns; col++) {
      double first = w1.get(0, col);
      for (int row = 1; row < w1.rows; row++) {
        if (Double.doubleToLongBits(w1.get(row, col)) != Double.doubleToLongBits(first)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The dense path: every layer in double-double, sample by sample. */
  static double[] dense(DenseNetwork g, DoubleMatrix x) {
    int k = x.rows;
    int[] widths = g.widths();
    int widest = 0;
    for (int w : widths) {
      widest = Math.max(widest, w);
    }
    double[] inHi = new double[widest];
    double[] inLo = new double[widest];
    double[] outHi = new double[widest];
    double[] outLo = new double[widest];
    DoubleDouble acc = new DoubleDouble();
    double[] result = new double[k];
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < widths[0]; c++) {
        inHi[c] = x.get(i, c);
        inLo[c] = 0;
      }
      for (int l = 1; l <= g.depth(); l++) {
        DoubleMatrix w = g.weight(l);
        double[] b = g.bias(l).data;
        boolean hidden = l < g.depth();
        for (int r = 0; r < w.rows; r++) {
          acc.setZero().add(b[r]);
          for (int c = 0; c < w.columns; c++) {
            acc.addProduct(w.data[c * w.rows + r], inHi[c], inLo[c]);
          }
          boolean zero = hidden && !acc.positive();
          outHi[r] = zero ? 0 : acc.hi();
          outLo[r] = zero ? 0 : acc.lo();
        }
        double[] t = inHi;
        inHi = outHi;
        outHi = t;
        t = inLo;
        inLo = outLo;
        outLo = t;
      }
      result[i] = inHi[0] + inLo[0];
    }
    return result;
  }

  /** The 1-D path for W1 = 1_m aᵀ: sort the samples by aᵀx and sweep the knots. */
  static double[] oneDimensional(DenseNetwork g, DoubleMatrix x) {
    int k = x.rows;
    int m = g.width(1);
    double[] a = g.weight(1).getRow(0).data;
    double[] b1 = g.bias(1).data;
    double[] w2 = g.weight(2).data;
    double b2 = g.bias(2).data[0];
    // c_i = aᵀx_i in double-double
    double[] cHi = new double[k];
    double[] cLo = new double[k];
    DoubleDouble acc = new DoubleDouble();
    for (int i = 0; i < k; i++) {
      acc.setZero();
      for (int col = 0; col < a.length; col++) {
        acc.addProduct(a[col], x.get(i, col));
      }
      cHi[i] = acc.hi();
      cLo[i] = acc.lo();
    }
    Integer[] samples = sortedIndices(k, (p, q) -> compare(cHi[p], cLo[p], cHi[q], cLo[q]));
    // neuron k is active where c + b1_k > 0, i.e. c > −b1_k: sort the knots −b1_k
    Integer[] knots = sortedIndices(m, (p, q) -> Double.compare(-b1[p], -b1[q]));
    DoubleDouble slope = new DoubleDouble(); // Σ W2_k over the active knots
    DoubleDouble offset = new DoubleDouble().add(b2); // b2 + Σ W2_k b1_k over the active knots
    DoubleDouble value = new DoubleDouble();
    double[] result = new double[k];
    int next = 0;
    for (int s : samples) {
      // activate every knot strictly below c_s (at c = −b1_k the ReLU is 0 either way)
      while (next < m && compare(-b1[knots[next]], 0, cHi[s], cLo[s]) < 0) {
        int n = knots[next++];
        slope.add(w2[n]);
        offset.addProduct(w2[n], b1[n]);
      }
      value.set(offset.hi(), offset.lo());
      value.addProduct(slope.hi(), cHi[s], cLo[s]);
      value.addProduct(slope.lo(), cHi[s], cLo[s]);
      result[s] = value.value();
    }
    return result;
  }

  private static int compare(double aHi, double aLo, double bHi, double bLo) {
    int c = Double.compare(aHi, bHi);
    return c != 0 ? c : Double.compare(aLo, bLo);
  }

  private static Integer[] sortedIndices(int n, java.util.Comparator<Integer> order) {
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, order);
    return idx;
  }
}
