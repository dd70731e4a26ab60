package org.ftcbench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkPlanTest {
  @TempDir Path tmp;

  @Test
  void optimalIterationsFollowCochransAllocation() {
    // r* = √((c_f/c_i)·(w/b)): a fork costs 4 s, an iteration 1 s, iteration noise 4× the fork's
    ForkPlan plan = new ForkPlan(4, 1);
    assertThat(plan.optimalIterations(0.01, 0.04)).isCloseTo(4.0, within(1e-12));
    assertThat(plan.optimalIterations(0.04, 0.0001)).isEqualTo(1.0); // never below one
    assertThat(plan.optimalIterations(0, 0.01)).isInfinite(); // forks alike: iterate
    assertThat(plan.seconds(3, 2)).isEqualTo(18.0);
  }

  @Test
  void forksVaryingMoreThanIterationsCallForMoreForks() {
    ForkPlan costs = new ForkPlan(1, 0.3);
    List<ForkPlan.Point> forkNoise = List.of(new ForkPlan.Point(0.01, 0.0025, costs));
    double budget = costs.seconds(2, 6);
    ForkPlan.Choice c = ForkPlan.choose(forkNoise, budget, 10);
    assertThat(c.forks()).isGreaterThan(2);
    assertThat(c.seconds()).isLessThanOrEqualTo(budget * (1 + 1e-9));
    assertThat(c.width()).isLessThan(ForkPlan.evaluate(forkNoise, 2, 6).width());
    // iteration noise only, and forks expensive: keep few forks, iterate
    ForkPlan dear = new ForkPlan(20, 0.3);
    List<ForkPlan.Point> iterationNoise = List.of(new ForkPlan.Point(0.0, 0.01, dear));
    ForkPlan.Choice d = ForkPlan.choose(iterationNoise, dear.seconds(3, 20), 40);
    assertThat(d.forks()).isEqualTo(3);
    assertThat(d.iterations()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void theReportSplitsRunForkAndIterationNoise() throws Exception {
    Path a =
        new JmhFixture()
            .forks(4)
            .point(JmhFixture.real("dgemm", 10), "avgt", 100.0, 0.02, 1)
            .write(tmp.resolve("m/r1"), "quick", "cpu");
    Path b =
        new JmhFixture()
            .forks(4)
            .point(JmhFixture.real("dgemm", 10), "avgt", 130.0, 0.02, 2)
            .write(tmp.resolve("m/r2"), "quick", "cpu");
    Files.writeString(
        a.resolve("jmh.json"),
        Files.readString(a.resolve("jmh.json"))
            .replace(
                "\"threads\":1",
                "\"threads\":1,\"warmupIterations\":1,\"warmupTime\":\"300"
                    + " ms\",\"measurementTime\":\"300 ms\""));
    String text = VarianceReport.render(List.of(a, b), 1.5, new int[] {2, 3});
    // two runs 30% apart: a large run component; iterations at 2% and no fork effect
    assertThat(text).contains("fork start-up and set-up given").contains("Gemm.dgemm [size=10]");
    String row = text.lines().filter(l -> l.startsWith("Gemm.dgemm")).findFirst().orElseThrow();
    String[] cols = row.substring(62).trim().split("\\s+");
    assertThat(cols[0]).isEqualTo("4×5");
    assertThat(Double.parseDouble(cols[2].replace("%", ""))).isBetween(15.0, 25.0); // run
    assertThat(Double.parseDouble(cols[4].replace("%", ""))).isBetween(1.0, 3.0); // iteration
    assertThat(text).contains("now                         2 forks ×  3 iterations");
  }
}
