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

  /**
   * @param lower L_j for each neuron
   * @param upper R_j for each neuron (R_j > L_j)
   * @param cMin the smallest projection of the data
   * @param cMax the largest projection of the data
   */
  IntervalLayer(double[] lower, double[] upper, double cMin, double cMax) {
    this.lower = lower.clone();
    this.upper = upper.clone();
    this.exactBefore = new boolean[lower.length];
    for (int j = 0; j < lower.length; j++) {
      if (!(upper[j] > lower[j])) {
        throw new IllegalStateException(
            "interval " + j + " is [" + lower[j] + ", " + upper[j] + "], not a proper interval");
      }
      // exact before ⇔ the cancelling side is after: choose it when less data lies after
      exactBefore[j] = cMax - upper[j] <= lower[j] - cMin;
    }
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

  /** u_j(c) ∈ [0, 2] in exact arithmetic terms (the construction's view of the ramp). */
  double u(int j, double c) {
    double v = 2 * (c - lower[j]) / (upper[j] - lower[j]);
    return Math.max(0, Math.min(2, v));
  }

  /**
   * Writes W1 (2n1 × d) and b1 (2n1): rows 2j and 2j+1 are the two ReLUs of neuron j, reading ℓ_j =
   * s_j aᵀx + r_j with s_j = 2/(R_j − L_j), r_j = −(L_j + R_j)/(R_j − L_j).
   */
  void write(double[] a, DoubleMatrix w1, DoubleMatrix b1) {
    int rows = 2 * size();
    for (int j = 0; j < size(); j++) {
      double s = 2 / (upper[j] - lower[j]);
      double r = -(lower[j] + upper[j]) / (upper[j] - lower[j]);
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
   * row} (length 2n1) and returns the bias: u_j = h_{2j} − h_{2j+1} (exact before) or 2 − h_{2j} +
   * h_{2j+1} (exact after).
   */
  double writeRow(double f1, double[] omega, double[] row) {
    double bias = f1;
    for (int j = 0; j < size(); j++) {
      if (exactBefore[j]) {
        row[2 * j] = omega[j];
        row[2 * j + 1] = -omega[j];
      } else {
        row[2 * j] = -omega[j];
        row[2 * j + 1] = omega[j];
        bias += 2 * omega[j];
      }
    }
    return bias;
  }
}
