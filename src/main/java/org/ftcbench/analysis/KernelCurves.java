package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ftcbench.results.JmhResult;
import tech.tablesaw.api.Table;

/**
 * What the kernel figures show, from jmh.json ({@link JmhResults}): each series' JMH score and
 * interval against N, the GFLOP/s of the N benchmarks and the gemm rate per size, the f modes of
 * bench.TrainStep with recompute ÷ cached at the largest N, and bench.PlainJavaForward's plain-Java
 * and jblas twins with the N from which jblas is faster.
 *
 * <p>Benchmarks are recognised by parameter and method, because the result file is JMH's own: the
 * {@code fMode} parameter (CACHED, RECOMPUTE) marks the two f modes; the methods {@code plainJava}
 * and {@code jblas} of one class are the twins; the gemm roofline is {@link JmhResults#isGemm} with
 * its {@code size} parameter. No benchmark's kind is guessed from words in its name.
 */
public final class KernelCurves {
  private KernelCurves() {}

  /** The f modes of bench.TrainStep's {@code fMode} parameter. */
  static final String CACHED = "CACHED";

  static final String RECOMPUTE = "RECOMPUTE";

  /** The method names of bench.PlainJavaForward's twins. */
  static final String PLAIN_METHOD = "plainJava";

  static final String BLAS_METHOD = "jblas";

  /**
   * One series' JMH results against N, ascending.
   *
   * @param series the series ("TrainStep.step [K=10000, depth=2, …]")
   * @param depth its depth parameter, 0 without one
   * @param n the N of each point
   * @param seconds JMH's score, seconds per op
   * @param low the lower end of JMH's interval (may be ≤ 0 or NaN)
   * @param high the upper end of JMH's interval
   */
  public record Curve(
      String series, int depth, double[] n, double[] seconds, double[] low, double[] high) {
    public boolean isEmpty() {
      return n.length == 0;
    }
  }

