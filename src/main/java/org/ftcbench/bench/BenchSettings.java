package org.ftcbench.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.Validate;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.Precision;

/**
 * What a {@code bench} run measures and how long (the profile's {@code bench.*} keys; the reasons
 * for each profile's values are in its properties file).
 *
 * @param benchmarks the benchmarks to run, in order
 * @param forks JVM forks per point: run-to-run variance (JIT decisions, memory layout) only shows
 *     between forks
 * @param warmupIterations iterations run and discarded before measuring, per fork
 * @param warmupMillis the length of one warm-up iteration (at least one operation runs)
 * @param measurementIterations measured iterations per fork
 * @param measurementMillis the length of one measured iteration (at least one operation runs)
 * @param k K, the samples every network operation processes, the same for every N
 * @param n the N values of the network benchmarks
 * @param depths the adapter depths of the network benchmarks (2 or 3)
 * @param fModes trainStep's f modes
 * @param precisions the arithmetic of trainStep, backward and gemm (dgemm for float64, sgemm for
 *     float32)
 * @param gemmSizes gemm's square sizes n
 * @param plainJavaDepths plainJava's adapter depths
 * @param plainJavaN plainJava's N values
 * @param plainJavaRows plainJava's samples per call
 * @param certifyN certify's N values (its depths are {@code depths}, its K is {@code k})
 * @param gcProfiler whether to attach JMH's GC profiler (allocation per operation,
 *     gc.alloc.rate.norm)
 * @param loraRanks loraTrainStep's LoRA ranks (its N are {@code n}, its K {@code k})
 */
public record BenchSettings(
    List<BenchmarkName> benchmarks,
    int forks,
    int warmupIterations,
    int warmupMillis,
    int measurementIterations,
    int measurementMillis,
    int k,
    List<Integer> n,
    List<Integer> depths,
    List<FMode> fModes,
    List<Precision> precisions,
    List<Integer> gemmSizes,
    List<Integer> plainJavaDepths,
    List<Integer> plainJavaN,
    List<Integer> plainJavaRows,
    List<Integer> certifyN,
    boolean gcProfiler,
    List<Integer> loraRanks) {

  public BenchSettings {
    loraRanks = List.copyOf(loraRanks);
    for (int r : loraRanks) {
      if (r < 1 || r > LoraTrainStep.SPEC.width()) {
        throw new BadInputException(
            "bench.lora.rank has "
                + r
                + ": choose ranks from 1 to f's width "
                + LoraTrainStep.SPEC.width());
      }
    }
    needs(benchmarks, BenchmarkName.LORA_TRAIN_STEP, loraRanks, "bench.lora.rank");
    benchmarks = List.copyOf(benchmarks);
    n = List.copyOf(n);
    depths = List.copyOf(depths);
    fModes = List.copyOf(fModes);
    precisions = List.copyOf(precisions);
    gemmSizes = List.copyOf(gemmSizes);
    plainJavaDepths = List.copyOf(plainJavaDepths);
    plainJavaN = List.copyOf(plainJavaN);
    plainJavaRows = List.copyOf(plainJavaRows);
    certifyN = List.copyOf(certifyN);
    if (benchmarks.isEmpty()) {
      throw new BadInputException(
          "bench.benchmarks is empty: name at least one of " + BenchmarkName.allKeys());
    }
    atLeast(
        "bench.forks", forks, 1, "0 would run in the parent JVM, whose JIT state skews results");
    atLeast("bench.warmupIterations", warmupIterations, 0, "");
    atLeast("bench.warmupMillis", warmupMillis, 1, "");
    atLeast("bench.measurementIterations", measurementIterations, 1, "");
    atLeast("bench.measurementMillis", measurementMillis, 1, "");
    sizesValid(k, n);
    depthsValid("bench.depth", depths);
    depthsValid("bench.plainJava.depth", plainJavaDepths);
    sizesValid(k, certifyN);
    eachAtLeast("bench.plainJava.N", plainJavaN, 0);
    eachAtLeast("bench.gemm.size", gemmSizes, 1);
    eachAtLeast("bench.plainJava.rows", plainJavaRows, 1);
    needs(benchmarks, BenchmarkName.TRAIN_STEP, fModes, "bench.fMode");
    for (BenchmarkName b :
        List.of(BenchmarkName.TRAIN_STEP, BenchmarkName.BACKWARD, BenchmarkName.GEMM)) {
      needs(benchmarks, b, precisions, "bench.precision");
    }
    needs(benchmarks, BenchmarkName.GEMM, gemmSizes, "bench.gemm.size");
    for (BenchmarkName b : List.of(BenchmarkName.FORWARD, BenchmarkName.BACKWARD)) {
      needs(benchmarks, b, n, "bench.N");
      needs(benchmarks, b, depths, "bench.depth");
    }
    needs(benchmarks, BenchmarkName.PLAIN_JAVA, plainJavaRows, "bench.plainJava.rows");
    needs(benchmarks, BenchmarkName.CERTIFY, certifyN, "bench.certify.N");
    needs(benchmarks, BenchmarkName.CERTIFY, depths, "bench.depth");
  }

  private static void atLeast(String key, int value, int min, String why) {
    if (value < min) {
      throw new BadInputException(
          key
              + " = "
              + value
              + " is too small: choose ≥ "
              + min
              + (why.isEmpty() ? "" : " (" + why + ")"));
    }
  }

  private static void eachAtLeast(String key, List<Integer> values, int min) {
    for (int v : values) {
      atLeast(key, v, min, "");
    }
  }

  /** Every N with this K and the benchmarks' input dimension (Validate.sizes's messages). */
  private static void sizesValid(int k, List<Integer> ns) {
    for (int v : ns) {
      Validate.sizes(k, v, AdapterTask.D);
    }
  }

  private static void depthsValid(String key, List<Integer> depths) {
    for (int d : depths) {
      if (d != 2 && d != 3) {
        throw new BadInputException(key + " has " + d + ": the certified widths exist for 2 and 3");
      }
    }
  }

  private static void needs(List<BenchmarkName> selected, BenchmarkName b, List<?> v, String key) {
    if (selected.contains(b) && v.isEmpty()) {
      throw new BadInputException(key + " is empty but " + b.key() + " needs it: give a value");
    }
  }

  /** The settings as ordered key-value pairs, for env.json. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmarks", benchmarks.stream().map(BenchmarkName::key).toList());
    m.put("forks", forks);
    m.put("warmupIterations", warmupIterations);
    m.put("warmupMillis", warmupMillis);
    m.put("measurementIterations", measurementIterations);
    m.put("measurementMillis", measurementMillis);
    m.put("K", k);
    m.put("N", n);
    m.put("depth", depths);
    m.put("fMode", fModes.stream().map(Enum::name).toList());
    m.put("precision", precisions.stream().map(Precision::label).toList());
    m.put("gemm.size", gemmSizes);
    m.put("plainJava.depth", plainJavaDepths);
    m.put("plainJava.N", plainJavaN);
    m.put("plainJava.rows", plainJavaRows);
    m.put("certify.N", certifyN);
    m.put("gcProfiler", gcProfiler);
    m.put("lora.rank", loraRanks);
    return m;
  }
}
