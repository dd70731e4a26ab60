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
            "depth,construction,N,K,d,seed,neurons,params,upper_bound,lower_bound,max_abs_residual,build_ms,verify_ms,data");
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
}
