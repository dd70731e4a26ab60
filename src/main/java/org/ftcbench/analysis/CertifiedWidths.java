package org.ftcbench.analysis;

import static tech.tablesaw.aggregate.AggregateFunctions.first;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.min;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The certified width of each (depth, N, K, seed): the rule "the certified depth-3 width is the
 * minimum over U1–U3, never Appendix A" in one place.
 *
 * <p>A depth's certified width is the fewest neurons over that depth's construction rows of
 * certify.csv: for depth 3 the minimum over U1, U2 and U3 (Theorem 5.1); Appendix A ({@link
 * Columns#COMPARISON_ONLY}) is shown for comparison only and never counts.
 */
public final class CertifiedWidths {
  private CertifiedWidths() {}

  /**
   * One row per (depth, N, K, seed) with columns depth, N, K, seed, neurons (the fewest over the
   * constructions), params (of the construction with the fewest neurons), upper_bound (the smallest
   * of the rows) and lower_bound (the largest). Rows without depth, N or K are left out.
   */
  public static Table perSeed(Table certify) {
    Table rows =
        candidates(certify)
            // the construction with the fewest neurons first in each group, so that "first" is it
            .sortOn(Columns.DEPTH, Columns.N, Columns.K, Columns.SEED, Columns.NEURONS);
    String[] key = {Columns.DEPTH, Columns.N, Columns.K, Columns.SEED};
    Table fewest = rows.summarize(Columns.NEURONS, Columns.PARAMS, first).by(key);
    Table upper = rows.summarize(Columns.UPPER_BOUND, min).by(key);
    Table lower = rows.summarize(Columns.LOWER_BOUND, max).by(key);
    Table out = Table.create("certified widths");
    for (String k : key) {
      out.addColumns(fewest.column(k).copy());
    }
    out.addColumns(
        summary(fewest, "First", Columns.NEURONS),
        summary(fewest, "First", Columns.PARAMS),
        summary(upper, "Min", Columns.UPPER_BOUND),
        summary(lower, "Max", Columns.LOWER_BOUND));
    return out;
  }

  /** The rows that may be a certified width: with depth, N and K, and never Appendix A. */
  private static Table candidates(Table certify) {
    return certify.where(
        certify
            .intColumn(Columns.DEPTH)
            .isNotMissing()
            .and(certify.intColumn(Columns.N).isNotMissing())
            .and(certify.intColumn(Columns.K).isNotMissing())
            .and(certify.stringColumn(Columns.CONSTRUCTION).isNotEqualTo(Columns.COMPARISON_ONLY)));
  }

  /** Tablesaw's summary column "Min [upper_bound]", named back to the column it summarises. */
  private static DoubleColumn summary(Table summarized, String function, String column) {
    return summarized.numberColumn(function + " [" + column + "]").asDoubleColumn().setName(column);
  }

  /**
   * The certify.csv row of the certified construction (the fewest neurons, Appendix A never) of
   * each (depth, N, K, seed, data, d): the row whose neurons {@link #perSeed} reports, with its
   * other columns (largest |weight|, residual).
   */
  public static List<Row> certifiedRows(Table certify) {
    Table rows = candidates(certify);
    Map<List<Object>, Row> fewest = new LinkedHashMap<>();
    for (int i = 0; i < rows.rowCount(); i++) {
      Row r = Row.of(rows, i);
      fewest.merge(r.key(), r, (a, b) -> b.neurons() < a.neurons() ? b : a);
    }
    return List.copyOf(fewest.values());
  }

  /**
   * One certify.csv row as the experiments read it.
   *
   * @param d the input dimension (0 when absent)
   * @param data the inputs' family spec
   */
  public record Row(
      int depth,
      String construction,
      int n,
      int k,
      int d,
      long seed,
      String data,
      double neurons,
      double maxAbsWeight,
      double maxAbsResidual) {
    static Row of(Table t, int i) {
      return new Row(
          t.intColumn(Columns.DEPTH).getInt(i),
          t.stringColumn(Columns.CONSTRUCTION).get(i),
          t.intColumn(Columns.N).getInt(i),
          t.intColumn(Columns.K).getInt(i),
          t.intColumn(Columns.D).isMissing(i) ? 0 : t.intColumn(Columns.D).getInt(i),
          t.longColumn(Columns.SEED).isMissing(i) ? 0 : t.longColumn(Columns.SEED).get(i),
          t.stringColumn(Columns.DATA).get(i),
          t.numberColumn(Columns.NEURONS).getDouble(i),
          t.numberColumn(Columns.MAX_ABS_WEIGHT).getDouble(i),
          t.numberColumn(Columns.MAX_ABS_RESIDUAL).getDouble(i));
    }

    /** The task and depth the row certifies: (depth, N, K, seed, data, d). */
    List<Object> key() {
      return List.of(depth, n, k, seed, data, d);
    }
  }
}
