package org.ftcbench.compare;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The noise floor of one benchmark point from A/A comparisons on a machine: k comparisons of the
 * same configuration with itself, each giving x = ln(B/A), which only noise moves. With s² = Σx²/k
 * (their mean is 0 by design), the next A/A comparison's |x| stays below t_{k, 0.975}·s with
 * probability 95% under normal noise (a prediction bound: x/s is Student-t with k degrees of
 * freedom, whatever k is). So a difference within
 *
 * <pre>  f = exp(t_{k,0.975} · s) − 1  </pre>
 *
 * is one this machine shows between identical runs one time in twenty or more, and compare does not
 * label it (criterion.rs's noise threshold, asv's factor, measured instead of fixed). Few pairs
 * give a wide floor (t_1 = 12.7, t_2 = 4.3, t_4 = 2.8, t_9 = 2.3): calibrate with several.
 *
 * @param fraction f, e.g. 0.12 for ±12%
 * @param pairs k, the A/A comparisons it comes from
 * @param pairing how those A/A runs were measured
 */
public record NoiseFloor(double fraction, int pairs, Pairing pairing) {
  /** The floor of A/A log ratios x (at least one). */
  public static NoiseFloor of(double[] logRatios, Pairing pairing) {
    int k = logRatios.length;
    if (k == 0) {
      throw new IllegalArgumentException("no A/A comparison");
    }
    double sumSq = 0;
    for (double x : logRatios) {
      sumSq += x * x;
    }
    double s = Math.sqrt(sumSq / k);
    double t = new TDistribution(k).inverseCumulativeProbability(0.975);
    return new NoiseFloor(Math.expm1(t * s), k, pairing);
  }
}
