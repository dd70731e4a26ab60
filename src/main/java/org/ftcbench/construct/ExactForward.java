package org.ftcbench.construct;

import java.util.Arrays;
import java.util.Comparator;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * Evaluates a plain ReLU network in double-double arithmetic ({@link DoubleDouble}), low parts of
 * its parameters included ({@link PreciseNetwork}): the value the stored weights define, to about
 * 1e−30 relative to the terms summed, instead of the float64 forward pass's 1e−16. This is how a
 * certificate is checked.
 *
 * <p>Two paths. {@link #alongDirection}: when every first-layer row is exactly s_i · a for the
 * construction's projection direction a (all the constructions here), each first-layer ReLU is
 * relu(s_i c + b_i) of the single number c = aᵀx, so the network is one-dimensional. The samples
 * are sorted by c, each first-layer ReLU switches on or off once along that order (found by
 * bisection with exact signs), and every distinct layer-2 row keeps the running slope and offset of
 * the ReLUs that are on: O(K log K + switches × rows + K × (layer-2 units)). The 2-layer
 * interpolant at K = 10^5 takes well under a second. {@link #dense} is the slow, general path: K ×
 * parameters double-double multiply-adds, for tests.
 */
public final class ExactForward {
  private ExactForward() {}

  /**
   * g(x_i) for every row of x, each rounded to double once at the end, or null when some
   * first-layer row of g is not exactly a multiple of a (or g is deeper than 3 layers).
   */
  public static double[] alongDirection(PreciseNetwork w, double[] a, DoubleMatrix x) {
    DenseNetwork g = w.network();
    if (g.depth() < 2 || g.depth() > 3 || a == null) {
      return null;
    }
    double[] s = multiples(w, a);
    if (s == null) {
      return null;
    }
    int k = x.rows;
    int m1 = g.width(1);
    double[] b1 = g.bias(1).data;
    double[] b1Low = new double[m1];
    for (int i = 0; i < m1; i++) {
      b1Low[i] = w.lowBias(1, i);
    }
    // c = aᵀx in double-double, and the samples in increasing order of c
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
    Integer[] boxed = new Integer[k];
    for (int i = 0; i < k; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (p, q) -> compare(cHi[p], cLo[p], cHi[q], cLo[q]));
    int[] order = new int[k];
    for (int i = 0; i < k; i++) {
      order[i] = boxed[i];
    }
    // ReLU i is on at sorted position q iff s_i c_q + b_i > 0: a step in q, found by bisection
    boolean[] onAtStart = new boolean[m1];
    int[] switchAt =
        new int[m1]; // first sorted position where it differs from the start (k: never)
    for (int i = 0; i < m1; i++) {
      onAtStart[i] = on(acc, s[i], b1[i], b1Low[i], cHi[order[0]], cLo[order[0]]);
      int lo = 0;
      int hi = k;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        boolean state = on(acc, s[i], b1[i], b1Low[i], cHi[order[mid]], cLo[order[mid]]);
        if (state == onAtStart[i]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      switchAt[i] = lo;
    }
    Integer[] byPosition = new Integer[m1];
    for (int i = 0; i < m1; i++) {
      byPosition[i] = i;
    }
    Arrays.sort(byPosition, Comparator.comparingInt(i -> switchAt[i]));

    // layer 2's distinct rows: running slope and offset over the first-layer ReLUs that are on
    PreciseNetwork.DistinctRows distinct = w.distinctRows(2);
    int[] rowOf = distinct.rowOf();
    int[] representative = distinct.representative();
    int rows = distinct.count();
    DoubleDouble[] slope = new DoubleDouble[rows];
    DoubleDouble[] offset = new DoubleDouble[rows];
    for (int r = 0; r < rows; r++) {
      slope[r] = new DoubleDouble();
      offset[r] = new DoubleDouble();
    }
    DoubleMatrix w2 = g.weight(2);
    for (int i = 0; i < m1; i++) {
      if (onAtStart[i]) {
        toggle(w, w2, representative, slope, offset, i, s[i], b1[i], b1Low[i], 1);
      }
    }
    boolean output = g.depth() == 2;
    double[] b2 = g.bias(2).data;
    UnitsOfARow[] units = output ? null : UnitsOfARow.of(w, rowOf, rows);
    double b3 = output ? 0 : g.bias(3).get(0);
    double b3Low = output ? 0 : w.lowBias(3, 0);
    DoubleDouble value = new DoubleDouble();
    DoubleDouble sum = new DoubleDouble();
    double[] result = new double[k];
    int next = 0;
    for (int q = 0; q < k; q++) {
      while (next < m1 && switchAt[byPosition[next]] <= q) {
        int i = byPosition[next++];
        toggle(
            w, w2, representative, slope, offset, i, s[i], b1[i], b1Low[i], onAtStart[i] ? -1 : 1);
      }
      int sample = order[q];
      if (output) {
        line(value, slope[0], offset[0], cHi[sample], cLo[sample]).add(b2[0], w.lowBias(2, 0));
        result[sample] = value.value();
        continue;
      }
      // depth 3: each distinct row's pre-activation G once; its units add W3 relu(G + b2)
      sum.setZero().add(b3, b3Low);
      for (int r = 0; r < rows; r++) {
        line(value, slope[r], offset[r], cHi[sample], cLo[sample]);
        units[r].addOutput(value, sum);
      }
      result[sample] = sum.value();
    }
    return result;
  }

  /**
   * The layer-2 units that read one distinct row, for the output Σ_u W3_u relu(G + b2_u): sorted by
   * their thresholds −b2_u, the units that are on for a given G are a prefix, and their sum is G ·
   * Σ W3_u + Σ W3_u b2_u over it, from prefix sums. A U2 row at N = 10⁴ serves about 50 bump ReLUs;
   * this costs a bisection instead of 50 double-double products per sample.
   */
  private static final class UnitsOfARow {
    final double[] thresholdHi; // −b2_u, ascending
    final double[] thresholdLo;
    final double[] weightHi; // prefix sums Σ W3_u over the first j units
    final double[] weightLo;
    final double[] biasHi; // prefix sums Σ W3_u b2_u
    final double[] biasLo;

    private UnitsOfARow(int n) {
      thresholdHi = new double[n];
      thresholdLo = new double[n];
      weightHi = new double[n + 1];
      weightLo = new double[n + 1];
      biasHi = new double[n + 1];
      biasLo = new double[n + 1];
    }

    static UnitsOfARow[] of(PreciseNetwork w, int[] rowOf, int rows) {
      DenseNetwork g = w.network();
      int[] count = new int[rows];
      for (int r : rowOf) {
        count[r]++;
      }
      Integer[][] members = new Integer[rows][];
      for (int r = 0; r < rows; r++) {
        members[r] = new Integer[count[r]];
        count[r] = 0;
      }
      for (int u = 0; u < rowOf.length; u++) {
        members[rowOf[u]][count[rowOf[u]]++] = u;
      }
      UnitsOfARow[] out = new UnitsOfARow[rows];
      DoubleDouble weight = new DoubleDouble();
      DoubleDouble bias = new DoubleDouble();
      for (int r = 0; r < rows; r++) {
        Integer[] m = members[r];
        // −b2 ascending: by b2 descending (hi, then lo)
        Arrays.sort(
            m,
            (p, q) ->
                -compare(g.bias(2).get(p), w.lowBias(2, p), g.bias(2).get(q), w.lowBias(2, q)));
        UnitsOfARow row = new UnitsOfARow(m.length);
        weight.setZero();
        bias.setZero();
        for (int j = 0; j < m.length; j++) {
          int u = m[j];
          double b = g.bias(2).get(u);
          double bLow = w.lowBias(2, u);
          row.thresholdHi[j] = -b;
          row.thresholdLo[j] = -bLow;
          double w3 = g.weight(3).get(0, u);
          double w3Low = w.lowWeight(3, 0, u);
          weight.add(w3, w3Low);
          bias.addProduct(w3, b, bLow).addProduct(w3Low, b, bLow);
          row.weightHi[j + 1] = weight.hi();
          row.weightLo[j + 1] = weight.lo();
          row.biasHi[j + 1] = bias.hi();
          row.biasLo[j + 1] = bias.lo();
        }
        out[r] = row;
      }
      return out;
    }

    /** sum += Σ over the units on at G (G + b2_u > 0, i.e. −b2_u < G) of W3_u (G + b2_u). */
    void addOutput(DoubleDouble gValue, DoubleDouble sum) {
      int lo = 0;
      int hi = thresholdHi.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(thresholdHi[mid], thresholdLo[mid], gValue.hi(), gValue.lo()) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo == 0) {
        return;
      }
      double gHi = gValue.hi();
      double gLo = gValue.lo();
      sum.addProduct(weightHi[lo], gHi, gLo).addProduct(weightLo[lo], gHi, gLo);
      sum.add(biasHi[lo], biasLo[lo]);
    }
  }

  /** out = offset + slope · (cHi + cLo). */
  private static DoubleDouble line(
      DoubleDouble out, DoubleDouble slope, DoubleDouble offset, double cHi, double cLo) {
    out.set(offset.hi(), offset.lo());
    return out.addProduct(slope.hi(), cHi, cLo).addProduct(slope.lo(), cHi, cLo);
  }

  /** Adds (sign = 1) or removes (−1) first-layer ReLU i's term W2[·, i] (s_i c + b_i). */
  private static void toggle(
      PreciseNetwork w,
      DoubleMatrix w2,
      int[] representative,
      DoubleDouble[] slope,
      DoubleDouble[] offset,
      int i,
      double s,
      double b,
      double bLow,
      double sign) {
    for (int r = 0; r < representative.length; r++) {
      double hi = sign * w2.get(representative[r], i);
      double lo = sign * w.lowWeight(2, representative[r], i);
      if (hi == 0 && lo == 0) {
        continue;
      }
      slope[r].addProduct(hi, s).addProduct(lo, s);
      offset[r].addProduct(hi, b, bLow).addProduct(lo, b, bLow);
    }
  }

  private static boolean on(
      DoubleDouble acc, double s, double b, double bLow, double cHi, double cLo) {
    return acc.setZero().add(b, bLow).addProduct(s, cHi, cLo).positive();
  }

  /**
   * s_i with row i of W1 = s_i · a exactly (no low part, every product exact), or null. s_i is read
   * off the largest entry of a and then checked on every entry.
   */
  static double[] multiples(PreciseNetwork w, double[] a) {
    DenseNetwork g = w.network();
    DoubleMatrix w1 = g.weight(1);
    if (w1.columns != a.length) {
      return null;
    }
    int pivot = 0;
    for (int col = 1; col < a.length; col++) {
      if (Math.abs(a[col]) > Math.abs(a[pivot])) {
        pivot = col;
      }
    }
    if (a[pivot] == 0) {
      return null;
    }
    double[] s = new double[w1.rows];
    for (int i = 0; i < w1.rows; i++) {
      s[i] = w1.get(i, pivot) / a[pivot];
      for (int col = 0; col < a.length; col++) {
        double entry = w1.get(i, col);
        if (s[i] * a[col] != entry
            || Math.fma(s[i], a[col], -entry) != 0
            || w.lowWeight(1, i, col) != 0) {
          return null;
        }
      }
    }
    return s;
  }

  /** The dense path: every layer in double-double, sample by sample (slow; for tests). */
  static double[] dense(PreciseNetwork w, DoubleMatrix x) {
    DenseNetwork g = w.network();
    int k = x.rows;
    int[] widths = g.widths();
    int widest = 0;
    for (int width : widths) {
      widest = Math.max(widest, width);
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
        DoubleMatrix wl = g.weight(l);
        boolean hidden = l < g.depth();
        for (int r = 0; r < wl.rows; r++) {
          acc.setZero().add(g.bias(l).get(r), w.lowBias(l, r));
          for (int c = 0; c < wl.columns; c++) {
            acc.addProduct(wl.get(r, c), inHi[c], inLo[c]);
            acc.addProduct(w.lowWeight(l, r, c), inHi[c], inLo[c]);
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

  private static int compare(double aHi, double aLo, double bHi, double bLo) {
    int c = Double.compare(aHi, bHi);
    return c != 0 ? c : Double.compare(aLo, bLo);
  }
}
