package org.ftcbench.construct;

import org.jblas.DoubleMatrix;

/**
 * Layer 1 of every 3-layer construction (Sohn et al. 2024, Eqs. 28–29 and 23; paper notes §3.4):
 * one hard-tanh "interval neuron" per group, non-clipping exactly on its interval [L_j, R_j] of the
 * projected line c = aᵀx. Neuron j outputs the ramp
 *
 * <pre>u_j(c) = clip(ℓ_j(c) + 1, 0, 2),   ℓ_j(c) = (2c − L_j − R_j) / (R_j − L_j),</pre>
 *
 * which is 0 before the interval, 2 after it and linear in between; u_j − 1 is the paper's β_j with
 * orientation +1. The paper's alternating orientation o_j only flips the sign of the layer-2 weight
 * of neuron j, so it is absorbed there ({@link LayerTwoSystem}).
 *
 * <p>Each ramp is 2 ReLUs, either relu(ℓ + 1) − relu(ℓ − 1) (exact for c before the interval) or 2
 * − relu(1 − ℓ) + relu(−1 − ℓ) (exact after it). On the other side both ReLUs grow with |ℓ| and
 * cancel, losing |ℓ|·ε; the form is chosen so that this side is the one towards the nearer end of
 * the data, where |ℓ| is smaller.
 */
final class IntervalLayer {
  private final double[] lower;
  private final double[] upper;
  private final boolean[] exactBefore;

  /** ℓ_j = scale_j · c + offset_j, scale_j with 26 significant bits (see {@link #write}). */
  private final double[] scale;

  private final double[] offset;

  /**
   * @param lower L_j for each neuron
   * @param upper R_j for each neuron (R_j > L_j)
   * @param cMin the smallest projection of the data
   * @param cMax the largest projection of the data
   */
  IntervalLayer(double[] lower, double[] upper, double cMin, double cMax) {
    this(lower, upper, cMin, cMax, true);
  }

  /**
   * The same with scales 2/(R_j − L_j) as computed, not rounded to 26 bits: for Appendix A, whose
   * layer-2 weights are designed for exactly these intervals (so its rows are not exact multiples
   * of a, and its certificate is checked in float64).
   */
  static IntervalLayer withExactEnds(double[] lower, double[] upper, double cMin, double cMax) {
    return new IntervalLayer(lower, upper, cMin, cMax, false);
  }

  private IntervalLayer(
      double[] lower, double[] upper, double cMin, double cMax, boolean shortScales) {
    this.lower = lower.clone();
    this.upper = upper.clone();
    this.exactBefore = new boolean[lower.length];
    this.scale = new double[lower.length];
    this.offset = new double[lower.length];
    for (int j = 0; j < lower.length; j++) {
      if (!(upper[j] > lower[j])) {
        throw new IllegalStateException(
            "interval " + j + " is [" + lower[j] + ", " + upper[j] + "], not a proper interval");
      }
      scale[j] = 2 / (upper[j] - lower[j]);
      scale[j] = shortScales ? Projection.shortMantissa(scale[j]) : scale[j];
      offset[j] =
          shortScales
              ? onGridOfOne(-scale[j] * (lower[j] + upper[j]) / 2)
              : -(lower[j] + upper[j]) / (upper[j] - lower[j]);
      // exact before ⇔ the cancelling side is after: choose it when less data lies after
      exactBefore[j] = cMax - upper[j] <= lower[j] - cMin;
    }
  }

  /**
   * r rounded to a multiple of ulp(|r| + 2), so that the two biases r + 1 and r − 1 are exact: a
   * clipped ramp is then (ℓ + 1) − (ℓ − 1) = 2 exactly, not 2 ± ulp(r), which the λ-scaled layer-2
   * weights would multiply. It moves the interval by about 1e−16 of r.
   */
  static double onGridOfOne(double r) {
    double grid = Math.ulp(Math.abs(r) + 2);
    return Math.rint(r / grid) * grid;
  }

