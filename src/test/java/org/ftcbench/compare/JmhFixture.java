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

  /**
   * Adds one point whose samples are {@code mean · (1 + jitter · u)}, u ~ N(0,1), 2 forks × 5
   * iterations.
   */
  JmhFixture point(String benchmark, String mode, int n, double mean, double jitter, long seed) {
    Random rng = new Random(seed);
    StringBuilder raw = new StringBuilder("[");
    for (int fork = 0; fork < 2; fork++) {
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
            {"jmhVersion":"1.37","benchmark":"%s","mode":"%s","threads":1,"forks":2,
             "params":{"N":"%d","depth":"2"},
             "primaryMetric":{"score":%.6f,"scoreError":0.1,"scoreConfidence":[0,0],
               "scoreUnit":"%s","rawData":%s},
             "secondaryMetrics":{}}""",
            benchmark,
            mode,
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
            + "\",\"cores\":2}");
    return dir;
  }
}
