package org.ftcbench.bench;

import java.util.concurrent.TimeUnit;
import org.ftcbench.construct.Certifier;
import org.ftcbench.construct.ClipSettings;
import org.ftcbench.construct.Construction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Building and verifying the certified adapter of {@link AdapterTask}'s task (depth, N, K): the
 * cost of a certificate, issue 5. Depth 2 builds the two-layer interpolant (Theorem 4.1, Eq. 6, m ≤
 * 3N + 1); depth 3 builds U3, the kept-set construction of Theorem 5.1 (m = 6⌈√(3N + 2)⌉, the size
 * {@link AdapterWidths} gives the other benchmarks). Both then evaluate f + g on all K samples and
 * take max_i |(f + g)(x_i) − y'_i| (Eq. 2), as construct's {@link Certifier} does for {@code
 * certify}: once exactly (double-double, the certificate) and once in float64.
 *
 * <p>Expected in N: building is dominated by projecting and sorting the K samples (O(K log K),
 * fixed across N at fixed K) plus solving for the construction's weights; verification is f's
 * forward pass, g's float64 pass over its distinct weight rows (O(K · m) at depth 2, O(K · d1 · √N)
 * at depth 3) and the exact pass along the projection (O(K log K + K · units)). flops.csv records 0
 * FLOPs: construction is not BLAS work, so there is no GFLOP/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Certify {
  // the projection's seed is the task's own, as `certify --seed` does
  /** The construction the benchmarks' adapter widths come from, for the depth. */
  public static Construction construction(int depth) {
    return switch (depth) {
      case 2 -> Construction.TWO_LAYER_INTERPOLANT;
      case 3 -> Construction.U3_KEPT_SET;
      default -> throw new IllegalArgumentException("depth " + depth + ": 2 or 3");
    };
  }

  /**
   * Builds the construction and verifies it on all K samples; returns the certificate max_i |(f +
   * g)(x_i) − y'_i|.
   */
  @Benchmark
  public double buildAndVerify(AdapterTask t) {
    return Certifier.certify(t.task, construction(t.depth), t.task.seed(), ClipSettings.defaults())
        .verification()
        .maxAbsResidual();
  }
}
