package org.ftcbench.construct;

/**
 * How far the 3-layer constructions push non-assigned points into the clipping region. Any positive
 * values give exact interpolation in exact arithmetic; they trade the size of the layer-2 slopes
 * (which grow with the threshold) against the room left for rounding.
 *
 * @param margin how far beyond the activation's flat region every clipped pre-activation must lie;
 *     0.25 is eight orders of magnitude above the rounding of the pre-activations at K = 10⁵ and
 *     raises the weights by only a quarter
 * @param rampWidth δ of σ_L (U3) and σ_T (Appendix A): the ramps' width; 1 keeps their slopes 1/δ
 *     and 1 + 1/δ small, at the price of a clipping threshold 2 + margin instead of 1 + margin
 */
public record ClipSettings(double margin, double rampWidth) {
  public static ClipSettings defaults() {
    return new ClipSettings(0.25, 1.0);
  }

  /** θ for hard-tanh and bump neurons: |F| ≥ 1 + margin. */
  double hardTanhThreshold() {
    return 1 + margin;
  }

  /** θ for σ_L and σ_T neurons: |F| ≥ 1 + δ + margin. */
  double rampThreshold() {
    return 1 + rampWidth + margin;
  }
}
