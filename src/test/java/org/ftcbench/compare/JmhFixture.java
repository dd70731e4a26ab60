package org.ftcbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes run folders in the shape JMH's {@code -rf json} produces (the fields compare reads:
 * benchmark, mode, params, primaryMetric with score, scoreUnit and rawData per fork) plus an
 * env.json, for tests with known answers.
 */
final class JmhFixture {
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
  JmhFixture point(String benchmark, String mode, int n, double mean, double jitter, long seed) {
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
             "params":{"N":"%d","depth":"2"},
             "primaryMetric":{"score":%.6f,"scoreError":0.1,"scoreConfidence":[0,0],
               "scoreUnit":"%s","rawData":%s},
             "secondaryMetrics":{}}""",
            benchmark,
            mode,
            forks,
            n,
            mean,
            "thrpt".equals(mode) ? "ops/s" : "us/op",
            raw));
    return this;
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