  /** n1, the number of interval neurons (each is 2 ReLUs). */
  int size() {
    return lower.length;
  }

  double lower(int j) {
    return lower[j];
  }

  double upper(int j) {
    return upper[j];
  }

  /** u_j(c) = clip(ℓ_j(c) + 1, 0, 2), in double (the construction's view of the ramp). */
  double u(int j, double c) {
    double v = scale[j] * c + offset[j] + 1;
    return Math.max(0, Math.min(2, v));
  }

  /**
   * u_j at the exact projection cHi + cLo, as the written network computes it in exact arithmetic
   * from its stored first-layer weights and biases (a rounded bias makes it differ from {@link #u}
   * in the last bits, which the λ-scaled layer-2 weights multiply), into out.
   */
  DoubleDouble exactU(int j, double cHi, double cLo, DoubleDouble out) {
    double dir = exactBefore[j] ? 1 : -1;
    double first =
        relu(out.setZero().add(dir * offset[j] + 1).addProduct(dir * scale[j], cHi, cLo));
    double firstLo = first == 0 ? 0 : out.lo();
    double second =
        relu(out.setZero().add(dir * offset[j] - 1).addProduct(dir * scale[j], cHi, cLo));
    double secondLo = second == 0 ? 0 : out.lo();
    // exact before: u = h_{2j} − h_{2j+1}; exact after: u = 2 − h_{2j} + h_{2j+1}
    out.setZero().add(first, firstLo).add(-second, -secondLo);
    if (!exactBefore[j]) {
      out.set(-out.hi(), -out.lo()).add(2);
    }
    return out;
  }

  private static double relu(DoubleDouble v) {
    return v.positive() ? v.hi() : 0;
  }

  /**
   * Writes W1 (2n1 × d) and b1 (2n1): rows 2j and 2j+1 are the two ReLUs of neuron j, reading ℓ_j =
   * s_j aᵀx + r_j with s_j ≈ 2/(R_j − L_j) rounded to 26 bits and r_j = −s_j (L_j + R_j)/2. a has
   * 26-bit entries too ({@link Projection#shortMantissa}), so every row is exactly ±s_j a.
   */
  void write(double[] a, DoubleMatrix w1, DoubleMatrix b1) {
    int rows = 2 * size();
    for (int j = 0; j < size(); j++) {
      double s = scale[j];
      double r = offset[j];
      double dir = exactBefore[j] ? 1 : -1;
      for (int col = 0; col < a.length; col++) {
        w1.data[col * rows + 2 * j] = dir * s * a[col];
        w1.data[col * rows + 2 * j + 1] = dir * s * a[col];
      }
      // exact before: relu(ℓ + 1), relu(ℓ − 1); exact after: relu(1 − ℓ), relu(−1 − ℓ)
      b1.data[2 * j] = dir * r + 1;
      b1.data[2 * j + 1] = dir * r - 1;
    }
  }

  /**
   * Writes the layer-2 weights that make the pre-activation F(c) = f1 + Σ_j ω_j u_j(c) into {@code
   * row} (length 2n1) and {@code rowLow} (their double-double low parts), and the bias into {@code
   * bias}: u_j = h_{2j} − h_{2j+1} (exact before) or 2 − h_{2j} + h_{2j+1} (exact after).
   */
  void writeRow(LayerTwoSystem.Row f, double[] row, double[] rowLow, DoubleDouble bias) {
    bias.setZero().add(f.f1());
    for (int j = 0; j < size(); j++) {
      double hi = f.omega()[j];
      double lo = f.omegaLow()[j];
      double sign = exactBefore[j] ? 1 : -1;
      row[2 * j] = sign * hi;
      rowLow[2 * j] = sign * lo;
      row[2 * j + 1] = -sign * hi;
      rowLow[2 * j + 1] = -sign * lo;
      if (!exactBefore[j]) {
        bias.add(2 * hi, 2 * lo);
      }
    }
  }
}
