package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CertifiedWidthsTest {
  /** certify.csv rows (depth, construction, N, K, seed, neurons, params, upper, lower). */
  static Table certify(Object[]... rows) {
    Table t =
        Table.create(
            IntColumn.create(Columns.DEPTH),
            StringColumn.create(Columns.CONSTRUCTION),
            IntColumn.create(Columns.N),
            IntColumn.create(Columns.K),
            LongColumn.create(Columns.SEED),
            DoubleColumn.create(Columns.NEURONS),
            DoubleColumn.create(Columns.PARAMS),
            DoubleColumn.create(Columns.UPPER_BOUND),
            DoubleColumn.create(Columns.LOWER_BOUND));
    for (Object[] r : rows) {
      t.intColumn(0).append((Integer) r[0]);
      t.stringColumn(1).append((String) r[1]);
      t.intColumn(2).append((Integer) r[2]);
      t.intColumn(3).append((Integer) r[3]);
      t.longColumn(4).append((Long) r[4]);
      for (int j = 5; j < 9; j++) {
        t.doubleColumn(j).append((Double) r[j]);
      }
    }
    return t;
  }

  @Test
  void theWidthIsTheFewestNeuronsOverUOneToThreeWithThatConstructionsParams() {
    Table w =
        CertifiedWidths.perSeed(
            certify(
                new Object[] {3, "three-layer-u1-yun", 10, 100, 1L, 40.0, 661.0, 40.0, 8.0},
                new Object[] {3, "three-layer-u2-bump", 10, 100, 1L, 50.0, 881.0, 50.0, 9.0},
                new Object[] {3, "three-layer-u3-kept-set", 10, 100, 1L, 34.0, 399.0, 36.0, 7.0},
                new Object[] {3, Columns.COMPARISON_ONLY, 10, 100, 1L, 20.0, 100.0, 20.0, 30.0},
                new Object[] {3, "three-layer-u1-yun", 10, 100, 2L, Double.NaN, 1.0, 41.0, 8.0},
                new Object[] {3, "three-layer-u3-kept-set", 10, 100, 2L, 35.0, 400.0, 37.0, 8.0}));
    assertThat(w.rowCount()).isEqualTo(2);
    Table seed1 = w.where(w.longColumn(Columns.SEED).isEqualTo(1));
    assertThat(seed1.doubleColumn(Columns.NEURONS).get(0)).isEqualTo(34.0); // not Appendix A's 20
    assertThat(seed1.doubleColumn(Columns.PARAMS).get(0)).isEqualTo(399.0);
    assertThat(seed1.doubleColumn(Columns.UPPER_BOUND).get(0)).isEqualTo(36.0);
    assertThat(seed1.doubleColumn(Columns.LOWER_BOUND).get(0)).isEqualTo(9.0);
    Table seed2 = w.where(w.longColumn(Columns.SEED).isEqualTo(2));
    // a construction without a width (NaN) never wins
    assertThat(seed2.doubleColumn(Columns.NEURONS).get(0)).isEqualTo(35.0);
    assertThat(seed2.doubleColumn(Columns.PARAMS).get(0)).isEqualTo(400.0);
  }
}
