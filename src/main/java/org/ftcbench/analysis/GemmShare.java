package org.ftcbench.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How close each kernel of a run comes to the run's own GEMM rate in the same precision: its
 * GFLOP/s divided by the best GFLOP/s that run measured for a square dgemm (float64 kernels) or
 * sgemm (float32 kernels). 1 is the rate of plain large products on this machine and BLAS; a
 * training step of the same FLOPs has element-wise passes and smaller products besides.
 */
public final class GemmShare {
  /** The GEMM rate a share is measured against, GFLOP/s. */
  public static final String GEMM_GFLOPS = "gemm_gflops";

  /** gflops / gemm_gflops. */
  public static final String SHARE = "share";

  private GemmShare() {}

  /**
   * One row per result with an N and a rate whose precision has a GEMM rate in the run: {@code
   * series, N, precision, gflops, gemm_gflops, share}. Empty when the run has no gemm benchmark.
   */
  public static Table of(JmhResults jmh) {
    Table t = jmh.table();
    Map<String, Double> best = bestGemm(t);
    StringColumn series = StringColumn.create(Columns.SERIES);
    IntColumn n = IntColumn.create(Columns.N);
    StringColumn precision = StringColumn.create(Columns.PRECISION);
    DoubleColumn gflops = DoubleColumn.create("gflops");
    DoubleColumn gemm = DoubleColumn.create(GEMM_GFLOPS);
    DoubleColumn share = DoubleColumn.create(SHARE);
    for (int i = 0; i < t.rowCount(); i++) {
      double g = t.doubleColumn("gflops").getDouble(i);
      Double roof = best.get(t.stringColumn(Columns.PRECISION).get(i));
      if (t.intColumn(Columns.N).isMissing(i) || !(g > 0) || roof == null) {
        continue;
      }
      series.append(t.stringColumn(Columns.SERIES).get(i));
      n.append(t.intColumn(Columns.N).getInt(i));
      precision.append(t.stringColumn(Columns.PRECISION).get(i));
      gflops.append(g);
      gemm.append(roof);
      share.append(g / roof);
    }
    return Table.create("gemm share", series, n, precision, gflops, gemm, share);
  }

  /** The shares ({@link #of}) per series, in file order: {N ascending, share}. */
  public static Map<String, double[][]> bySeries(Table shares) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (String series : new LinkedHashSet<>(shares.stringColumn(Columns.SERIES).asList())) {
      Table one =
          shares
              .where(shares.stringColumn(Columns.SERIES).isEqualTo(series))
              .sortAscendingOn(Columns.N);
      out.put(
          series,
          new double[][] {
            one.intColumn(Columns.N).asDoubleArray(), one.doubleColumn(SHARE).asDoubleArray()
          });
    }
    return out;
  }

  /** The best square-GEMM rate per precision in the run. */
  public static Map<String, Double> bestGemm(Table t) {
    Map<String, Double> best = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      double g = t.doubleColumn("gflops").getDouble(i);
      if (JmhResults.isGemm(t.stringColumn(Columns.BENCHMARK).get(i)) && g > 0) {
        best.merge(t.stringColumn(Columns.PRECISION).get(i), g, Math::max);
      }
    }
    return best;
  }
}
