package org.ftcbench.construct;

/**
 * A double-double accumulator: the unevaluated sum hi + lo of two doubles, about 106 significant
 * bits (Dekker 1971; Knuth's TwoSum; TwoProduct with {@link Math#fma}). It is what makes a
 * certificate exact where the float64 forward pass is not: the constructions' weights reach 1e8 and
 * cancel to O(1), so a float64 sum loses about 8 of its 16 digits, a double-double sum about 8 of
 * its 32.
 *
 * <p>Every operation adds one product or value into this accumulator; each rounds at about 2^−104
 * of the magnitudes it adds, so a sum of terms t_j is within ≈ n · 2^−104 · Σ|t_j| of the exact
 * one. Mutable and allocation-free on purpose: the verifier's inner loop calls it K × m times.
 */
final class DoubleDouble {
  private double hi;
  private double lo;

  DoubleDouble set(double hi, double lo) {
    double s = hi + lo;
    this.lo = lo - (s - hi);
    this.hi = s;
    return this;
  }

  DoubleDouble setZero() {
    hi = 0;
    lo = 0;
    return this;
  }

  /** this += x, for a double x. */
  DoubleDouble add(double x) {
    double s = hi + x;
    double bb = s - hi;
    double err = (hi - (s - bb)) + (x - bb); // TwoSum: hi + x = s + err exactly
    return set(s, err + lo);
  }

  /** this += (xHi + xLo). */
  DoubleDouble add(double xHi, double xLo) {
    add(xHi);
    lo += xLo;
    return set(hi, lo);
  }

  /** this += a · b, exactly up to the final renormalisation. */
  DoubleDouble addProduct(double a, double b) {
    double p = a * b;
    double e = Math.fma(a, b, -p); // TwoProduct: a·b = p + e exactly
    add(p);
    lo += e;
    return set(hi, lo);
  }

  /** this += w · (xHi + xLo), for a double w and a double-double x. */
  DoubleDouble addProduct(double w, double xHi, double xLo) {
    addProduct(w, xHi);
    lo += w * xLo;
    return set(hi, lo);
  }

  /** this /= (bHi + bLo), to about 2^−104 relative (one Newton-like correction of hi / bHi). */
  DoubleDouble divideBy(double bHi, double bLo) {
    double q1 = hi / bHi;
    addProduct(-q1, bHi); // the remainder this − q1 · b, in double-double
    addProduct(-q1, bLo);
    double q2 = value() / bHi;
    return set(q1, q2);
  }

  double hi() {
    return hi;
  }

  double lo() {
    return lo;
  }

  /** The sum rounded to the nearest double. */
  double value() {
    return hi + lo;
  }

  /** Whether the exact sum hi + lo is positive (hi carries the sign unless hi = 0). */
  boolean positive() {
    return hi > 0 || (hi == 0 && lo > 0);
  }
}
