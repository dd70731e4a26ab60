package org.ftcbench.construct;

import java.util.Arrays;
import java.util.Comparator;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * Evaluates a plain ReLU network in (nearly) exact arithmetic, every part of its parameters
 * included ({@link PreciseNetwork}): the value the stored weights define, to about 1e−30 relative
 * to the values involved, instead of the float64 forward pass's 1e−16 relative to the terms it
 * cancels. This is how a certificate is checked.
 *
 * <p>Two paths. {@link #alongDirection}: when every first-layer row is exactly s_i · a for the
 * construction's projection direction a (all the constructions here), each first-layer ReLU is
 * relu(s_i c + b_i) of the single number c = aᵀx, so the network is one-dimensional: each layer-2
 * row's pre-activation H(c) = b2 + Σ_i W2_i relu(s_i c + b_i) is continuous and piecewise linear
 * with kinks p_i = −b_i / s_i. Its value at every kink and its slope after it are computed once, in
 * 200-bit arithmetic ({@link BigFloat}), walking the kinks from left to right; a sample is then
 * evaluated from the nearest kink to its left, H(c) = H(p) + S (c − p), in double-double. The error
 * is relative to the values near the sample, not to the terms far away: a construction whose
 * pre-activation climbs by 1e13 across a gap of 1e−13 between two groups (slopes 1e26) and comes
 * back is evaluated to 1e−19 on both sides, where summing its ReLUs term by term would cancel
 * 1e26-sized terms. Cost: O(K log K + kinks × rows) 200-bit operations plus K × (layer-2 units)
 * double-doubles. {@link #dense} is the slow, general path: K × parameters double-double
 * multiply-adds, for tests.
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
    int[] order = sorted(k, (p, q) -> compare(cHi[p], cLo[p], cHi[q], cLo[q]));
    KinkTable table = new KinkTable(w, s);
    boolean output = g.depth() == 2;
    UnitsOfARow[] units = output ? null : UnitsOfARow.of(w, table);
    double b3 = output ? 0 : g.bias(3).get(0);
    double b3Low = output ? 0 : w.lowBias(3, 0);
    DoubleDouble value = new DoubleDouble();
    DoubleDouble dist = new DoubleDouble();
    DoubleDouble sum = new DoubleDouble();
    double[] result = new double[k];
    int anchor = -1; // the last kink at or left of the sample (−1: none)
    for (int q = 0; q < k; q++) {
      int sample = order[q];
      while (anchor + 1 < table.kinks()
          && compare(table.pHi[anchor + 1], table.pLo[anchor + 1], cHi[sample], cLo[sample]) <= 0) {
        anchor++;
      }
      // left of every kink, H is linear with the slope there, measured from the first kink
      int at = Math.max(anchor, 0);
      dist.set(cHi[sample], cLo[sample]).add(-table.pHi[at], -table.pLo[at]);
      if (output) {
        result[sample] = table.value(0, at, anchor, dist, value).value();
        continue;
      }
      sum.setZero().add(b3, b3Low);
      for (int r = 0; r < table.rows(); r++) {
        units[r].addOutput(table.value(r, at, anchor, dist, value), sum);
      }
      result[sample] = sum.value();
    }
    return result;
  }

  /**
   * Each distinct layer-2 row's pre-activation H_r(c) = β_r + Σ_i W2_{r,i} relu(s_i c + b_i) (β_r
   * the bias of the row's representative unit) at every kink, and its slope after every kink and
   * before the first, computed in {@link BigFloat} and kept as double-doubles. For a 2-layer
   * network the one "row" is the output.
   */
  private static final class KinkTable {
    final double[] pHi; // kinks, ascending, as double-doubles
    final double[] pLo;
    final PreciseNetwork.DistinctRows distinct;
    final BigFloat[] rowBias; // β_r
    private final double[][] valueHi; // [r][j]: H_r(p_j)
    private final double[][] valueLo;
    private final double[][] slopeHi; // [r][j + 1]: slope right of p_j; [r][0]: left of p_0
    private final double[][] slopeLo;

    KinkTable(PreciseNetwork w, double[] s) {
      DenseNetwork g = w.network();
      int m1 = g.width(1);
      // kinks p_i = −b_i / s_i; a ReLU with s_i = 0 is the constant relu(b_i), no kink
      BigFloat[] p = new BigFloat[m1];
      BigFloat[] b = new BigFloat[m1];
      BigFloat[] scale = new BigFloat[m1];
      int[] byKink = new int[m1];
      int kinks = 0;
      for (int i = 0; i < m1; i++) {
        b[i] = w.biasValue(1, i);
        scale[i] = BigFloat.of(s[i]);
        if (s[i] != 0) {
          p[i] = b[i].negate().divide(scale[i]);
          byKink[kinks++] = i;
        }
      }
      int[] order = java.util.Arrays.copyOf(byKink, kinks);
      Integer[] boxed = java.util.Arrays.stream(order).boxed().toArray(Integer[]::new);
      Arrays.sort(boxed, (u, v) -> p[u].compareTo(p[v]));
      pHi = new double[kinks];
      pLo = new double[kinks];
      for (int j = 0; j < kinks; j++) {
        double[] pj = p[boxed[j]].doubleDouble();
        pHi[j] = pj[0];
        pLo[j] = pj[1];
      }
      distinct = w.distinctRows(2);
      int rows = distinct.count();
      rowBias = new BigFloat[rows];
      valueHi = new double[rows][kinks];
      valueLo = new double[rows][kinks];
      slopeHi = new double[rows][kinks + 1];
      slopeLo = new double[rows][kinks + 1];
      BigFloat origin = kinks > 0 ? p[boxed[0]] : BigFloat.ZERO;
      for (int r = 0; r < rows; r++) {
        int unit = distinct.representative()[r];
        BigFloat[] weight = new BigFloat[m1];
        // at the first kink: the bias, the constant ReLUs and the left-facing ReLUs (on there)
        BigFloat value = w.biasValue(2, unit);
        rowBias[r] = value;
        BigFloat slope = BigFloat.ZERO;
        for (int i = 0; i < m1; i++) {
          weight[i] = w.weightValue(2, unit, i);
          if (weight[i].signum() == 0) {
            continue;
          }
          if (s[i] == 0) {
            value = value.add(weight[i].multiply(b[i].signum() > 0 ? b[i] : BigFloat.ZERO));
          } else if (s[i] < 0) {
            // relu(s_i c + b_i) = s_i (c − p_i) for c < p_i
            BigFloat ws = weight[i].multiply(scale[i]);
            slope = slope.add(ws);
            value = value.add(ws.multiply(origin.subtract(p[i])));
          }
        }
        store(slopeHi[r], slopeLo[r], 0, slope);
        for (int j = 0; j < kinks; j++) {
          if (j > 0) {
            value = value.add(slope.multiply(p[boxed[j]].subtract(p[boxed[j - 1]])));
          }
          store(valueHi[r], valueLo[r], j, value);
          // ReLU i switches at its kink: a right-facing one on, a left-facing one off
          int i = boxed[j];
          if (weight[i].signum() != 0) {
            BigFloat ws = weight[i].multiply(scale[i]);
            slope = s[i] > 0 ? slope.add(ws) : slope.subtract(ws);
          }
          store(slopeHi[r], slopeLo[r], j + 1, slope);
        }
        if (kinks == 0) {
          double[] v = value.doubleDouble();
          valueHi[r] = new double[] {v[0]};
          valueLo[r] = new double[] {v[1]};
        }
      }
    }

    private static void store(double[] hi, double[] lo, int j, BigFloat v) {
      double[] dd = v.doubleDouble();
      hi[j] = dd[0];
      lo[j] = dd[1];
    }

    int kinks() {
      return pHi.length;
    }

    int rows() {
      return rowBias.length;
    }

    /**
     * H_r at a sample {@code dist} = c − p_at right of kink {@code at} (or left of the first kink
     * when {@code anchor} = −1), into out.
     */
    DoubleDouble value(int r, int at, int anchor, DoubleDouble dist, DoubleDouble out) {
      if (kinks() == 0) {
        return out.setZero().add(valueHi[r][0], valueLo[r][0]);
      }
      int slope = anchor + 1; // the slope right of the anchor, or left of p_0
      out.setZero().add(valueHi[r][at], valueLo[r][at]);
      return out.addProduct(slopeHi[r][slope], dist.hi(), dist.lo())
          .addProduct(slopeLo[r][slope], dist.hi(), dist.lo());
    }
  }

  /**
   * The layer-2 units that read one distinct row, for the output Σ_u W3_u relu(H + δ_u), where H is
   * the row's pre-activation with the representative's bias β and δ_u = b2_u − β: sorted by their
   * thresholds −δ_u, the units that are on for a given H are a prefix, and their sum is H · Σ W3_u
   * + Σ W3_u δ_u over it, from prefix sums (exact decimals, kept as double-doubles). A U2 row at N
   * = 10⁴ serves about 50 bump ReLUs; this costs a bisection instead of 50 products per sample.
   */
  private static final class UnitsOfARow {
    final double[] thresholdHi; // −δ_u, ascending
    final double[] thresholdLo;
    final double[] weightHi; // prefix sums Σ W3_u over the first j units
    final double[] weightLo;
    final double[] biasHi; // prefix sums Σ W3_u δ_u
    final double[] biasLo;

    private UnitsOfARow(int n) {
      thresholdHi = new double[n];
      thresholdLo = new double[n];
      weightHi = new double[n + 1];
      weightLo = new double[n + 1];
      biasHi = new double[n + 1];
      biasLo = new double[n + 1];
    }

    static UnitsOfARow[] of(PreciseNetwork w, KinkTable table) {
      int[] rowOf = table.distinct.rowOf();
      int rows = table.rows();
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
      for (int r = 0; r < rows; r++) {
        Integer[] m = members[r];
        BigFloat[] delta = new BigFloat[w.network().width(2)];
        for (Integer u : m) {
          delta[u] = w.biasValue(2, u).subtract(table.rowBias[r]);
        }
        // −δ ascending: by δ descending
        Arrays.sort(m, (p, q) -> delta[q].compareTo(delta[p]));
        UnitsOfARow row = new UnitsOfARow(m.length);
        BigFloat weight = BigFloat.ZERO;
        BigFloat bias = BigFloat.ZERO;
        for (int j = 0; j < m.length; j++) {
          int u = m[j];
          KinkTable.store(row.thresholdHi, row.thresholdLo, j, delta[u].negate());
          BigFloat w3 = w.weightValue(3, 0, u);
          weight = weight.add(w3);
          bias = bias.add(w3.multiply(delta[u]));
          KinkTable.store(row.weightHi, row.weightLo, j + 1, weight);
          KinkTable.store(row.biasHi, row.biasLo, j + 1, bias);
        }
        out[r] = row;
      }
      return out;
    }

    /** sum += Σ over the units on at H (H + δ_u > 0, i.e. −δ_u < H) of W3_u (H + δ_u). */
    void addOutput(DoubleDouble h, DoubleDouble sum) {
      int lo = 0;
      int hi = thresholdHi.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(thresholdHi[mid], thresholdLo[mid], h.hi(), h.lo()) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo == 0) {
        return;
      }
      double gHi = h.hi();
      double gLo = h.lo();
      sum.addProduct(weightHi[lo], gHi, gLo).addProduct(weightLo[lo], gHi, gLo);
      sum.add(biasHi[lo], biasLo[lo]);
    }
  }

  /** 0 … n−1 sorted by a comparator, without boxing the result. */
  private static int[] sorted(int n, Comparator<Integer> by) {
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, by);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = boxed[i];
    }
    return order;
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
            || w.lowWeight(1, i, col) != 0
            || w.thirdWeight(1, i, col) != 0) {
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
          acc.setZero().add(g.bias(l).get(r), w.lowBias(l, r)).add(w.thirdBias(l, r));
          for (int c = 0; c < wl.columns; c++) {
            acc.addProduct(wl.get(r, c), inHi[c], inLo[c]);
            acc.addProduct(w.lowWeight(l, r, c), inHi[c], inLo[c]);
            acc.addProduct(w.thirdWeight(l, r, c), inHi[c], inLo[c]);
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
