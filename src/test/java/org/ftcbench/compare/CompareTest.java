package org.ftcbench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {
  @TempDir Path tmp;

  @Test
  void ratioOfKnownScalingIsRecoveredWithANarrowInterval() {
    double[][] a = new double[8][5];
    double[][] b = new double[8][5];
    java.util.Random rng = new java.util.Random(1);
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 5; j++) {
        a[i][j] = 10 * (1 + 0.01 * rng.nextGaussian());
        b[i][j] = 20 * (1 + 0.01 * rng.nextGaussian());
      }
    }
    Ratio r = HierarchicalBootstrap.of(a, b, 7);
    assertThat(r.ratio()).isCloseTo(2.0, within(0.01));
    assertThat(r.low()).isLessThan(r.ratio()).isGreaterThan(1.98);
    assertThat(r.high()).isGreaterThan(r.ratio()).isLessThan(2.02);
    assertThat(r.pValue()).isLessThan(1e-6);
  }

  private static Ratio ratio(double r, double low, double high, double p) {
    return new Ratio(r, low, high, p, Double.NaN, Double.NaN);
  }

  @Test
  void labelRules() {
    double floor = 0.05;
    // within the floor: same, whether or not the difference is significant
    assertThat(Label.of(ratio(1.01, 0.99, 1.03), floor, false)).isEqualTo(Label.SAME);
    assertThat(Label.of(ratio(1.04, 1.03, 1.05, 0.001), floor, false)).isEqualTo(Label.SAME);
    assertThat(Label.of(ratio(1.02, 0.8, 1.3, 0.6), floor, false)).isEqualTo(Label.SAME);
    // beyond the floor and significant: time per op, B slower / faster
    assertThat(Label.of(ratio(1.3, 1.2, 1.4, 0.001), floor, false)).isEqualTo(Label.SLOWER);
    assertThat(Label.of(ratio(0.7, 0.6, 0.8, 0.001), floor, false)).isEqualTo(Label.FASTER);
    // throughput: larger is better
    assertThat(Label.of(ratio(1.3, 1.2, 1.4, 0.001), floor, true)).isEqualTo(Label.FASTER);
    // beyond the floor, not significant: inconclusive
    assertThat(Label.of(ratio(1.3, 0.8, 1.9, 0.3), floor, false)).isEqualTo(Label.INCONCLUSIVE);
    // significant beyond 5% but within a calibrated 40% floor: same
    assertThat(Label.of(ratio(1.3, 1.2, 1.4, 0.001), 0.40, false)).isEqualTo(Label.SAME);
    // one fork: no test, so never faster or slower
    assertThat(Label.of(Ratio.withoutInterval(2.0), floor, false)).isEqualTo(Label.INCONCLUSIVE);
    assertThat(Label.of(Ratio.withoutInterval(1.01), floor, false)).isEqualTo(Label.SAME);
    // the floor is symmetric on the log scale: 1/1.05 is on its edge
    assertThat(Label.of(ratio(1 / 1.05, 0.9, 0.96, 0.001), floor, false)).isEqualTo(Label.SAME);
  }

  private static Ratio ratio(double r, double low, double high) {
    return ratio(r, low, high, 0.5);
  }

  @Test
  void aRunComparedWithItselfIsSameEverywhere() throws Exception {
    Path a =
        forwardAndGemm(100, new double[] {5.0, 50.0, 1000.0}, new double[] {0.08, 0.2, 0.1}, 1)
            .write(tmp.resolve("a"), "quick", "cpu");
    Comparison c = Comparison.of(a, a, 0.05);
    assertThat(c.points()).hasSize(3);
    assertThat(c.points()).allMatch(p -> p.label() == Label.SAME);
    assertThat(c.mismatches()).isEmpty();
    assertThat(c.regressions(0.0)).isEmpty();
  }

  @Test
  void aClearSlowdownIsLabelledAndMismatchesAreReported() throws Exception {
    double[] jitter = {0.01, 0.01, 0.01};
    Path a =
        forwardAndGemm(100, new double[] {5.0, 50.0, 1000.0}, jitter, 1)
            .write(tmp.resolve("a"), "quick", "cpu A");
    Path b =
        forwardAndGemm(1000, new double[] {6.0, 500.0, 1500.0}, jitter, 4)
            .write(tmp.resolve("b"), "standard", "cpu B");
    Comparison c = Comparison.of(a, b, 0.05);
    assertThat(c.points()).hasSize(2);
    PointComparison forward = pointOf(c, ".fPlusG");
    assertThat(forward.label()).isEqualTo(Label.SLOWER);
    assertThat(forward.slowdown()).isCloseTo(0.2, within(0.02));
    PointComparison gemm = pointOf(c, ".dgemm");
    assertThat(gemm.label()).isEqualTo(Label.FASTER);
    assertThat(c.onlyInA()).hasSize(1);
    assertThat(c.onlyInB()).hasSize(1);
    assertThat(c.mismatches()).anyMatch(m -> m.contains("profiles differ"));
    assertThat(c.regressions(0.10)).hasSize(1);
    assertThat(c.regressions(0.30)).isEmpty();
    String text = ComparisonSummary.render(c);
    assertThat(text).contains("* cpu_model").contains("only in A").contains("slower");
  }

  /**
   * Three points: fPlusG at N = 10 and {@code nLarge} (time per op) and dgemm at size 10
   * (throughput), with {@code means} and {@code jitters} in that order and seeds seed, seed + 1,
   * seed + 2.
   */
  private static JmhFixture forwardAndGemm(
      int nLarge, double[] means, double[] jitters, long seed) {
    return new JmhFixture()
        .point(JmhFixture.real("fPlusG", 10), "avgt", means[0], jitters[0], seed)
        .point(JmhFixture.real("fPlusG", nLarge), "avgt", means[1], jitters[1], seed + 1)
        .point(JmhFixture.real("dgemm", 10), "thrpt", means[2], jitters[2], seed + 2);
  }

  /** The first compared point whose benchmark name ends with {@code suffix}. */
  private static PointComparison pointOf(Comparison c, String suffix) {
    return c.points().stream()
        .filter(p -> p.point().benchmark().endsWith(suffix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void pointsSortByBenchmarkThenNumericParameters() {
    BenchmarkPoint n20 = new BenchmarkPoint("x.B.run", "avgt", java.util.Map.of("N", "20"));
    BenchmarkPoint n100 = new BenchmarkPoint("x.B.run", "avgt", java.util.Map.of("N", "100"));
    BenchmarkPoint d2 =
        new BenchmarkPoint("x.B.run", "avgt", java.util.Map.of("N", "20", "depth", "2"));
    BenchmarkPoint other = new BenchmarkPoint("x.A.run", "avgt", java.util.Map.of("N", "1000"));
    assertThat(new java.util.TreeSet<>(java.util.List.of(n100, d2, n20, other)))
        .containsExactly(other, n20, d2, n100);
    assertThat(n20.compareTo(new BenchmarkPoint("x.B.run", "avgt", java.util.Map.of("N", "20"))))
        .isZero();
  }
}
