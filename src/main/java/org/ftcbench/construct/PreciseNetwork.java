package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;

/**
 * An adapter whose parameters are double-double numbers: parameter = network + low, entry by entry.
 * {@code network} is the plain float64 ReLU network everyone runs; {@code low} (same shapes, or
 * null when every parameter is a double) holds what rounding to double dropped. The 3-layer
 * constructions need it: their λ-scaled layer-2 weights (10⁶–10¹⁰ at K = 10⁴–10⁵) place the
 * assigned points' pre-activations only to ulp(weight) ≈ 1e−7 as doubles. The certificate is the
 * double-double network, checked exactly ({@link ExactForward}) and exported as exact decimals.
 *
 * @param network the parameters rounded to double
 * @param low the low parts, or null if they are all 0
 */
public record PreciseNetwork(DenseNetwork network, DenseNetwork low) {

  /** A network whose parameters are doubles. */
  public static PreciseNetwork of(DenseNetwork network) {
    return new PreciseNetwork(network, null);
  }

  /** The low part of parameter (row, col) of layer l's weights, 0 without low parts. */
  public double lowWeight(int l, int row, int col) {
    return low == null ? 0 : low.weight(l).get(row, col);
  }

  /** The low part of layer l's bias entry row. */
  public double lowBias(int l, int row) {
    return low == null ? 0 : low.bias(l).get(row);
  }
}
