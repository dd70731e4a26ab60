package org.ftcbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How an interleaved bench run is recorded: the {@code interleaved} object of env.json's {@code
 * bench} object, in each of the two run folders of one session (bench --side, two sides measured
 * fork by fork in a seeded random order on one machine). Written by the bench package, read by
 * compare; the field names live here only.
 *
 * <pre>
 * "interleaved": { "session": "20261207T101010Z", "seed": 1, "side": "auto",
 *                  "partner": "20261207T101010Z-system",
 *                  "sides": { "auto": "env -u OPENBLAS_CORETYPE java", "system": "…" } }
 * </pre>
 *
 * @param session the id both sides share (the start time's run id)
 * @param seed the seed of the fork order
 * @param side this folder's side
 * @param partner the other side's run folder name (a sibling folder)
 * @param sides side name → the command line that started its forked JVMs, in order
 */
public record Interleaving(
    String session, long seed, String side, String partner, Map<String, String> sides) {

  public static final String KEY = "interleaved";

  public Interleaving {
    sides = new LinkedHashMap<>(sides);
  }

  /** As the JSON object above. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("session", session);
    m.put("seed", seed);
    m.put("side", side);
    m.put("partner", partner);
    m.put("sides", sides);
    return m;
  }

  /** The interleaving of a run folder, or empty for a run measured on its own (or no env.json). */
  public static Optional<Interleaving> of(Path runDir) {
    Path file = runDir.resolve(RunFolder.ENV);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode i = new ObjectMapper().readTree(file.toFile()).path("bench").path(KEY);
      if (!i.isObject()) {
        return Optional.empty();
      }
      Map<String, String> sides = new LinkedHashMap<>();
      i.path("sides").fields().forEachRemaining(e -> sides.put(e.getKey(), e.getValue().asText()));
      return Optional.of(
          new Interleaving(
              i.path("session").asText(),
              i.path("seed").asLong(),
              i.path("side").asText(),
              i.path("partner").asText(),
              sides));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether runs A and B are the two sides of one interleaved session. */
  public static boolean pair(Path a, Path b) {
    Optional<Interleaving> ia = of(a);
    Optional<Interleaving> ib = of(b);
    return ia.isPresent()
        && ib.isPresent()
        && ia.get().session().equals(ib.get().session())
        && !ia.get().side().equals(ib.get().side())
        && ia.get().partner().equals(name(b))
        && ib.get().partner().equals(name(a));
  }

  private static String name(Path dir) {
    Path n = dir.toAbsolutePath().normalize().getFileName();
    return n == null ? "" : n.toString();
  }
}
