package org.ftcbench.results;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One result of a run's jmh.json (JMH's own {@code -rf json} format): one benchmark method at one
 * parameter set, as JMH measured it, read by {@link JmhFile}, with the FLOPs per operation the
 * run's flops.csv recorded for it. Values stay in JMH's score unit; {@link #secondsPerOp} converts.
 *
 * @param benchmark the fully qualified benchmark method, e.g. org.ftcbench.bench.Gemm.dgemm
 * @param mode JMH's mode: avgt, sample, ss (time per operation) or thrpt (operations per time)
 * @param params parameter name → value, sorted by name (empty for none)
 * @param unit the primary metric's score unit, e.g. us/op or ops/s
 * @param score the primary metric's score
 * @param scoreError JMH's half-width of the confidence interval (NaN if absent)
 * @param confidenceLow the lower end of JMH's confidence interval (99.9% by default; NaN if absent)
 * @param confidenceHigh its upper end
 * @param forks the measured iterations, [fork][iteration], in {@link #unit}; a result without raw
 *     data gives its score as one fork of one iteration
 * @param secondary the secondary metrics by name (e.g. {@code gc.alloc.rate.norm}, an
 *     {@code @AuxCounters} field)
 * @param warmupIterations warm-up iterations per fork
 * @param warmupSeconds one warm-up iteration's time setting (NaN if absent)
 * @param measurementSeconds one measured iteration's time setting (NaN if absent)
 * @param flopsPerOp FLOPs of one operation as flops.csv recorded them (0: not BLAS work, no rate);
 *     NaN when flops.csv has no row for this result (or the run has no flops.csv)
 */
public record JmhResult(
    String benchmark,
    String mode,
    SortedMap<String, String> params,
    String unit,
    double score,
    double scoreError,
    double confidenceLow,
    double confidenceHigh,
    double[][] forks,
    Map<String, Metric> secondary,
    int warmupIterations,
    double warmupSeconds,
    double measurementSeconds,
    double flopsPerOp) {

  public JmhResult {
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    secondary = Collections.unmodifiableMap(new TreeMap<>(secondary));
  }

  /**
   * A secondary metric.
   *
   * @param score its score
   * @param unit its unit, e.g. "B/op", "ops/s" or "#" (events per iteration)
   * @param raw its raw data [fork][iteration] (empty if JMH wrote none)
   */
  public record Metric(double score, String unit, double[][] raw) {}

  /** The benchmark class's simple name, e.g. Gemm. */
  public String className() {
    String[] p = benchmark.split("\\.");
    return p.length >= 2 ? p[p.length - 2] : "";
  }

  /** The benchmark method's name, e.g. dgemm. */
  public String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** Class and method, e.g. Gemm.dgemm. */
  public String shortName() {
    return shortName(benchmark);
  }

  /** A JMH benchmark name's class and method, e.g. org.ftcbench.bench.Gemm.dgemm → Gemm.dgemm. */
  public static String shortName(String benchmark) {
    String[] p = benchmark.split("\\.");
    return p.length >= 2 ? p[p.length - 2] + "." + p[p.length - 1] : benchmark;
  }

  /** The parameter's integer value, or null when it has none or it is not an integer. */
  public Integer intParam(String name) {
    String v = params.get(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether a larger score is better (throughput) rather than worse (time per operation). */
  public boolean higherIsBetter() {
    return "thrpt".equals(mode);
  }

  /** Whether {@link #unit} is a time per operation or a rate, so that it converts to seconds. */
  public boolean timed() {
    return TimeUnit.of(unit) != null;
  }

  /**
   * A value in {@link #unit} (the score, a sample, an interval end) as seconds per operation; a
   * rate inverts ("ops/ms": 1 ms / value). NaN when the unit is neither a time nor a rate.
   */
  public double secondsPerOp(double value) {
    TimeUnit u = TimeUnit.of(unit);
    return u == null ? Double.NaN : u.seconds(value);
  }

  /** Every sample, forks one after another, in {@link #unit}. */
  public double[] samples() {
    return Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
  }

  /**
   * Seconds of one of {@code unit}'s time units for a rate ("ops/ms", "GFLOP/s": the time after the
   * slash), NaN when {@code unit} is not a rate.
   */
  public static double rateSeconds(String unit) {
    TimeUnit u = TimeUnit.of(unit);
    return u != null && u.rate() ? u.unitSeconds() : Double.NaN;
  }

  private static final Pattern DURATION = Pattern.compile("([0-9.]+)\\s*(ns|us|µs|ms|s|min)");

  /** A JMH time setting, e.g. "150 ms" → 0.15; NaN if it is not one. */
  public static double durationSeconds(String text) {
    Matcher m = DURATION.matcher(text.strip());
    return m.matches() ? Double.parseDouble(m.group(1)) * TimeUnit.seconds(m.group(2)) : Double.NaN;
  }

  /**
   * A JMH score unit: time per operation ("us/op") or operations (or events) per time ("ops/ms").
   */
  private record TimeUnit(double unitSeconds, boolean rate) {
    private static final Pattern PER_OP = Pattern.compile("(ns|us|µs|ms|s|min)/op");
    private static final Pattern PER_TIME = Pattern.compile("[^/]+/(ns|us|µs|ms|s|min)");

    static TimeUnit of(String unit) {
      String u = unit.strip();
      Matcher t = PER_OP.matcher(u);
      if (t.matches()) {
        return new TimeUnit(seconds(t.group(1)), false);
      }
      Matcher r = PER_TIME.matcher(u);
      return r.matches() ? new TimeUnit(seconds(r.group(1)), true) : null;
    }

    static double seconds(String u) {
      return switch (u) {
        case "ns" -> 1e-9;
        case "us", "µs" -> 1e-6;
        case "ms" -> 1e-3;
        case "min" -> 60;
        default -> 1;
      };
    }

    double seconds(double value) {
      return rate ? unitSeconds / value : value * unitSeconds;
    }
  }
}
