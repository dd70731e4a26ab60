package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.cli.MainTest.Result;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.results.Csv;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LoRA sweep (sweep.lora.*) alone, tiny and real: worker processes, files, resume. */
class LoraSweepTest {
  /** Only the LoRA sweep, on f of width 4 (ranks 1 … 4), d = 3, short trainings. */
  static final List<String> TINY_LORA =
      List.of(
          "sweep.training.max_steps=150",
          "sweep.training.plateau_window=50",
          "sweep.fig9.enabled=false",
          "sweep.scaling.enabled=false",
          "sweep.k_independence.enabled=false",
          "sweep.fraction.enabled=false",
          "sweep.structure.enabled=false",
          "sweep.certify.n=10",
          "sweep.lora.width=4",
          "sweep.lora.variants=all/frozen,last/trainable",
          "sweep.lora.n=5",
          "sweep.lora.k=2N",
          "sweep.lora.k_dependence.n=5",
          "sweep.lora.k_dependence.k=2N,4N",
          "sweep.lora.depths=2,3",
          "sweep.lora.depths_n=5",
          "sweep.lora.d=3",
          "sweep.lora.criteria=relative:0.1",
          "sweep.lora.m_start=1");

  static List<String> sweep(Path run, List<String> more) {
    List<String> a =
        new ArrayList<>(List.of("sweep", "--profile", "quick", "--run", run.toString()));
    a.addAll(TINY_LORA);
    a.addAll(more);
    return a;
  }

  static Result run(List<String> args) {
    return MainTest.run(args.toArray(String[]::new));
  }

  /** capacity.csv's rows as column → value maps would be nicer; the header's order is fixed. */
  static List<List<String>> rows(Path file) throws Exception {
    return Files.readAllLines(file).stream().skip(1).map(Csv::parse).toList();
  }

  @Test
  void aLoraSweepWritesRowsWithItsAdapterAndResumes(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    Result first = run(sweep(run, List.of("sweep.threads=2")));
    assertThat(first.code()).as(first.err()).isZero();
    // tasks: 2 variants at (L=3, N=5, K=10); the first also at K=20 and at L=2 (L=3 is shared)
    assertThat(first.err()).contains("4/4 tasks");
    List<String> header = Csv.parse(Files.readAllLines(run.resolve(RunFolder.CAPACITY)).get(0));
    int adapter = header.indexOf("adapter");
    int depth = header.indexOf("depth");
    int m = header.indexOf("m_min");
    List<List<String>> capacity = rows(run.resolve(RunFolder.CAPACITY));
    assertThat(capacity).hasSize(4);
    assertThat(capacity)
        .extracting(r -> r.get(adapter))
        .containsOnly(
            "lora:width=4,layers=all,bias=frozen", "lora:width=4,layers=last,bias=trainable");
    assertThat(capacity).extracting(r -> r.get(depth)).containsOnly("2", "3");
    for (List<String> r : capacity) {
      // a rank from 1 to D, or empty: censored at D
      assertThat(r.get(m)).matches("[1-4]?");
      LoraSpec.parse(r.get(adapter));
    }
    List<String> cellHeader = Csv.parse(Files.readAllLines(run.resolve(RunFolder.CELLS)).get(0));
    assertThat(rows(run.resolve(RunFolder.CELLS)))
        .allSatisfy(r -> assertThat(r.get(cellHeader.indexOf("adapter"))).startsWith("lora:"));

    Result again = run(sweep(run, List.of("sweep.threads=2")));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("4/4 tasks, 0 cells trained");
    assertThat(rows(run.resolve(RunFolder.CAPACITY))).isEqualTo(capacity);
  }

  @Test
  void aTaskNoRankUpToTheWidthFitsIsCensoredAtD(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    Result r =
        run(
            sweep(
                run,
                List.of(
                    "sweep.threads=1",
                    "sweep.lora.width=2",
                    "sweep.lora.variants=last/frozen",
                    "sweep.lora.k_dependence.n=",
                    "sweep.lora.depths=3",
                    "sweep.lora.n=8",
                    "sweep.lora.depths_n=8",
                    "sweep.lora.criteria=relative:1e-12")));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> header = Csv.parse(Files.readAllLines(run.resolve(RunFolder.CAPACITY)).get(0));
    List<List<String>> capacity = rows(run.resolve(RunFolder.CAPACITY));
    assertThat(capacity)
        .singleElement()
        .satisfies(row -> assertThat(row.get(header.indexOf("m_min"))).isEmpty());
    // the search went up to r = D = 2 and no further
    List<String> cellHeader = Csv.parse(Files.readAllLines(run.resolve(RunFolder.CELLS)).get(0));
    assertThat(rows(run.resolve(RunFolder.CELLS)))
        .extracting(row -> row.get(cellHeader.indexOf("m")))
        .containsExactlyInAnyOrder("1", "2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"quick", "standard", "full"})
  void everyProfilePlansALoraSweepBesideTheOthers(String name) {
    SweepWork work = SweepWork.read(Profile.load(Profile.FOLDER, name, java.util.Map.of()));
    long lora =
        work.plan().items().stream().filter(i -> LoraSpec.isLora(i.task().adapter())).count();
    assertThat(lora).isGreaterThan(0).isLessThan(work.plan().items().size());
    assertThat(work.settings().loras()).singleElement();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sweep.lora.no_such_key=1",
        "sweep.lora.width=0",
        "sweep.lora.variants=all/open",
        "sweep.lora.variants=",
        "sweep.lora.depth=1",
        "sweep.lora.depths=1,2",
        "sweep.lora.m_start=9",
        "sweep.lora.k_dependence.k=1",
        "sweep.lora.k=half",
        "sweep.lora.criteria=strict",
        "sweep.lora.enabled=maybe"
      })
  void badLoraSettingsGiveOneLineAndExit2(String bad, @TempDir Path tmp) {
    Path run = tmp.resolve("run");
    run(sweep(run, List.of(bad))).badInputLine();
    assertThat(run).doesNotExist();
  }
}
