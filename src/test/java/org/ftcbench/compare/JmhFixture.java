package org.ftcbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ftcbench.bench.BenchPlan;
import org.ftcbench.bench.BenchPoint;
import org.ftcbench.bench.BenchSettings;
import org.ftcbench.bench.BenchmarkName;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.Precision;

/**
 * Writes run folders in the shape JMH's {@code -rf json} produces (the fields compare reads:
 * benchmark, mode, params, primaryMetric with score, scoreUnit and rawData per fork) plus an
 * env.json, for tests with known answers. The points are the suite's own, as bench plans them
 * ({@link #real}): their real benchmark names and parameters.
 */
final class JmhFixture {
  /** Forward and gemm at K = 10⁴, depth 2, N and size 10, 100 and 1000 ({@link BenchPlan}). */
  private static final List<BenchPoint> PLAN =
      BenchPlan.points(
          new BenchSettings(
              List.of(BenchmarkName.FORWARD, BenchmarkName.GEMM),
              1,
              1,
              1,
              1,
              1,
              10_000,
              List.of(10, 100, 1000),
              List.of(2),
              List.of(FMode.CACHED),
              List.of(Precision.FLOAT64),
              List.of(10, 100, 1000),
              List.of(2),
              List.of(10),
              List.of(1),
              List.of(),
              false,
              List.of()));

  /** The planned point of benchmark method {@code method} at N (or size) {@code n}. */
  static BenchPoint real(String method, int n) {
    return PLAN.stream()
        .filter(p -> p.method().equals(method))
        .filter(p -> String.valueOf(n).equals(p.params().getOrDefault("N", p.params().get("size"))))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no planned " + method + " at " + n));
  }

  private final StringBuilder records = new StringBuilder();
  private int forks = 2;
  private String benchObject = null;

  /** Forks per point from now on (default 2). */
  JmhFixture forks(int n) {
    forks = n;
    return this;
  }

  /** env.json's bench object, as JSON text (default: none). */
  JmhFixture bench(String json) {
    benchObject = json;
    return this;
  }

  /**
   * Adds one point whose samples are {@code mean · (1 + jitter · u)}, u ~ N(0,1), {@link #forks}
   * forks × 5 iterations.
   */
  JmhFixture point(BenchPoint point, String mode, double mean, double jitter, long seed) {
    Random rng = new Random(seed);
    StringBuilder raw = new StringBuilder("[");
    for (int fork = 0; fork < forks; fork++) {
      raw.append(fork == 0 ? "[" : ",[");
      for (int i = 0; i < 5; i++) {
        raw.append(i == 0 ? "" : ",")
            .append(String.format(Locale.ROOT, "%.6f", mean * (1 + jitter * rng.nextGaussian())));
      }
      raw.append(']');
    }
    raw.append(']');
    if (records.length() > 0) {
      records.append(",\n");
    }
    records.append(
        String.format(
            Locale.ROOT,
            """
            {"jmhVersion":"1.37","benchmark":"%s","mode":"%s","threads":1,"forks":%d,
             "params":%s,
             "primaryMetric":{"score":%.6f,"scoreError":0.1,"scoreConfidence":[0,0],
               "scoreUnit":"%s","rawData":%s},
             "secondaryMetrics":{}}""",
            point.jmhName(),
            mode,
            forks,
            params(point),
            mean,
            "thrpt".equals(mode) ? "ops/s" : "us/op",
            raw));
    return this;
  }

  private static String params(BenchPoint point) {
    StringBuilder b = new StringBuilder("{");
    point
        .params()
        .forEach(
            (k, v) ->
                b.append(b.length() > 1 ? "," : "")
                    .append('"')
                    .append(k)
                    .append("\":\"")
                    .append(v)
                    .append('"'));
    return b.append('}').toString();
  }

  Path write(Path dir, String profile, String cpu) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("jmh.json"), "[\n" + records + "\n]\n");
    Files.writeString(
        dir.resolve("env.json"),
        "{\"machine\":\"m\",\"cpu_model\":\""
            + cpu
            + "\",\"profile\":\""
            + profile
            + "\",\"cores\":2"
            + (benchObject == null ? "" : ",\"bench\":" + benchObject)
            + "}");
    return dir;
  }
}
