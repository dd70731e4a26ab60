package org.ftcbench.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ftcbench.data.BadInputException;

/**
 * A profile (design.md): a properties file {@code benchmarks/profiles/<name>.properties} plus
 * {@code key=value} overrides from the command line. Keys are namespaced by the command that reads
 * them ({@code sweep.…}, {@code bench.…}). A command reads its keys through the typed getters, then
 * calls {@link #requireNoUnknownKeys(String)}: a key under its prefix that it never read is a typo,
 * reported in one line (exit 2) before any work starts.
 */
public final class Profile {
  private final String name;
  private final Properties values;
  private final Set<String> read = new HashSet<>();

  private Profile(String name, Properties values) {
    this.name = name;
    this.values = values;
  }

  /** Loads {@code dir/name.properties} and applies {@code overrides}. */
  public static Profile load(Path dir, String name, Map<String, String> overrides) {
    Path file = dir.resolve(name + ".properties");
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          "profile '" + name + "' not found in " + dir + ": choose one of " + available(dir));
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException("profile " + file + " does not parse: " + e.getMessage());
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (!p.containsKey(o.getKey())) {
        throw new BadInputException(
            "override '"
                + o.getKey()
                + "' is not a key of profile "
                + name
                + ": see "
                + file
                + " for its keys");
      }
      p.setProperty(o.getKey(), o.getValue());
    }
    return new Profile(name, p);
  }

  static String available(Path dir) {
    try (var files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".properties"))
          .map(f -> f.substring(0, f.length() - ".properties".length()))
          .sorted()
          .collect(Collectors.joining(", "));
    } catch (IOException e) {
      return "(none: " + dir + " is not readable)";
    }
  }

  public String name() {
    return name;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String string(String key) {
    read.add(key);
    String v = values.getProperty(key);
    if (v == null) {
      throw new BadInputException("profile " + name + " lacks the key '" + key + "': add it");
    }
    return v.trim();
  }

  public int integer(String key) {
    String v = string(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadInputException(
          "profile " + name + ": " + key + " = '" + v + "' is not an integer");
    }
  }

  public double number(String key) {
    String v = string(key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new BadInputException(
          "profile " + name + ": " + key + " = '" + v + "' is not a number");
    }
  }

  /** A comma-separated list of integers; {@code a:b:s} expands to a, a+s, …, ≤ b. */
  public List<Integer> integers(String key) {
    List<Integer> out = new ArrayList<>();
    for (String part : list(key)) {
      try {
        if (part.contains(":")) {
          int[] r =
              Arrays.stream(part.split(":")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
          if (r.length != 3 || r[2] <= 0) {
            throw new NumberFormatException();
          }
          for (int v = r[0]; v <= r[1]; v += r[2]) {
            out.add(v);
          }
        } else {
          out.add(Integer.parseInt(part));
        }
      } catch (NumberFormatException e) {
        throw new BadInputException(
            "profile "
                + name
                + ": "
                + key
                + " has '"
                + part
                + "', not an integer or a range start:end:step");
      }
    }
    return out;
  }

  /** A comma-separated list of strings (empty entries dropped). */
  public List<String> list(String key) {
    return Arrays.stream(string(key).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Every key under {@code prefix} with its value (overrides applied), in key order. */
  public Map<String, String> entries(String prefix) {
    Map<String, String> out = new TreeMap<>();
    for (String k : values.stringPropertyNames()) {
      if (k.startsWith(prefix)) {
        out.put(k, values.getProperty(k).trim());
      }
    }
    return out;
  }

  /** Throws (exit 2) if a key under {@code prefix} exists that no getter asked for. */
  public void requireNoUnknownKeys(String prefix) {
    Set<String> unknown = new TreeSet<>();
    for (String k : values.stringPropertyNames()) {
      if (k.startsWith(prefix) && !read.contains(k)) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadInputException(
          "profile " + name + " has unknown key(s) " + unknown + ": remove or correct them");
    }
  }
}
