package org.ftcbench.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ftcbench.nn.DenseNetwork;

/**
 * One JMH benchmark method at one parameter setting: the unit a bench run measures, forks and
 * records.
 *
 * @param benchmark the profile-level benchmark it belongs to
 * @param method the JMH benchmark method
 * @param params JMH parameter name → value, as they appear in jmh.json's {@code params}
 * @param widths the adapter's layer widths (d, …, 1), or empty for gemm
 * @param flops floating-point operations per benchmark operation ({@link Flops})
 */
public record BenchPoint(
    BenchmarkName benchmark, String method, Map<String, String> params, int[] widths, long flops) {

  public BenchPoint {
    params = new TreeMap<>(params); // JMH's order: by name
  }

  /** The JMH benchmark name, as in jmh.json's {@code benchmark} field. */
  public String jmhName() {
    return benchmark.jmhClass().getName() + "." + method;
  }

  /** params as {@code K=10000;N=10;depth=2}, sorted by name: the join key with jmh.json. */
  public String paramString() {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  /** For progress lines: {@code TrainStep.step K=10000 N=10 depth=2 fMode=CACHED}. */
  public String label() {
    String p =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
    return benchmark.jmhClass().getSimpleName() + "." + method + (p.isEmpty() ? "" : " " + p);
  }

  /** Hidden neurons m = d_1 + … + d_{L-1}; 0 without a network. */
  public int neurons() {
    return DenseNetwork.neurons(widths);
  }

  /** Trainable parameters Σ_l d_l (d_{l-1} + 1); 0 without a network. */
  public long parameters() {
    return DenseNetwork.parameterCount(widths);
  }
}
