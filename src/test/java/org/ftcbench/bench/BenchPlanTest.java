package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ftcbench.results.Csv;
import org.junit.jupiter.api.Test;

class BenchPlanTest {
  static BenchSettings certifyOnly() {
    return new TinySettings(List.of(BenchmarkName.CERTIFY))
        .k(1000)
        .n(10)
        .depths(2, 3)
        .certifyN(10, 300)
        .build();
  }

  @Test
  void certifyHasAPointPerDepthAndCertifyNWithTheCertifiedWidthsAndNoFlops() {
    List<BenchPoint> points = BenchPlan.points(certifyOnly());
    assertThat(points)
        .extracting(BenchPoint::label)
        .containsExactly(
            "Certify.buildAndVerify K=1000 N=10 depth=2",
            "Certify.buildAndVerify K=1000 N=300 depth=2",
            "Certify.buildAndVerify K=1000 N=10 depth=3",
            "Certify.buildAndVerify K=1000 N=300 depth=3");
    assertThat(points).allMatch(p -> p.flops() == 0);
    assertThat(points.get(1).neurons()).isEqualTo(901); // 3N + 1
    assertThat(points.get(3).neurons()).isEqualTo(6 * 31); // 6⌈√902⌉

    List<String> csv = BenchPlan.flopsCsv(points).lines().toList();
    assertThat(Csv.parse(csv.get(1)))
        .containsExactly(
            "org.ftcbench.bench.Certify.buildAndVerify",
            "K=1000;N=10;depth=2",
            "2",
            "10",
            "1000",
            "10-31-1",
            "31",
            "373",
            "0");
  }
}
