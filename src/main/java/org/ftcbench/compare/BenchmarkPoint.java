package org.ftcbench.compare;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ftcbench.results.JmhResult;

/**
 * One measured point of a JMH run: a benchmark method, its mode and its parameter values. Two runs
 * are compared point by point.
 *
 * @param benchmark the fully qualified benchmark method, e.g. org.ftcbench.bench.Forward.forward
 * @param mode JMH's mode: avgt, sample, ss (time per operation: lower is better) or thrpt (higher
 *     is better)
 * @param params parameter name → value, sorted by name
 */
public record BenchmarkPoint(String benchmark, String mode, Map<String, String> params)
    implements Comparable<BenchmarkPoint> {
  public BenchmarkPoint {
    params = new TreeMap<>(params);
  }

  /** Whether a larger score is better (throughput) rather than worse (time per operation). */
  public boolean higherIsBetter() {
    return "thrpt".equals(mode);
  }

  /** The method name without its package, e.g. Forward.forward. */
  public String shortName() {
    return JmhResult.shortName(benchmark);
  }

  /** A readable label, e.g. "Forward.forward [N=100, depth=2] avgt". */
  public String label() {
    String p =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    return shortName() + (p.isEmpty() ? "" : " [" + p + "]") + " " + mode;
  }

  /**
   * Natural order: benchmark, mode, then the parameters name by name with numbers compared as
   * numbers (N = 20 before N = 100), so tables and figures list a benchmark's points by size.
   */
  @Override
  public int compareTo(BenchmarkPoint o) {
    int c = benchmark.compareTo(o.benchmark);
    if (c == 0) c = mode.compareTo(o.mode);
    if (c != 0) {
      return c;
    }
    TreeSet<String> names = new TreeSet<>(params.keySet());
    names.addAll(o.params.keySet());
    for (String name : names) {
      String a = params.get(name);
      String b = o.params.get(name);
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      c = compareValues(a, b);
      if (c != 0) {
        return c;
      }
    }
    return label().compareTo(o.label());
  }

  private static int compareValues(String a, String b) {
    try {
      int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
      return c != 0 ? c : a.compareTo(b);
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
