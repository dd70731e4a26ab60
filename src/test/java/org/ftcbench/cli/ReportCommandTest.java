package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftcbench.cli.MainTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ftcbench.analysis.FixtureRun;
import org.ftcbench.analysis.ManyRuns;
import org.ftcbench.cli.MainTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code report} command through the real command line. */
class ReportCommandTest {
  @TempDir Path tmp;

  @Test
  void reportsAllRunsUnderResultsAndPrintsTheIndexPath() {
    FixtureRun.write(tmp.resolve("results/host/20261126T235748Z"));
    Path out = tmp.resolve("reports");
    Result r =
        run("report", "--results", tmp.resolve("results").toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip())
        .isEqualTo(out.resolve("index.html").toAbsolutePath().normalize().toString());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void noticesGoToStderrOneLineEachAndTheExitCodeIsZero() throws Exception {
    Path runDir = FixtureRun.write(tmp.resolve("results/host/20261126T235748Z"));
    Files.delete(runDir.resolve("jmh.json"));
    Result r = run("report", runDir.toString(), "--out", tmp.resolve("reports").toString());
    assertThat(r.code()).isZero();
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .isEqualTo(
            "ftc-bench: report: fixture-host-test-cpu / 20261126T235748Z: jmh.json: missing: no kernel timings");
  }

  @Test
  void aFolderWithoutARunIsBadInput() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    for (String[] args :
        new String[][] {
          {"report", tmp.resolve("empty").toString()},
          {"report", tmp.resolve("nowhere").toString()},
          {"report", "--results", tmp.resolve("nothing").toString()}
        }) {
      run(args).badInputLine();
    }
  }

  @Test
  void theFrontPageIsTheCompleteRunUnlessTheUserNamesAnother() throws Exception {
    Path results = tmp.resolve("results");
    ManyRuns.write(results);
    Path out = tmp.resolve("reports");
    Result all = run("report", "--results", results.toString(), "--out", out.toString());
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("This page shows run <code>fixture-host-test-cpu / 20260101T000000Z</code>");

    // named together with the folder that holds all runs: the gemm-only run leads, all are listed
    Path gemm = results.resolve(ManyRuns.GEMM_ONLY);
    Result named = run("report", gemm.toString(), results.toString(), "--out", out.toString());
    assertThat(named.code()).as(named.err()).isZero();
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index)
        .contains("This page shows run <code>vm-amd-epyc / 20260102T000000Z</code>")
        .contains("named on the command line")
        .contains("All 4 runs are listed");
  }
}
