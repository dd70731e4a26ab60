package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The records the capacity page draws: the Fig. 9 grid and the K-independence lines. */
class PageDataTest {
  @TempDir Path dir;

  @Test
  void theFig9GridIsTheMeanLossOverNAndMAtThePapersK() {
    RunData run = RunLoader.load(FixtureRun.write(dir));
    Fig9Grid g = Fig9Grid.of(run).orElseThrow();
    assertThat(g.k()).isEqualTo(1000);
    assertThat(g.ns()).hasSize(25).startsWith(10, 30).endsWith(490);
    assertThat(g.ms()).containsExactly(6, 12, 18, 24, 30, 36, 42, 48);
    // one seed per cell in the fixture: the mean is the cell's loss
    Table cells = run.cells().orElseThrow();
    Table cell =
        cells.where(
            cells
                .intColumn(Columns.N)
                .isEqualTo(250)
                .and(cells.intColumn(Columns.M).isEqualTo(18)));
    assertThat(g.meanLoss()[g.ms().indexOf(18)][g.ns().indexOf(250)])
        .isEqualTo(cell.doubleColumn(Columns.FINAL_LOSS).getDouble(0));
    // the steps come from capacity.csv's paper criterion at K = 1000: N = 10, 50, …, 490, and
    // N = 500 of the K = 2N sweep
    assertThat(g.fromCapacity()).isTrue();
    assertThat(g.minWidth().n()).hasSize(14).startsWith(10, 50).endsWith(490, 500);
    assertThat(g.minWidth().centre()[0]).isZero(); // g = 0 passes at N = 10
  }

  @Test
  void withoutThePapersKTheGridTakesTheKWithTheMostCellsTheSmallestOnATie() {
    Table d3 =
        Table.create(
            IntColumn.create(Columns.DEPTH, 3, 3, 3, 3, 3),
            IntColumn.create(Columns.K, 500, 200, 200, 500, 900));
    assertThat(Fig9Grid.chooseK(d3)).isEqualTo(200);
  }

  @Test
  void kIndependenceLinesHoldOneNAtTwoOrMoreK() {
    KIndependence k = KIndependence.of(RunLoader.load(FixtureRun.write(dir)));
    // the fixture ran depth 3, relative:0.1, N = 100 at K = 200 (also the K = 2N sweep), 1000,
    // 10000
    assertThat(k.lines())
        .extracting(KIndependence.Line::name)
        .contains("trained, depth 3, relative:0.1, N = 100");
    KIndependence.Line line =
        k.lines().stream()
            .filter(l -> l.name().equals("trained, depth 3, relative:0.1, N = 100"))
            .findFirst()
            .orElseThrow();
    assertThat(line.byK().keySet()).containsExactly(200.0, 1000.0, 10000.0);
    assertThat(line.byK().get(200.0)).hasSize(6); // 3 seeds from each sweep
    assertThat(line.byK().get(1000.0)).hasSize(3);
    assertThat(line.spread().centre()[1]).isEqualTo(SampleSpread.centre(line.byK().get(1000.0)));
    assertThat(k.ns()).contains(100);
    // a line needs two K: no N of the K = 2N sweep alone makes one
    assertThat(k.lines()).allSatisfy(l -> assertThat(l.byK()).hasSizeGreaterThanOrEqualTo(2));
  }
}
