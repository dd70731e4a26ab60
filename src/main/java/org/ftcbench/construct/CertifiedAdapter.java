package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;

/**
 * One construction built and verified on one task.
 *
 * @param construction which construction
 * @param weights the adapter g as a plain ReLU network, with double-double low parts where it has
 *     them
 * @param verification its residuals on all K samples
 * @param upperBound the construction's own neuron bound for (N, K)
 * @param lowerBound the theorem's lower bound on m* for (N, K) at this depth
 * @param buildMillis projecting, sorting and building, in milliseconds
 * @param verifyMillis evaluating f + g on all samples, in milliseconds
 * @param outputScale s ≥ 1: the 3-layer constructions were built for z / s and their output layer
 *     multiplied by s (1 when max |z| ≤ 1, and always for depth 2)
 */
public record CertifiedAdapter(
    Construction construction,
    PreciseNetwork weights,
    Verification verification,
    long upperBound,
    long lowerBound,
    double buildMillis,
    double verifyMillis,
    double outputScale) {

  /** The float64 network (the weights rounded to double). */
  public DenseNetwork network() {
    return weights.network();
  }

  /** The number of hidden ReLUs m. */
  public int neurons() {
    return network().neurons();
  }

  public boolean passed() {
    return verification.passed();
  }
}
