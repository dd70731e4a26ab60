package org.ftcbench.construct;

import java.util.Arrays;
import java.util.Random;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.Seeds;
import org.jblas.DoubleMatrix;

/**
 * The one-dimensional view every construction works on (Sohn et al. 2024, Theorem 4.4, Eq. 11 and
 * Appendix A): a direction a with distinct projections c_i = aᵀx_i, and the samples sorted so that
 * c_1 < c_2 < … < c_K.
 *
 * <p>a is a unit-length Gaussian vector drawn from {@link Seeds#PROJECTION}, its entries rounded to
 * 26 bits ({@link #shortMantissa}); distinct inputs have distinct projections almost surely, and on
 * a tie a is drawn again. Projections are compared as double-doubles, so inputs that differ only in
 * their last bits, whose projections round to the same double, are still told apart. Every weight
 * of the constructions grows like 1/(the smallest gap between neighbouring projections next to a
 * changed sample), and so does the error of a float64 forward pass of them (the certificates
 * themselves are exact, {@link Verification}): of {@link #DRAWS} draws the one with the largest
 * such gap, relative to the range of the projections, is kept. That gap is the minimum of about 2N
 * nearly exponential spacings, so the best of 16 draws is about H_16 ≈ 3.4 times the typical one.
 * Samples with bit-identical inputs cannot be separated by any network: with equal targets they are
 * merged into one point (any network that fits one fits both), with different targets the task is
 * impossible and {@link BadInputException} says so.
 *
 * <p>Positions 0 … size−1 are 0-based indices into the sorted distinct points; the paper's sorted
 * index i is position i − 1.
 *
 * @param a the unit direction (d entries)
 * @param c the sorted projections c_i = aᵀx_i of the distinct points, each computed in
 *     double-double and rounded to double: ascending, strictly so together with cLow (two points
 *     may share c_i when their inputs differ by less than its rounding)
 * @param cLow the rounding error of each c_i: aᵀx_i = c_i + cLow_i to about 1e−32 relative, for the
 *     constructions that place knots exactly ({@link TwoLayerInterpolant})
 * @param z the residual target of each distinct point
 * @param changed whether each distinct point is in T
 * @param sample the (first) original 0-based sample index of each distinct point
 */
