package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which run the front page shows, and what the overview says of each run. */
class RunOverviewTest {
  @TempDir Path tmp;

  static RunOverview overview(List<Path> dirs, List<Path> named) {
    return RunOverview.of(dirs.stream().map(RunLoader::load).toList(), named);
  }

  static RunSummary find(RunOverview o, Path dir) {
    return o.runs().stream().filter(s -> s.dir().equals(dir)).findFirst().orElseThrow();
  }

  @Test
  void theCompleteRunLeadsAndTheNewerPartialRunsAreListedAsWhatTheyAre() {
    List<Path> dirs = ManyRuns.write(tmp.resolve("results"));
    Path complete = dirs.get(0);
    Path gemm = dirs.get(1);
    Path other = dirs.get(2);
    Path unfinished = dirs.get(3);
    RunOverview o = overview(dirs, List.of());

    assertThat(o.front().dir()).isEqualTo(complete);
    assertThat(o.reason()).isEqualTo("the newest run with certified and trained widths");
    assertThat(o.newerThanFront())
        .extracting(RunSummary::dir)
        .containsExactly(gemm, other, unfinished);

    RunSummary c = find(o, complete);
    assertThat(c.status()).isEqualTo(RunSummary.Status.COMPLETE);
    assertThat(c.certifiedN()).containsExactly(10, 30, 100, 300, 1000, 3000, 10000);
    assertThat(c.trainedN()).contains(10, 1000);
    assertThat(c.fig9()).isTrue();
    assertThat(c.kIndependenceN()).contains(100); // K = 200, 1000, 10000 at N = 100
    assertThat(c.notices()).isEmpty();

    // a bench-only run is not a broken run: its missing sweep files are no notices
    RunSummary g = find(o, gemm);
    assertThat(g.status()).isEqualTo(RunSummary.Status.BENCH_ONLY);
    assertThat(g.machine()).isEqualTo("vm-amd-epyc");
    assertThat(g.benchmarks()).containsExactlyInAnyOrder("Gemm.callOverhead", "Gemm.dgemm");
    assertThat(g.kernelPoints()).isEqualTo(3); // dgemm at size 128 and 512, callOverhead
    assertThat(g.certifiedN()).isEmpty();
    assertThat(g.notices()).isEmpty();

    RunSummary s = find(o, other);
    assertThat(s.status()).isEqualTo(RunSummary.Status.SWEEP_ONLY);
    assertThat(s.machine()).isEqualTo("blas-system");
    assertThat(s.notices())
        .extracting(Notice::oneLine)
        .containsExactly(
            "capacity.csv: missing: no trained minimum widths",
            "cells.csv: missing: no Fig. 9 loss heatmap");

    RunSummary u = find(o, unfinished);
    assertThat(u.status()).isEqualTo(RunSummary.Status.UNFINISHED);
    assertThat(u.hasCertified() && u.hasTrained()).isTrue();
    assertThat(u.notices())
        .extracting(Notice::oneLine)
        .anyMatch(n -> n.startsWith("env.json: the sweep has not finished"));

    assertThat(o.byMachine().keySet())
        .containsExactly("fixture-host-test-cpu", "blas-system", "vm-amd-epyc");
    assertThat(o.byMachine().get("fixture-host-test-cpu"))
        .extracting(RunSummary::dir)
        .containsExactly(unfinished, complete);
  }

  @Test
  void withoutAFinishedRunTheUnfinishedOneWithBothWidthsLeads() {
    List<Path> dirs = ManyRuns.write(tmp.resolve("results"));
    RunOverview o = overview(dirs.subList(1, 4), List.of());
    assertThat(o.front().dir()).isEqualTo(dirs.get(3));
    assertThat(o.reason()).contains("none has finished");
    // and without it, the run with certified widths, not the newer-than-it bench-only run
    assertThat(overview(dirs.subList(1, 3), List.of()).front().dir()).isEqualTo(dirs.get(2));
    assertThat(overview(dirs.subList(1, 2), List.of()).reason())
        .isEqualTo("the newest run (none has certified or trained widths)");
  }

  @Test
  void aRunNamedOnTheCommandLineLeadsWhateverItHolds() {
    List<Path> dirs = ManyRuns.write(tmp.resolve("results"));
    RunOverview o = overview(dirs, List.of(dirs.get(1)));
    assertThat(o.front().dir()).isEqualTo(dirs.get(1));
    assertThat(o.reason()).isEqualTo("named on the command line");
    assertThat(o.runs()).hasSize(4);
    RunOverview two = overview(dirs, List.of(dirs.get(1), dirs.get(0)));
    assertThat(two.front().dir()).isEqualTo(dirs.get(0));
    assertThat(two.reason()).endsWith("of those named");
  }

  @Test
  void stagesComeFromEnvJsonWhereItRecordsThemAndFromTheFilesOtherwise() throws Exception {
    // older env.json without stage records: every file is expected
    Path legacy = FixtureRun.write(tmp.resolve("legacy"));
    Files.delete(legacy.resolve(RunFolder.JMH));
    RunData run = RunLoader.load(legacy);
    assertThat(run.progress())
        .isEqualTo(new RunProgress(RunProgress.Stage.UNRECORDED, RunProgress.Stage.UNRECORDED, ""));
    assertThat(run.notices())
        .extracting(Notice::oneLine)
        .contains("jmh.json: missing: no kernel timings");
    assertThat(RunSummary.of(run).status()).isEqualTo(RunSummary.Status.PARTIAL);

    // a bench run that failed or was killed
    Path failed = tmp.resolve("failed");
    Files.createDirectories(failed);
    Files.writeString(
        failed.resolve(RunFolder.ENV),
        "{\"machine\": \"m\", \"bench\": {\"status\": \"failed: fork exited with 134\"}}");
    RunData f = RunLoader.load(failed);
    assertThat(f.progress().bench()).isEqualTo(RunProgress.Stage.FAILED);
    assertThat(f.progress().sweep()).isEqualTo(RunProgress.Stage.NOT_RUN);
    assertThat(f.notices())
        .extracting(Notice::oneLine)
        .containsExactly(
            "jmh.json: missing: no kernel timings",
            "env.json: the bench run failed: fork exited with 134");
    assertThat(RunSummary.of(f).status()).isEqualTo(RunSummary.Status.FAILED);

    Files.writeString(failed.resolve(RunFolder.ENV), "{\"bench\": {\"status\": \"running\"}}");
    assertThat(RunSummary.of(RunLoader.load(failed)).status())
        .isEqualTo(RunSummary.Status.UNFINISHED);

    // a finished sweep whose bench never started: jmh.json is not missing, the run is sweep only
    Path sweep = FixtureRun.write(tmp.resolve("sweep"));
    Files.delete(sweep.resolve(RunFolder.JMH));
    Files.writeString(
        sweep.resolve(RunFolder.ENV),
        "{\"end\": \"2026-01-01T00:00:00Z\", \"sweep_settings\": {}}");
    RunData s = RunLoader.load(sweep);
    assertThat(s.notices()).isEmpty();
    assertThat(RunSummary.of(s).status()).isEqualTo(RunSummary.Status.SWEEP_ONLY);
  }
}
