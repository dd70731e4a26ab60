package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelCurvesTest {
  static KernelCurves.Curve curve(String name, double[] n, double[] seconds) {
    return new KernelCurves.Curve(name, 2, n, seconds, seconds, seconds);
  }

  @Test
  void jblasIsFasterFromTheFirstNFromWhichItStaysFaster() {
    double[] n = {10, 100, 1000, 10000};
    KernelCurves.Curve plain = curve("plain", n, new double[] {1, 5, 50, 500});
    assertThat(KernelCurves.crossover(plain, curve("blas", n, new double[] {2, 4, 60, 100})))
        .isEqualTo("jblas faster from N = 10000 on");
    assertThat(KernelCurves.crossover(plain, curve("blas", n, new double[] {2, 4, 40, 100})))
        .isEqualTo("jblas faster from N = 100 on");
    assertThat(KernelCurves.crossover(plain, curve("blas", n, new double[] {2, 6, 60, 600})))
        .isEqualTo("plain Java is faster at the largest N measured");
    assertThat(
            KernelCurves.crossover(
                plain, curve("blas", new double[] {20, 30}, new double[] {1, 1})))
        .isEqualTo("no common N");
  }
}
