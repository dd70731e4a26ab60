package org.ftcbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Per-N summaries of raw samples for drawing: median, minimum and maximum of the finite ones. */
final class Samples {
  private Samples() {}

  /** Rows {N, median, min, max} over N with at least one finite sample (optionally > 0 only). */
  static double[][] summary(SortedMap<Double, double[]> samples, boolean positiveOnly) {
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
      rows.add(new double[] {e.getKey(), median(v), v[0], v[v.length - 1]});
    }
    double[][] out = new double[4][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < 4; j++) {
        out[j][i] = rows.get(i)[j];
      }
    }
    return out;
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
