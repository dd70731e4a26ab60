package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.capacity.SweepItem;
import org.ftcbench.capacity.TaskKey;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pre-training-quality and data-shape experiments: their keys, their plan, a real sweep. */
class DataExperimentsTest {
  /** Only the two experiments, small: the other sweeps of the quick profile are off. */
  static final List<String> ONLY_EXPERIMENTS =
      List.of(
          "sweep.fig9.enabled=false",
          "sweep.scaling.enabled=false",
          "sweep.certify.n=",
          "sweep.lora.enabled=false",
          "sweep.training.max_steps=150",
          "sweep.training.plateau_window=50",
          "sweep.fraction.enabled=true",
          "sweep.fraction.k=20",
          "sweep.fraction.fractions=0.1,0.5,1",
          "sweep.fraction.d=3",
          "sweep.fraction.max_m=16",
          "sweep.fraction.criteria=paper",
          "sweep.structure.enabled=true",
          "sweep.structure.families=gaussian;clusters:centres=3,sigma=1e-4",
          "sweep.structure.d=1,3",
          "sweep.structure.n=4",
          "sweep.structure.k=5N",
          "sweep.structure.depths=2",
          "sweep.structure.max_m=16");

  static SweepWork work(List<String> overrides) {
    Map<String, String> o = new java.util.LinkedHashMap<>();
    for (String kv : overrides) {
      int eq = kv.indexOf('=');
      o.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return SweepWork.read(Profile.load(Profile.FOLDER, "quick", o));
  }

  @Test
  void theQuickProfileRunsBothExperiments() {
    DataExperiments e = DataExperiments.read(Profile.load(Profile.FOLDER, "quick", Map.of()));
    assertThat(e.taskSweeps())
        .extracting(t -> t.name())
        .containsExactly(DataExperiments.FRACTION, DataExperiments.STRUCTURE);
    // fraction: N = round(fraction · K) at K = 300, up to N = K (memorization)
    assertThat(e.taskSweeps().get(0).tasks())
        .extracting(TaskKey::n)
        .containsExactly(15, 60, 300, 15, 60, 300);
    // structure: a family's spec keeps its commas; ';' separates the families
    assertThat(e.taskSweeps().get(1).tasks())
        .extracting(TaskKey::data)
        .contains("gaussian", "line", "clusters:centres=8,sigma=1e-4");
    assertThat(e.certifyPoints()).contains(new CertifySweep.Point(300, 300, 10, 1));
  }

  @Test
  void thePlanHasATaskPerDepthNDFamilyAndACertifiedPointPerNDFamily() {
    SweepWork w = work(ONLY_EXPERIMENTS);
    List<TaskKey> tasks = w.plan().items().stream().map(SweepItem::task).toList();
    // fraction: 2 depths × N ∈ {2, 10, 20}; structure: 2 families × d ∈ {1, 3} × depth 2
    assertThat(tasks).hasSize(6 + 4);
    assertThat(tasks)
        .contains(
            new TaskKey(3, 20, 20, 3, 1),
            new TaskKey(2, 4, 20, 1, 1, "clusters:centres=3,sigma=1e-4", ResultFiles.ADDITIVE));
    assertThat(w.plan().capacityRows()).isEqualTo(10); // one criterion (paper)
    // certified: 3 fraction points and 4 structure points; every construction of both depths
    assertThat(w.certifyPoints())
        .hasSize(3 + 4)
        .contains(
            new CertifySweep.Point(20, 20, 3, 1),
            new CertifySweep.Point(4, 20, 3, 1, "clusters:centres=3,sigma=1e-4"));
  }

  @Test
  void disabledExperimentsAddNothingButTheirKeysAreStillChecked() {
    List<String> off = List.of("sweep.fraction.enabled=false", "sweep.structure.enabled=false");
    SweepWork w = work(off);
    assertThat(w.plan().items())
        .allSatisfy(i -> assertThat(i.task().data()).isEqualTo(ResultFiles.GAUSSIAN));
    List<String> badButOff = new ArrayList<>(off);
    badButOff.add("sweep.structure.families=gaussian;blob");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> work(badButOff))
        .hasMessageContaining("sweep.structure.families")
        .hasMessageContaining("'blob'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sweep.fraction.fractions=0,1",
        "sweep.fraction.fractions=0.1,1.5",
        "sweep.fraction.fractions=tenth",
        "sweep.fraction.fractions=0.001",
        "sweep.fraction.k=2",
        "sweep.fraction.depths=4",
        "sweep.fraction.enabled=yes",
        "sweep.fraction.max_m=1",
        "sweep.structure.families=gaussian;blob",
        "sweep.structure.families=clusters:centres=3",
        "sweep.structure.families=gaussian,line",
        "sweep.structure.families=;",
        "sweep.structure.d=0",
        "sweep.structure.n=-3",
        "sweep.structure.k=xN",
        "sweep.structure.seeds=",
        "sweep.structure.criteria=strict",
      })
  void badSettingsGiveOneLineAndExit2BeforeAnyWork(String bad, @TempDir Path tmp) {
    Path run = tmp.resolve("run");
    List<String> args =
        new ArrayList<>(List.of("sweep", "--profile", "quick", "--run", run.toString()));
    args.addAll(ONLY_EXPERIMENTS);
    args.add(bad);
    String line = SweepCommandTest.run(args).badInputLine();
    // the line names the experiment's key group (sweep.fraction or sweep.structure)
    assertThat(line).contains(bad.substring(0, bad.indexOf('.', "sweep.".length())));
    assertThat(run).doesNotExist();
  }

  /** A real sweep: trained and certified rows of both experiments, each with its data family. */
  @Test
  void aSmallSweepWritesBothExperimentsRowsWithTheirData(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    List<String> args =
        new ArrayList<>(List.of("sweep", "--profile", "quick", "--run", run.toString()));
    args.addAll(ONLY_EXPERIMENTS);
    args.add("sweep.threads=2");
    SweepCommandTest.run(args).okOut();

    try (CsvLog capacity =
            CsvLog.open(run.resolve(RunFolder.CAPACITY), ResultFiles.CAPACITY.header());
        CsvLog certify =
            CsvLog.open(run.resolve(RunFolder.CERTIFY), ResultFiles.CERTIFY.header())) {
      List<Map<String, String>> trained = capacity.rows();
      assertThat(trained).hasSize(10);
      assertThat(trained)
          .filteredOn(r -> r.get(ResultFiles.DATA).startsWith("clusters"))
          .hasSize(2)
          .allSatisfy(
              r -> assertThat(r.get(ResultFiles.DATA)).isEqualTo("clusters:centres=3,sigma=1e-4"));
      assertThat(trained)
          .filteredOn(r -> r.get(ResultFiles.N).equals("20"))
          .extracting(r -> r.get(ResultFiles.DEPTH))
          .containsExactlyInAnyOrder("2", "3");
      // 7 points × every construction (both depths), each with its largest |weight|
      List<Map<String, String>> certified = certify.rows();
      assertThat(certified).hasSize(7 * CertifySweep.ALL.size());
      assertThat(certified)
          .filteredOn(r -> r.get(ResultFiles.DATA).startsWith("clusters"))
          .hasSize(2 * CertifySweep.ALL.size());
      assertThat(certified)
          .allSatisfy(
              r -> {
                assertThat(Double.parseDouble(r.get(ResultFiles.MAX_ABS_WEIGHT))).isPositive();
                assertThat(Double.parseDouble(r.get(ResultFiles.MAX_ABS_RESIDUAL)))
                    .isLessThan(1e-6);
              });
    }
  }
}
