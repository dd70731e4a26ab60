package org.ftcbench.compare;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
    String[] parts = benchmark.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
  }

  /** A readable label, e.g. "Forward.forward [N=100, depth=2] avgt". */
  public String label() {
    String p =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    return shortName() + (p.isEmpty() ? "" : " [" + p + "]") + " " + mode;
  }

  @Override
  public int compareTo(BenchmarkPoint o) {
    return label().compareTo(o.label());
  }
}
