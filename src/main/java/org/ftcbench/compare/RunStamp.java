package org.ftcbench.compare;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.ftcbench.results.RunFolder;

/** A run's env.json as ordered key → text, empty when the file is missing or unreadable. */
public final class RunStamp {
  /** The fields whose differences make two runs' timings incomparable or explain a difference. */
  public static final java.util.List<String> KEY_FIELDS =
      java.util.List.of(
          "machine",
          "cpu_model",
          "cores",
          "memory_bytes",
          "os",
          "kernel",
          "jvm_vendor",
          "jvm_version",
          "jvm_flags",
          "jblas_version",
          "jblas_flavor",
          "blas",
          "openblas_core",
          "git_commit",
          "profile");

  /** Fields that differ between any two runs by nature (when they ran), never highlighted. */
  public static final java.util.Set<String> ALWAYS_DIFFERENT = java.util.Set.of("start", "end");

  private RunStamp() {}

  /**
   * Whether field {@code key} differs between the stamps, in a way worth highlighting: a field
   * present in only one stamp differs; start and end times never count.
   */
  public static boolean differs(String key, Map<String, String> a, Map<String, String> b) {
    return !ALWAYS_DIFFERENT.contains(key) && !java.util.Objects.equals(a.get(key), b.get(key));
  }

  public static Map<String, String> load(Path folder) {
    Path file = folder.resolve(RunFolder.ENV);
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try {
      Map<String, Object> raw =
          new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
      raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
    } catch (IOException e) {
      out.put("error", file + " does not parse: " + e.getMessage());
    }
    return out;
  }

  /** Every key of either stamp, key fields first, then the rest in order. */
  public static java.util.List<String> keys(Map<String, String> a, Map<String, String> b) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (String k : KEY_FIELDS) {
      if (a.containsKey(k) || b.containsKey(k)) {
        keys.add(k);
      }
    }
    TreeSet<String> rest = new TreeSet<>(a.keySet());
    rest.addAll(b.keySet());
    rest.removeAll(keys);
    keys.addAll(rest);
    return keys;
  }
}