  /** The series' points with an N, ascending N. */
  public static Curve curve(JmhResults jmh, String series) {
    Table t = jmh.table();
    TreeMap<Double, double[]> m = new TreeMap<>();
    int depth = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      if (!t.stringColumn(Columns.SERIES).get(i).equals(series)) {
        continue;
      }
      depth = t.intColumn(Columns.DEPTH).isMissing(i) ? 0 : t.intColumn(Columns.DEPTH).getInt(i);
      if (!t.intColumn(Columns.N).isMissing(i)) {
        m.put(
            (double) t.intColumn(Columns.N).getInt(i),
            new double[] {
              t.doubleColumn(Columns.SECONDS).getDouble(i),
              t.doubleColumn(Columns.SECONDS_LOW).getDouble(i),
              t.doubleColumn(Columns.SECONDS_HIGH).getDouble(i)
            });
      }
    }
    return new Curve(
        series,
        depth,
        m.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
        m.values().stream().mapToDouble(v -> v[0]).toArray(),
        m.values().stream().mapToDouble(v -> v[1]).toArray(),
        m.values().stream().mapToDouble(v -> v[2]).toArray());
  }

  /**
   * GFLOP/s: per series with an N, {N ascending, GFLOP/s} of its points with a rate; per gemm size
   * ("dgemm size 512"), the gemm rate.
   */
  public record Rates(Map<String, double[][]> bySeries, Map<String, Double> gemmBySize) {}

  public static Rates rates(JmhResults jmh) {
    Table t = jmh.table();
    Map<String, TreeMap<Double, Double>> bySeries = new LinkedHashMap<>();
    Map<String, Double> gemmBySize = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      double g = t.doubleColumn("gflops").getDouble(i);
      if (!(g > 0)) {
        continue;
      }
      if (JmhResults.isGemm(t.stringColumn(Columns.BENCHMARK).get(i))
          && !t.intColumn(Columns.SIZE).isMissing(i)) {
        gemmBySize.put(jmh.result(i).method() + " size " + t.intColumn(Columns.SIZE).getInt(i), g);
      } else if (!t.intColumn(Columns.N).isMissing(i)) {
        bySeries
            .computeIfAbsent(t.stringColumn(Columns.SERIES).get(i), x -> new TreeMap<>())
            .put((double) t.intColumn(Columns.N).getInt(i), g);
      }
    }
    Map<String, double[][]> out = new LinkedHashMap<>();
    bySeries.forEach(
        (s, m) ->
            out.put(
                s,
                new double[][] {
                  m.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                  m.values().stream().mapToDouble(Double::doubleValue).toArray()
                }));
    return new Rates(out, gemmBySize);
  }

  /**
   * bench.TrainStep's f modes: every series with an fMode of CACHED or RECOMPUTE, and for each
   * RECOMPUTE series with a CACHED twin (same benchmark and other parameters) its time ÷ the twin's
   * at its largest N.
   *
   * @param curves the series in file order
   * @param recompute whether each curve recomputes f
   * @param ratios "… at N = 1000: 1.52× the cached time", one per RECOMPUTE series with a twin
   */
  public record FModes(List<Curve> curves, List<Boolean> recompute, List<String> ratios) {}

  public static FModes fModes(JmhResults jmh) {
    Table t = jmh.table();
    Map<String, Integer> first = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String mode = t.stringColumn(JmhResults.F_MODE).get(i);
      if (!t.intColumn(Columns.N).isMissing(i) && (mode.equals(CACHED) || mode.equals(RECOMPUTE))) {
        first.putIfAbsent(t.stringColumn(Columns.SERIES).get(i), i);
      }
    }
    List<Curve> curves = new ArrayList<>();
    List<Boolean> recompute = new ArrayList<>();
    List<String> ratios = new ArrayList<>();
    first.forEach(
        (series, row) -> {
          Curve c = curve(jmh, series);
          boolean re = t.stringColumn(JmhResults.F_MODE).get(row).equals(RECOMPUTE);
          curves.add(c);
          recompute.add(re);
          if (re) {
            JmhResult result = jmh.result(row);
            Map<String, String> cachedParams = new TreeMap<>(result.params());
            cachedParams.put("fMode", CACHED);
            jmh.series(result.benchmark(), cachedParams)
                .flatMap(twin -> ratioAtLargestN(c, curve(jmh, twin)))
                .ifPresent(ratios::add);
          }
        });
    return new FModes(curves, recompute, ratios);
  }

  /** The recompute curve's time ÷ the cached one's at the recompute curve's largest N. */
  private static Optional<String> ratioAtLargestN(Curve recompute, Curve cached) {
    if (recompute.isEmpty() || cached.isEmpty()) {
      return Optional.empty();
    }
    int last = recompute.n().length - 1;
    for (int j = cached.n().length - 1; j >= 0; j--) {
      if (cached.n()[j] == recompute.n()[last] && cached.seconds()[j] > 0) {
        return Optional.of(
            recompute.series()
                + " at N = "
                + Format.count(recompute.n()[last])
                + ": "
                + Format.sig(recompute.seconds()[last] / cached.seconds()[j], 3)
                + "× the cached time");
      }
    }
    return Optional.empty();
  }

  /**
   * A plain-Java series and its jblas twin (the same class and parameters, method jblas), with
   * where jblas becomes faster ({@link #crossover}).
   */
  public record Twins(Curve plain, Curve blas, String crossover) {}

  public static List<Twins> plainVsBlas(JmhResults jmh) {
    Table t = jmh.table();
    Map<String, String> plainToBlas = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      JmhResult r = jmh.result(i);
      if (r.method().equals(PLAIN_METHOD)) {
        String blas =
            r.benchmark().substring(0, r.benchmark().length() - PLAIN_METHOD.length())
                + BLAS_METHOD;
        String series = t.stringColumn(Columns.SERIES).get(i);
        jmh.series(blas, r.params()).ifPresent(b -> plainToBlas.putIfAbsent(series, b));
      }
    }
    List<Twins> out = new ArrayList<>();
    plainToBlas.forEach(
        (plain, blas) -> {
          Curve p = curve(jmh, plain);
          Curve b = curve(jmh, blas);
          if (!p.isEmpty() && !b.isEmpty()) {
            out.add(new Twins(p, b, crossover(p, b)));
          }
        });
    return out;
  }

  /** "jblas faster from N = 100 on", "plain Java is faster at the largest N measured", etc. */
  static String crossover(Curve plain, Curve blas) {
    Map<Double, Double> p = new TreeMap<>();
    for (int i = 0; i < plain.n().length; i++) {
      p.put(plain.n()[i], plain.seconds()[i]);
    }
    Double from = null;
    boolean any = false;
    for (int i = 0; i < blas.n().length; i++) {
      Double pv = p.get(blas.n()[i]);
      if (pv == null) {
        continue;
      }
      any = true;
      if (blas.seconds()[i] < pv) {
        if (from == null) {
          from = blas.n()[i];
        }
      } else {
        from = null;
      }
    }
    if (!any) {
      return "no common N";
    }
    if (from == null) {
      return "plain Java is faster at the largest N measured";
    }
    return "jblas faster from N = " + Format.count(from) + " on";
  }
}
