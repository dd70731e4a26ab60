package org.ftcbench.analysis;

import static tech.tablesaw.aggregate.AggregateFunctions.mean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * The paper's Fig. 9 (Sohn et al. 2024): the mean final loss ℓ_FT over seeds on the grid N × m of
 * depth-3 cells at one K, and the smallest m that meets ℓ_FT ≤ {@link #PAPER_THRESHOLD} per N.
 *
 * @param k the K of the grid: the paper's 1000, else the K with the most depth-3 cells
 * @param ns the grid's N, ascending
 * @param ms the grid's m, ascending
 * @param meanLoss meanLoss[i][j]: the mean final loss at m = ms[i], N = ns[j] (NaN: not run)
 * @param minWidth the smallest passing m per N: capacity.csv's m_min for the paper criterion
 *     (summarised over seeds by {@link SampleSpread#centre}), else read off the grid
 * @param fromCapacity whether {@code minWidth} comes from capacity.csv (else from the grid)
 */
public record Fig9Grid(
    int k,
    List<Integer> ns,
    List<Integer> ms,
    double[][] meanLoss,
    SampleSpread minWidth,
    boolean fromCapacity) {

  /** The paper's Fig. 9 success threshold on ℓ_FT. */
  public static final double PAPER_THRESHOLD = 0.04;

  /** The paper's K in Fig. 9. */
  public static final int PAPER_K = 1000;

  /** The grid of the run's depth-3 cells, or empty when cells.csv has none. */
  public static Optional<Fig9Grid> of(RunData whole) {
    RunData run = whole.paperSetting();
    Optional<Table> cells = run.cells();
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    Table d3 = cells.get().where(cells.get().intColumn(Columns.DEPTH).isEqualTo(3));
    if (d3.rowCount() == 0) {
      return Optional.empty();
    }
    int k = chooseK(d3);
    Table means =
        d3.where(d3.intColumn(Columns.K).isEqualTo(k))
            .summarize(Columns.FINAL_LOSS, mean)
            .by(Columns.N, Columns.M);
    List<Integer> ns = new ArrayList<>(new TreeSet<>(means.intColumn(Columns.N).asSet()));
    List<Integer> ms = new ArrayList<>(new TreeSet<>(means.intColumn(Columns.M).asSet()));
    double[][] z = new double[ms.size()][ns.size()];
    for (double[] row : z) {
      Arrays.fill(row, Double.NaN);
    }
    String loss = "Mean [" + Columns.FINAL_LOSS + "]";
    for (int i = 0; i < means.rowCount(); i++) {
      z[ms.indexOf(means.intColumn(Columns.M).getInt(i))][
              ns.indexOf(means.intColumn(Columns.N).getInt(i))] =
          means.doubleColumn(loss).getDouble(i);
    }
    SampleSpread fromCapacity = run.capacity().map(t -> paperMinWidth(t, k)).orElse(null);
    if (fromCapacity != null && !fromCapacity.isEmpty()) {
      return Optional.of(new Fig9Grid(k, ns, ms, z, fromCapacity, true));
    }
    return Optional.of(new Fig9Grid(k, ns, ms, z, minWidthOnGrid(ns, ms, z), false));
  }

  /** Why {@link #of} is empty, for the reader. */
  public static String whyMissing(RunData run) {
    return run.paperSetting().cells().isEmpty()
        ? "cells.csv is missing or has no rows"
        : "cells.csv has no depth-3 cells";
  }

  /** K = 1000 when it was run at depth 3, else the K with the most depth-3 cells. */
  static int chooseK(Table d3) {
    Table counts = d3.dropWhere(d3.intColumn(Columns.K).isMissing()).countBy(Columns.K);
    if (counts.intColumn(Columns.K).contains(PAPER_K)) {
      return PAPER_K;
    }
    int best = 0;
    int most = -1;
    for (int i = 0; i < counts.rowCount(); i++) {
      int k = counts.intColumn(Columns.K).getInt(i);
      int n = (int) counts.numberColumn("Count").getDouble(i);
      if (n > most || (n == most && k < best)) {
        best = k;
        most = n;
      }
    }
    return best;
  }

  /** capacity.csv's m_min for depth 3, this K and the paper criterion, per N. */
  private static SampleSpread paperMinWidth(Table capacity, int k) {
    Table rows =
        capacity.where(
            capacity
                .intColumn(Columns.DEPTH)
                .isEqualTo(3)
                .and(capacity.intColumn(Columns.K).isEqualTo(k))
                .and(capacity.intColumn(Columns.N).isNotMissing())
                .and(capacity.stringColumn(Columns.CRITERION).isEqualTo("paper")));
    return SampleSpread.of(SeriesBuilder.samplesByN(rows, Columns.M_MIN), false);
  }

  /** Per N, the smallest m of the grid whose mean loss meets the threshold. */
  private static SampleSpread minWidthOnGrid(List<Integer> ns, List<Integer> ms, double[][] z) {
    SortedMap<Double, double[]> byN = new java.util.TreeMap<>();
    for (int j = 0; j < ns.size(); j++) {
      for (int i = 0; i < ms.size(); i++) {
        if (z[i][j] <= PAPER_THRESHOLD) {
          byN.put((double) ns.get(j), new double[] {ms.get(i)});
          break;
        }
      }
    }
    return SampleSpread.of(byN, false);
  }
}
