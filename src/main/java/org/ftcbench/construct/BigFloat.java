package org.ftcbench.construct;

import java.math.BigInteger;

/**
 * A binary floating-point number m · 2^e with a {@link BigInteger} mantissa, rounded to {@link
 * #BITS} significant bits after every operation: about 60 decimal digits, more than the 159 bits of
 * three doubles. It is the arithmetic of the constructions' solvers ({@link PiecewiseLinear}) and
 * of the exact check's kink table ({@link ExactForward}). Binary, so that a double converts to it
 * and back exactly and fast (a decimal {@link java.math.BigDecimal} goes through a string to make a
 * double); immutable, like BigDecimal.
 */
final class BigFloat implements Comparable<BigFloat> {
  /** Significant bits kept. */
  static final int BITS = 200;

  static final BigFloat ZERO = new BigFloat(BigInteger.ZERO, 0);

  private final BigInteger m;
  private final int e;

  private BigFloat(BigInteger m, int e) {
    this.m = m;
    this.e = e;
  }

  /** m · 2^e rounded to {@link #BITS} bits (to nearest, ties away from zero). */
  private static BigFloat rounded(BigInteger m, int e) {
    int excess = m.bitLength() - BITS;
    if (excess <= 0) {
      return m.signum() == 0 ? ZERO : new BigFloat(m, e);
    }
    BigInteger half = BigInteger.ONE.shiftLeft(excess - 1);
    BigInteger r = m.signum() > 0 ? m.add(half) : m.subtract(half);
    BigInteger q = r.signum() > 0 ? r.shiftRight(excess) : r.negate().shiftRight(excess).negate();
    return new BigFloat(q, e + excess);
  }

  /** The double v exactly. */
  static BigFloat of(double v) {
    if (!Double.isFinite(v)) {
      throw new ArithmeticException("not a finite number: " + v);
    }
    if (v == 0) {
      return ZERO;
    }
    long bits = Double.doubleToRawLongBits(v);
    int exponent = (int) ((bits >> 52) & 0x7ff);
    long mantissa = bits & ((1L << 52) - 1);
    if (exponent == 0) {
      exponent = 1; // subnormal
    } else {
      mantissa |= 1L << 52;
    }
    return new BigFloat(BigInteger.valueOf(v < 0 ? -mantissa : mantissa), exponent - 1075);
  }

  /** hi + lo + third, exactly (to {@link #BITS} bits). */
  static BigFloat of(double hi, double lo, double third) {
    BigFloat v = of(hi);
    return lo == 0 && third == 0 ? v : v.add(of(lo)).add(of(third));
  }

  BigFloat add(BigFloat o) {
    if (o.m.signum() == 0) {
      return this;
    }
    if (m.signum() == 0) {
      return o;
    }
    BigFloat big = top() >= o.top() ? this : o;
    BigFloat small = big == this ? o : this;
    if (big.top() - small.top() > BITS + 2) {
      return big; // below the rounding of the larger
    }
    int e0 = Math.min(e, o.e);
    BigInteger sum = m.shiftLeft(e - e0).add(o.m.shiftLeft(o.e - e0));
    return rounded(sum, e0);
  }

  BigFloat negate() {
    return new BigFloat(m.negate(), e);
  }

  BigFloat subtract(BigFloat o) {
    return add(o.negate());
  }

  BigFloat multiply(BigFloat o) {
    return rounded(m.multiply(o.m), e + o.e);
  }

  /** this / o to {@link #BITS} bits. */
  BigFloat divide(BigFloat o) {
    if (o.m.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (m.signum() == 0) {
      return ZERO;
    }
    int shift = BITS + 2 + o.m.bitLength() - m.bitLength();
    BigInteger q = (shift > 0 ? m.shiftLeft(shift) : m.shiftRight(-shift)).divide(o.m);
    return rounded(q, e - o.e - shift);
  }

  int signum() {
    return m.signum();
  }

  /** The position of the leading bit, log2 |this| rounded down (for zero: Integer.MIN_VALUE). */
  private int top() {
    return m.signum() == 0 ? Integer.MIN_VALUE : e + m.bitLength() - 1;
  }

  /** The nearest double. */
  double doubleValue() {
    if (m.signum() == 0) {
      return 0;
    }
    // the 62 leading bits of |m| as a long, then one correctly rounded conversion
    BigInteger abs = m.abs();
    int drop = Math.max(0, abs.bitLength() - 62);
    long lead = abs.shiftRight(drop).longValue();
    if (drop > 0 && abs.getLowestSetBit() < drop) {
      lead |= 1; // a sticky bit: round as the exact value would
    }
    double v = Math.scalb((double) lead, e + drop);
    return m.signum() < 0 ? -v : v;
  }

  /** This as hi + lo, the nearest double and the nearest double to the rest. */
  double[] doubleDouble() {
    double hi = doubleValue();
    return new double[] {hi, subtract(of(hi)).doubleValue()};
  }

  @Override
  public int compareTo(BigFloat o) {
    return subtract(o).signum();
  }

  @Override
  public String toString() {
    return toBigDecimal().round(java.math.MathContext.DECIMAL128).toString();
  }

  /** The exact decimal value. */
  java.math.BigDecimal toBigDecimal() {
    java.math.BigDecimal v = new java.math.BigDecimal(m);
    return e >= 0
        ? v.multiply(new java.math.BigDecimal(BigInteger.TWO.pow(e)))
        : v.divide(new java.math.BigDecimal(BigInteger.TWO.pow(-e)));
  }
}
