package org.ftcbench.nn;

import java.util.List;

/** Lists of parameter or gradient arrays, compared as one long vector. */
final class ParameterLists {
  private ParameterLists() {}

  /** Each array of {@code arrays}, in the precision of {@code kernels}, copied to double. */
  static <A> List<double[]> inDouble(Kernels<A> kernels, List<A> arrays) {
    return arrays.stream()
        .map(
            a -> {
              double[] v = new double[kernels.length(a)];
              kernels.toDoubles(a, v);
              return v;
            })
        .toList();
  }

  /** ‖a‖₂ over all entries. */
  static double norm(List<double[]> a) {
    double sq = 0;
    for (double[] v : a) {
      for (double x : v) {
        sq += x * x;
      }
    }
    return Math.sqrt(sq);
  }

  /** ‖a − b‖₂ over all entries; a and b have the same shapes. */
  static double distance(List<double[]> a, List<double[]> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(a.size() + " arrays against " + b.size());
    }
    double sq = 0;
    for (int p = 0; p < a.size(); p++) {
      if (a.get(p).length != b.get(p).length) {
        throw new IllegalArgumentException(
            "array " + p + ": " + a.get(p).length + " against " + b.get(p).length + " entries");
      }
      for (int i = 0; i < a.get(p).length; i++) {
        double e = a.get(p)[i] - b.get(p)[i];
        sq += e * e;
      }
    }
    return Math.sqrt(sq);
  }
}
