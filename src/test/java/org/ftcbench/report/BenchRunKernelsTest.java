package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.analysis.Columns;
import org.ftcbench.analysis.JmhResults;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.results.Csv;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The kernel figures of a real {@code ftc-bench bench} run folder (resources analysis/bench-run:
 * jmh.json, flops.csv and env.json of {@code bench --profile quick bench.forks=1
 * bench.N=10,100,1000 bench.K=1000 bench.benchmarks=trainStep,forward,backward,gemm,plainJava
 * bench.warmupIterations=1 bench.warmupMillis=100 bench.measurementIterations=2
 * bench.measurementMillis=100 bench.gemm.size=128,512}): every figure drawn from the suite's own
 * benchmark names, parameters and flops.csv.
 */
class BenchRunKernelsTest {
  @TempDir Path dir;
  RunData run;

  @BeforeEach
  void load() throws IOException {
    for (String f : List.of(RunFolder.JMH, RunFolder.FLOPS, RunFolder.ENV)) {
      try (InputStream in =
          BenchRunKernelsTest.class.getResourceAsStream("/org/ftcbench/analysis/bench-run/" + f)) {
        Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    run = RunLoader.load(dir);
  }

  @Test
  void gflopsAreFlopsCsvOverTheMeasuredTime() throws IOException {
    Map<String, Double> flops = new HashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve(RunFolder.FLOPS));
    for (String line : lines.subList(1, lines.size())) {
      List<String> r = Csv.parse(line);
      flops.put(
          r.get(0).substring(r.get(0).lastIndexOf('.', r.get(0).lastIndexOf('.') - 1) + 1)
              + " "
              + r.get(1),
          Double.parseDouble(r.get(8)));
    }
    Table t = run.jmh().orElseThrow().table();
    assertThat(t.rowCount()).isEqualTo(lines.size() - 1);
    assertThat(run.notices())
        .noneMatch(n -> n.file().equals(RunFolder.FLOPS) || n.file().equals(RunFolder.JMH));
    for (int i = 0; i < t.rowCount(); i++) {
      String name = t.stringColumn(Columns.BENCHMARK).get(i);
      double seconds = t.doubleColumn(Columns.SECONDS).getDouble(i);
      double g = t.doubleColumn("gflops").getDouble(i);
      assertThat(g).as(name).isPositive();
      if (name.equals("TrainStep.step")) {
        String key =
            "TrainStep.step K="
                + t.intColumn(Columns.K).getInt(i)
                + ";N="
                + t.intColumn(Columns.N).getInt(i)
                + ";depth="
                + t.intColumn(Columns.DEPTH).getInt(i)
                + ";fMode="
                + t.stringColumn(JmhResults.F_MODE).get(i);
        assertThat(g).isCloseTo(flops.get(key) / seconds / 1e9, within(1e-9 * g));
      }
    }
    assertThat(t.stringColumn(Columns.BENCHMARK).unique().asList())
        .contains("TrainStep.step", "Gemm.dgemm", "PlainJavaForward.plainJava", "Forward.fPlusG");
  }

  @Test
  void everyKernelFigureIsDrawnFromTheRun() {
    FigureBlock gflops = KernelFigures.gflops(run);
    assertThat(gflops.isDrawn()).isTrue();
    assertThat(gflops.caption()).contains("Best gemm rate in this run");

    FigureBlock cached = KernelFigures.cachedVsRecompute(run);
    assertThat(cached.isDrawn()).isTrue();
    assertThat(cached.caption())
        .contains("TrainStep.step [K=1000, depth=2, fMode=RECOMPUTE] at N = 1000")
        .contains("TrainStep.step [K=1000, depth=3, fMode=RECOMPUTE] at N = 1000");

    FigureBlock crossover = KernelFigures.plainVsBlas(run);
    assertThat(crossover.isDrawn()).isTrue();
    assertThat(crossover.caption())
        .contains("PlainJavaForward.jblas [depth=2, rows=1]: ")
        .contains("PlainJavaForward.jblas [depth=2, rows=1024]: ");
  }

  @Test
  void theKernelsPageHasNoNotShownBox(@TempDir Path out) throws IOException {
    ReportWriter.write(List.of(dir), out, org.ftcbench.analysis.FitSettings.defaults());
    String html = Files.readString(out.resolve("kernels.html"));
    assertThat(html).doesNotContain("class=\"absent\"").contains("flops.csv</a>");
  }
}
