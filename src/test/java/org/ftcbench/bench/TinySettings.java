package org.ftcbench.bench;

import java.util.List;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.Precision;

/**
 * {@link BenchSettings} for tests: the shortest JMH run (one fork, no warm-up, one 10 ms iteration)
 * on tiny networks (K = 40, N = 3, depth 2), each setting changeable before {@link #build}.
 */
final class TinySettings {
  private List<BenchmarkName> benchmarks;
  private int forks = 1;
  private int k = 40;
  private List<Integer> n = List.of(3);
  private List<Integer> depths = List.of(2);
  private List<Integer> certifyN = List.of(3);
  private boolean gcProfiler;

  TinySettings(List<BenchmarkName> benchmarks) {
    this.benchmarks = benchmarks;
  }

  TinySettings forks(int forks) {
    this.forks = forks;
    return this;
  }

  TinySettings k(int k) {
    this.k = k;
    return this;
  }

  TinySettings n(Integer... n) {
    this.n = List.of(n);
    return this;
  }

  TinySettings depths(Integer... depths) {
    this.depths = List.of(depths);
    return this;
  }

  TinySettings certifyN(Integer... certifyN) {
    this.certifyN = List.of(certifyN);
    return this;
  }

  TinySettings gcProfiler(boolean on) {
    this.gcProfiler = on;
    return this;
  }

  BenchSettings build() {
    return new BenchSettings(
        benchmarks,
        forks,
        0,
        1,
        1,
        10,
        k,
        n,
        depths,
        List.of(FMode.CACHED),
        List.of(Precision.FLOAT64),
        List.of(8),
        List.of(2),
        List.of(3),
        List.of(4),
        certifyN,
        gcProfiler,
        List.of(2));
  }
}