public record Projection(
    double[] a, double[] c, double[] cLow, double[] z, boolean[] changed, int[] sample) {

  /** How often a is drawn again before two different inputs are declared inseparable. */
  static final int MAX_DRAWS = 64;

  /** How many separating directions are compared (see the class comment). */
  public static final int DRAWS = 16;

  /** The number of distinct points (K, unless some inputs were identical). */
  public int size() {
    return c.length;
  }

  /** The number of distinct points in T. */
  public int changedCount() {
    int n = 0;
    for (boolean b : changed) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /**
   * The smallest gap c_{i+1} − c_i next to a changed point, divided by c_K − c_1 (∞ without changed
   * points or with fewer than two points): the conditioning of the projection.
   */
  public double relativeChangedGap() {
    double range = c.length > 1 ? gap(0, c.length - 1) : 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i + 1 < c.length; i++) {
      if (changed[i] || changed[i + 1]) {
        min = Math.min(min, gap(i, i + 1));
      }
    }
    return range > 0 ? min / range : Double.POSITIVE_INFINITY;
  }

  /** c_j − c_i from the double-double projections. */
  public double gap(int i, int j) {
    return (c[j] - c[i]) + (cLow[j] - cLow[i]);
  }

  /**
   * Projects and sorts the K samples (rows of x) with residual targets z (K × 1) and changed set T
   * (0-based original indices).
   */
  public static Projection of(DoubleMatrix x, DoubleMatrix z, int[] changedIndices, long seed) {
    int k = x.rows;
    int d = x.columns;
    if (z.length != k) {
      throw new IllegalArgumentException("x has " + k + " rows but z has " + z.length);
    }
    boolean[] inT = new boolean[k];
    for (int i : changedIndices) {
      inT[i] = true;
    }
    Random rng = Seeds.stream(seed, Seeds.PROJECTION);
    Projection best = null;
    double bestGap = -1;
    int separating = 0;
    for (int draw = 0; draw < MAX_DRAWS && separating < DRAWS; draw++) {
      double[] a = unitGaussian(rng, d);
      double[] proj = new double[k];
      double[] projLow = new double[k];
      DoubleDouble s = new DoubleDouble();
      for (int i = 0; i < k; i++) {
        s.setZero();
        for (int j = 0; j < d; j++) {
          s.addProduct(a[j], x.get(i, j));
        }
        proj[i] = s.hi();
        projLow[i] = s.lo();
      }
      // most draws only need their gap, read off a sorted copy; the full merge (identical inputs,
      // ties) runs for the best draw and for draws with equal projections
      double[] sorted = proj.clone();
      Arrays.sort(sorted);
      boolean equal = false;
      for (int i = 1; i < k && !equal; i++) {
        equal = sorted[i] == sorted[i - 1];
      }
      if (equal) {
        Projection p = merge(a, proj, projLow, sortedOrder(proj, projLow), x, z, inT);
        if (p == null) {
          continue;
        }
        separating++;
        double gap = p.relativeChangedGap();
        if (gap > bestGap) {
          best = p;
          bestGap = gap;
        }
        continue;
      }
      separating++;
      double gap = relativeChangedGap(sorted, proj, changedIndices);
      if (gap > bestGap) {
        best = merge(a, proj, projLow, sortedOrder(proj, projLow), x, z, inT);
        bestGap = gap;
      }
    }
    if (best != null) {
      return best;
    }
    throw new BadInputException(
        "no direction separates the inputs after "
            + MAX_DRAWS
            + " random draws: some samples differ only by rounding; remove near-duplicate rows");
  }

  /**
   * {@link #relativeChangedGap()} of distinct projections, from their sorted values: the gaps next
   * to each changed sample, found by bisection.
   */
  private static double relativeChangedGap(double[] sorted, double[] proj, int[] changed) {
    int k = sorted.length;
    double range = k > 1 ? sorted[k - 1] - sorted[0] : 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i : changed) {
      int r = Arrays.binarySearch(sorted, proj[i]);
      if (r > 0) {
        min = Math.min(min, sorted[r] - sorted[r - 1]);
      }
      if (r + 1 < k) {
        min = Math.min(min, sorted[r + 1] - sorted[r]);
      }
    }
    return range > 0 ? min / range : Double.POSITIVE_INFINITY;
  }

  /**
   * The distinct points in sorted order, or null if two different inputs have the same projection
   * (draw a again).
   */
  private static Projection merge(
      double[] a,
      double[] proj,
      double[] projLow,
      int[] order,
      DoubleMatrix x,
      DoubleMatrix z,
      boolean[] inT) {
    int k = order.length;
    double[] c = new double[k];
    double[] cLow = new double[k];
    double[] t = new double[k];
    boolean[] changed = new boolean[k];
    int[] sample = new int[k];
    int n = 0;
    for (int r = 0; r < k; r++) {
      int i = order[r];
      if (n > 0 && proj[i] == c[n - 1] && projLow[i] == cLow[n - 1]) {
        int first = sample[n - 1];
        // the same projection: the same input (merge or reject) or a tie (draw again)
        boolean same = true;
        for (int j = 0; j < x.columns && same; j++) {
          same = x.get(i, j) == x.get(first, j);
        }
        if (!same) {
          // a tie with an earlier point of the same projection value that is a different input
          return null;
        }
        if (z.get(i) != t[n - 1]) {
          throw new BadInputException(
              "samples "
                  + first
                  + " and "
                  + i
                  + " have the same input but different targets ("
                  + t[n - 1]
                  + " and "
                  + z.get(i)
                  + "): no network can fit both; remove one of them");
        }
        changed[n - 1] |= inT[i];
        continue;
      }
      c[n] = proj[i];
      cLow[n] = projLow[i];
      t[n] = z.get(i);
      changed[n] = inT[i];
      sample[n] = i;
      n++;
    }
    // a tie between two different inputs hidden behind an identical one is caught above because
    // every equal projection is compared with the first point of its value
    return new Projection(
        a,
        Arrays.copyOf(c, n),
        Arrays.copyOf(cLow, n),
        Arrays.copyOf(t, n),
        Arrays.copyOf(changed, n),
        Arrays.copyOf(sample, n));
  }

  /**
   * v rounded to {@link #DIRECTION_BITS} significant bits. The constructions' first-layer rows are
   * exactly a, and any row s · a with s of as many bits is exact too (the product of two 26-bit
   * numbers is a double), which is what the exact evaluation ({@link ExactForward}) needs to work
   * on c = aᵀx alone.
   */
  static double shortMantissa(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    int shift = DIRECTION_BITS - 1 - Math.getExponent(v);
    return Math.scalb(Math.rint(Math.scalb(v, shift)), -shift);
  }

  /** Significant bits of a's entries (2 × 26 ≤ 53: a row s · a with a 26-bit s is exact). */
  static final int DIRECTION_BITS = 26;

  private static double[] unitGaussian(Random rng, int d) {
    double[] a = new double[d];
    double norm = 0;
    while (norm == 0) {
      for (int j = 0; j < d; j++) {
        a[j] = rng.nextGaussian();
        norm += a[j] * a[j];
      }
    }
    norm = Math.sqrt(norm);
    for (int j = 0; j < d; j++) {
      a[j] = shortMantissa(a[j] / norm); // unit length up to 2^−26: it only sets the scale of c
    }
    return a;
  }

  /**
   * The indices 0 … n−1 sorted by the double-doubles hi + lo, ties by index (a stable merge sort,
   * no boxing).
   */
  static int[] sortedOrder(double[] hi, double[] lo) {
    int n = hi.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] buf = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int left = 0; left < n - width; left += 2 * width) {
        int mid = left + width;
        int right = Math.min(left + 2 * width, n);
        int i = left;
        int j = mid;
        int o = left;
        while (i < mid && j < right) {
          int a = order[j];
          int b = order[i];
          boolean less = hi[a] < hi[b] || (hi[a] == hi[b] && lo[a] < lo[b]);
          buf[o++] = less ? order[j++] : order[i++];
        }
        while (i < mid) {
          buf[o++] = order[i++];
        }
        while (j < right) {
          buf[o++] = order[j++];
        }
        System.arraycopy(buf, left, order, left, right - left);
      }
    }
    return order;
  }
}
