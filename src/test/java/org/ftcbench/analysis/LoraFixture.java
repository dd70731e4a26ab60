package org.ftcbench.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.results.RunFolder;

/**
 * {@link FixtureRun} plus LoRA rows in capacity.csv: r* ≈ 0.5·N^0.7 with seeded noise (censored
 * where it exceeds D = 64), for two variants on the additive rows' tasks (depth 3, K = 2N, the same
 * N, d, seeds), r* against K at N = 100 and against L at N = 100, K = 200.
 */
public final class LoraFixture {
  private LoraFixture() {}

  public static final int WIDTH = 64;
  public static final LoraSpec ALL_FROZEN = LoraSpec.variant(WIDTH, "all/frozen");
  public static final LoraSpec LAST_TRAINABLE = LoraSpec.variant(WIDTH, "last/trainable");
  public static final String[] CRITERIA = {"paper", "relative:0.01"};
  public static final double SLOPE = 0.7;

  /** The fixture run with LoRA rows; returns {@code dir}. */
  public static Path write(Path dir) {
    FixtureRun.write(dir);
    Random rng = new Random(5);
    List<String> lines = new ArrayList<>();
    for (LoraSpec spec : List.of(ALL_FROZEN, LAST_TRAINABLE)) {
      for (int n : FixtureRun.SCALING_N) {
        for (String crit : CRITERIA) {
          for (long seed = 1; seed <= 3; seed++) {
            lines.add(row(spec, 3, n, 2 * n, seed, crit, rng));
          }
        }
      }
    }
    for (int k : new int[] {1000, 10000}) { // K = 200 is in the scaling rows
      for (long seed = 1; seed <= 3; seed++) {
        lines.add(row(ALL_FROZEN, 3, 100, k, seed, "relative:0.01", rng));
      }
    }
    for (int depth : new int[] {2, 4}) { // L = 3 is in the scaling rows
      for (long seed = 1; seed <= 3; seed++) {
        lines.add(row(ALL_FROZEN, depth, 100, 200, seed, "relative:0.01", rng));
      }
    }
    try {
      Files.writeString(
          dir.resolve(RunFolder.CAPACITY),
          String.join("\n", lines) + "\n",
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** r* of the fixture before noise: 0.5·N^0.7, growing with K/N and shrinking with L. */
  static double rank(int depth, int n, int k) {
    return 0.5 * Math.pow(n, SLOPE) * Math.sqrt((double) k / (2 * n)) * 3.0 / depth;
  }

  private static String row(
      LoraSpec spec, int depth, int n, int k, long seed, String crit, Random rng) {
    long r = Math.max(1, Math.round(rank(depth, n, k) * Math.exp(0.1 * rng.nextGaussian())));
    String rMin = r > WIDTH ? "" : String.valueOf(r); // censored at D
    return FixtureRun.capacityLine(
        depth,
        n,
        k,
        10,
        seed,
        crit,
        rMin,
        (double) n / k * 2 / 3,
        "float32",
        "gaussian",
        spec.spec());
  }
}
