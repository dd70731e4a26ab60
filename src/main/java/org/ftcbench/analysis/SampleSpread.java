package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A series as drawn: one point per N, the centre of that N's samples (seeds, or JMH samples) and
 * their range.
 *
 * <p>The centre is the median.
 *
 * @param n the N (or K) of each point, ascending
 * @param centre the median of each point's samples
 * @param low the smallest sample of each point
 * @param high the largest sample of each point
 */
public record SampleSpread(double[] n, double[] centre, double[] low, double[] high) {

  /** The points with at least one finite sample (and, for log axes, only N > 0 and samples > 0). */
  public static SampleSpread of(SortedMap<Double, double[]> samples, boolean positiveOnly) {
    List<double[]> rows = new ArrayList<>();
    for (Map.Entry<Double, double[]> e : samples.entrySet()) {
      double[] v =
          Arrays.stream(e.getValue())
              .filter(x -> Double.isFinite(x) && (!positiveOnly || x > 0))
              .sorted()
              .toArray();
      if (v.length == 0 || (positiveOnly && !(e.getKey() > 0))) {
        continue;
      }
      rows.add(new double[] {e.getKey(), centre(v), v[0], v[v.length - 1]});
    }
    return new SampleSpread(column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3));
  }

  /** The median of the finite values; NaN when there is none. */
  public static double centre(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    int n = v.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  public boolean isEmpty() {
    return n.length == 0;
  }

  private static double[] column(List<double[]> rows, int j) {
    return rows.stream().mapToDouble(r -> r[j]).toArray();
  }
}
