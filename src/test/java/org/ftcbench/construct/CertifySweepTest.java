package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertifySweepTest {
  @TempDir Path dir;

  @Test
  void writesOneRowPerConstructionWithTheDesignColumnsAndResumes() throws Exception {
    Path file = dir.resolve("certify.csv");
    List<CertifySweep.Point> points =
        List.of(
            new CertifySweep.Point(3, 40, 4, 1),
            new CertifySweep.Point(10, 40, 4, 1),
            new CertifySweep.Point(5, 50, 4, 2));
    List<Construction> cs = Construction.certifiedCandidates(2);
    List<Construction> all = new ArrayList<>(cs);
    all.addAll(Construction.certifiedCandidates(3));
    List<int[]> progress = new ArrayList<>();
    CertifySweep.Summary s;
    try (CsvLog log = CsvLog.open(file, ResultFiles.CERTIFY.header())) {
      s =
          CertifySweep.run(
              points,
              all,
              ClipSettings.defaults(),
              CertifySweep.UNLIMITED,
              log,
              (d, t) -> progress.add(new int[] {d, t}));
    }
    assertThat(s.rowsWritten()).isEqualTo(12);
    assertThat(s.rowsSkipped()).isZero();
    assertThat(s.failures()).isEmpty();
    assertThat(progress.get(0)).containsExactly(0, 12);
    assertThat(progress.get(progress.size() - 1)).containsExactly(12, 12);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0))
        .isEqualTo(
            "depth,construction,N,K,d,seed,neurons,params,upper_bound,lower_bound,max_abs_residual,build_ms,verify_ms,data,max_abs_weight");
    assertThat(lines).hasSize(13);

    // the rows match certify on the same task (FineTuningTask.generate draws the same task)
    try (CsvLog log = CsvLog.open(file, ResultFiles.CERTIFY.header())) {
      Map<String, String> row = log.rows().get(0);
      assertThat(row.get("construction")).isEqualTo("two-layer-interpolant");
      FineTuningTask task = FineTuningTask.generate(40, 3, 4, 1);
      CertifiedAdapter r =
          Certifier.certify(task, Construction.TWO_LAYER_INTERPOLANT, 1, ClipSettings.defaults());
      assertThat(row.get("neurons")).isEqualTo(String.valueOf(r.neurons()));
      assertThat(row.get("upper_bound")).isEqualTo("10");
      assertThat(row.get("lower_bound")).isEqualTo("9");
      assertThat(Double.parseDouble(row.get("max_abs_residual")))
          .isEqualTo(r.verification().maxAbsResidual());
      // the largest |weight| of all layers, biases included
      assertThat(Double.parseDouble(row.get("max_abs_weight")))
          .isEqualTo(r.network().maxAbsParameter())
          .isPositive();

      // a second run with one more point computes only that point's rows
      List<CertifySweep.Point> more = new ArrayList<>(points);
      more.add(new CertifySweep.Point(0, 30, 4, 1));
      CertifySweep.Summary again =
          CertifySweep.run(
              more, all, ClipSettings.defaults(), CertifySweep.UNLIMITED, log, (d, t) -> {});
      assertThat(again.rowsSkipped()).isEqualTo(12);
      assertThat(again.rowsWritten()).isEqualTo(4);
      assertThat(log.rows()).hasSize(16);
      // N = 0: g = 0 with no neurons, for every construction
      assertThat(log.rows().subList(12, 16))
          .allSatisfy(r0 -> assertThat(r0.get("neurons")).isEqualTo("0"));

      // a cost cap leaves costly constructions unverified, without a row, and says so
      List<CertifySweep.Point> big = List.of(new CertifySweep.Point(20, 200, 4, 3));
      CertifySweep.Summary capped =
          CertifySweep.run(big, all, ClipSettings.defaults(), 200L * 100, log, (d, t) -> {});
      assertThat(capped.tooCostly()).isNotEmpty();
      assertThat(capped.tooCostly())
          .allSatisfy(tc -> assertThat(tc.multiplyAdds()).isGreaterThan(200L * 100));
      assertThat(capped.rowsWritten() + capped.tooCostly().size()).isEqualTo(4);
      assertThat(log.rows()).hasSize(16 + capped.rowsWritten());
    }
  }

  /**
   * Clusters of spread 1e−12 are the constructions' worst case (weights ∝ 1/(smallest projected
   * gap)): every construction still verifies exactly, with weights far beyond the Gaussian data's.
   */
  @Test
  void tightClustersCertifyExactlyWithHugeWeights() throws Exception {
    String tight = "clusters:centres=3,sigma=1e-12";
    List<CertifySweep.Point> points =
        List.of(new CertifySweep.Point(6, 30, 2, 1, tight), new CertifySweep.Point(6, 30, 2, 1));
    try (CsvLog log = CsvLog.open(dir.resolve("certify.csv"), ResultFiles.CERTIFY.header())) {
      CertifySweep.Summary s = CertifySweep.run(points, log, (d, t) -> {});
      assertThat(s.failures()).extracting(CertifySweep.Failure::oneLine).isEmpty();
      double gaussian = maxWeight(log.rows(), ResultFiles.GAUSSIAN);
      double clusters = maxWeight(log.rows(), tight);
      assertThat(clusters).isGreaterThan(1e6 * gaussian);
    }
  }

  private static double maxWeight(List<Map<String, String>> rows, String data) {
    return rows.stream()
        .filter(r -> r.get(ResultFiles.DATA).equals(data))
        .mapToDouble(r -> Double.parseDouble(r.get(ResultFiles.MAX_ABS_WEIGHT)))
        .max()
        .orElseThrow();
  }

  /** A failed certificate is one line saying which construction, where, which check and why. */
  @Test
  void aFailureSaysWhichCheckFailedAndWhy() {
    CertifySweep.Point p = new CertifySweep.Point(6, 30, 2, 1, "clusters:centres=3,sigma=1e-12");
    assertThat(
            new CertifySweep.Failure(p, Construction.TWO_LAYER_INTERPOLANT, 0.5, 1e-9, null)
                .oneLine())
        .isEqualTo(
            "two-layer-interpolant at N = 6, K = 30, d = 2, seed 1, data"
                + " clusters:centres=3,sigma=1e-12 failed the exactness check: max |g(x_i) − z_i|"
                + " = 0.500 > tolerance 1.00e-09");
    assertThat(
            new CertifySweep.Failure(
                    p, Construction.TWO_LAYER_INTERPOLANT, Double.NaN, Double.NaN, "no gap")
                .oneLine())
        .endsWith("could not be built: no gap")
        .doesNotContain("\n");
  }
}
