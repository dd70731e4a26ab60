package org.ftcbench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.AtomicFiles;

/**
 * A machine's A/A calibration: pairs of runs of one configuration, each with ln(B/A) per benchmark
 * point, from which compare takes each point's {@link NoiseFloor}. It lives beside the machine's
 * runs, {@code benchmarks/results/<machine>/calibration.json}, so compare finds it from a run
 * folder (its parent folder) and it travels with the machine's folder when copied:
 *
 * <pre>
 * { "format": "ftc-calibration/1",
 *   "pairs": [ { "a": "…/20261207T101010Z", "b": "…/20261207T102020Z", "pairing": "separate",
 *                "profile": "quick", "added": "2026-12-07T10:30:00Z",
 *                "log_ratios": { "Gemm.dgemm [size=256] avgt": 0.013, … } }, … ] }
 * </pre>
 *
 * @param file where it is stored
 * @param pairs the A/A comparisons, oldest first
 */
public record Calibration(Path file, List<Pair> pairs) {
  /** The file name, in a machine's folder. */
  public static final String FILE = "calibration.json";

  static final String FORMAT = "ftc-calibration/1";

  public Calibration {
    pairs = List.copyOf(pairs);
  }

  /**
   * One A/A comparison.
   *
   * @param runA the first run's folder
   * @param runB the second run's folder
   * @param pairing separate runs, or the two sides of one interleaved session
   * @param profile the profile the runs used
   * @param added when it was added
   * @param logRatios point label → ln(μ̂_B/μ̂_A)
   */
  public record Pair(
      String runA,
      String runB,
      Pairing pairing,
      String profile,
      String added,
      Map<String, Double> logRatios) {
    public Pair {
      logRatios = new LinkedHashMap<>(logRatios);
    }
  }

  /** The calibration file of the machine folder that holds {@code runDir}. */
  public static Path beside(Path runDir) {
    Path parent = runDir.toAbsolutePath().normalize().getParent();
    return (parent == null ? Path.of(".") : parent).resolve(FILE);
  }

  /** The calibration beside {@code runDir}, if there is one. */
  public static Optional<Calibration> find(Path runDir) {
    Path file = beside(runDir);
    return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
  }

  /** An empty calibration to be stored at {@code file}. */
  public static Calibration empty(Path file) {
    return new Calibration(file, List.of());
  }

  /** Reads a calibration file; one that does not parse is the user's to fix (exit 2). */
  public static Calibration read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new IOException("not an " + FORMAT + " file");
      }
      List<Pair> pairs = new ArrayList<>();
      for (JsonNode p : root.path("pairs")) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        p.path("log_ratios")
            .fields()
            .forEachRemaining(e -> ratios.put(e.getKey(), e.getValue().asDouble()));
        pairs.add(
            new Pair(
                p.path("a").asText(),
                p.path("b").asText(),
                Pairing.valueOf(p.path("pairing").asText("separate").toUpperCase()),
                p.path("profile").asText("?"),
                p.path("added").asText(""),
                ratios));
      }
      return new Calibration(file, pairs);
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException(
          "the calibration "
              + file
              + " does not read ("
              + e.getMessage()
              + "): delete it and run 'calibrate' again");
    }
  }

  /** Writes the file atomically. */
  public void write() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Pair p : pairs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("a", p.runA());
      m.put("b", p.runB());
      m.put("pairing", p.pairing().name().toLowerCase());
      m.put("profile", p.profile());
      m.put("added", p.added());
      m.put("log_ratios", p.logRatios());
      list.add(m);
    }
    root.put("pairs", list);
    AtomicFiles.writeJson(file, root);
  }

  /** This calibration with the given pairs added; a pair of the same two runs is replaced. */
  public Calibration adding(List<Pair> added) {
    List<Pair> out = new ArrayList<>();
    for (Pair p : pairs) {
      boolean replaced =
          added.stream().anyMatch(n -> n.runA().equals(p.runA()) && n.runB().equals(p.runB()));
      if (!replaced) {
        out.add(p);
      }
    }
    out.addAll(added);
    return new Calibration(file, out);
  }

  /** The A/A comparison of runs a and b of one configuration: ln(B/A) at every common point. */
  public static Pair measure(Path a, Path b) {
    JmhRun ra = JmhRun.load(a);
    JmhRun rb = JmhRun.load(b);
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (Map.Entry<BenchmarkPoint, double[][]> e : ra.forks().entrySet()) {
      double[][] other = rb.forks().get(e.getKey());
      if (other == null || !ra.units().get(e.getKey()).equals(rb.units().get(e.getKey()))) {
        continue;
      }
      double ma = VarianceComponents.of(e.getValue()).mean();
      double mb = VarianceComponents.of(other).mean();
      ratios.put(e.getKey().label(), Math.log(mb / ma));
    }
    if (ratios.isEmpty()) {
      throw new BadInputException(
          a
              + " and "
              + b
              + " have no benchmark point in common: an A/A pair runs one command twice");
    }
    return new Pair(
        abs(a),
        abs(b),
        Pairing.of(a, b),
        RunStamp.load(a).getOrDefault("profile", "?"),
        Instant.now().toString(),
        ratios);
  }

  /**
   * The noise floor of point {@code label} for a comparison measured as {@code pairing}: from the
   * A/A pairs measured the same way; for an interleaved comparison without interleaved pairs, from
   * separate-run pairs (which also hold the drift interleaving cancels, so the floor is larger than
   * it need be). Separate runs never take their floor from interleaved pairs: those cannot show
   * drift between runs.
   */
  public Optional<NoiseFloor> floor(String label, Pairing pairing) {
    Optional<NoiseFloor> own = floorFrom(label, pairing);
    if (own.isEmpty() && pairing == Pairing.INTERLEAVED) {
      return floorFrom(label, Pairing.SEPARATE);
    }
    return own;
  }

  private Optional<NoiseFloor> floorFrom(String label, Pairing pairing) {
    double[] x =
        pairs.stream()
            .filter(p -> p.pairing() == pairing && p.logRatios().containsKey(label))
            .mapToDouble(p -> p.logRatios().get(label))
            .toArray();
    return x.length == 0 ? Optional.empty() : Optional.of(NoiseFloor.of(x, pairing));
  }

  /** How many pairs were measured each way. */
  public long count(Pairing pairing) {
    return pairs.stream().filter(p -> p.pairing() == pairing).count();
  }

  private static String abs(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }
}
