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
 * <p>The centre is the <b>geometric mean</b>, the one summary over seeds used everywhere (figures,
 * fits and the comparison of two machines). Why: the power-law fit is a least-squares line through
 * log y ({@link PowerLaw}), whose point per N is the mean of log y, i.e. the geometric mean;
 * drawing the same centre puts the markers, the fitted line and the residuals on one reference, and
 * on the log axes where these series are read it is the middle of the seeds' spread. A sample of 0
 * (m_min = 0: g = 0 already meets the criterion) makes the centre 0, its limit; log axes and fits
 * leave samples ≤ 0 out first and count them ({@link PowerLawFit#nonPositive()}).
 *
 * @param n the N (or K) of each point, ascending
 * @param centre the geometric mean of each point's samples
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

  /**
   * The geometric mean of the finite values: exp(mean ln v); 0 when a value is 0, NaN when there is
   * none or one is negative. Seeds that agree give their value exactly (exp(ln 12) is not 12).
   */
  public static double centre(double[] values) {
    double logs = 0;
    int count = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        if (v < 0) {
          return Double.NaN;
        }
        logs += Math.log(v);
        count++;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    return min == max ? min : Math.exp(logs / count);
  }

  public boolean isEmpty() {
    return n.length == 0;
  }

  private static double[] column(List<double[]> rows, int j) {
    return rows.stream().mapToDouble(r -> r[j]).toArray();
  }
}
