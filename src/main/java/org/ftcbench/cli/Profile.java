package org.ftcbench.cli;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Function;
import org.ftcbench.data.BadInputException;

/**
 * A profile (docs/design.md): a properties file {@code <name>.properties} plus {@code key=value}
 * overrides from the command line. The profiles of benchmarks/profiles are built into the jar, so
 * it runs from any folder; a file of the same name in {@code benchmarks/profiles} below the working
 * folder takes their place, and a file there with a new name adds a profile. Keys are namespaced by
 * the command that reads them ({@code sweep.…}, {@code bench.…}). A command reads its keys through
 * the typed getters, then calls {@link #requireNoUnknownKeys(String)}: a key under its prefix that
 * it never read is a typo, reported in one line (exit 2) before any work starts.
 */
public final class Profile {
  /** Where profile files are looked for, relative to the working folder. */
  public static final Path FOLDER = Path.of("benchmarks", "profiles");

  /** Where the built-in profiles are on the class path. */
  static final String BUILT_IN = "/org/ftcbench/profiles/";

  /** The built-in profiles, in the order of their cost. */
  static final List<String> BUILT_IN_NAMES = List.of("quick", "standard", "full");

  private final String name;
  private final String source;
  private final Properties values;
  private final Set<String> read = new HashSet<>();

  private Profile(String name, String source, Properties values) {
    this.name = name;
    this.source = source;
    this.values = values;
  }

  /**
   * Loads profile {@code name}: {@code dir/name.properties} if that file exists, else the built-in
   * one; then applies {@code overrides}.
   */
  public static Profile load(Path dir, String name, Map<String, String> overrides) {
    Path file = dir.resolve(name + ".properties");
    Properties p = new Properties();
    String source;
    if (Files.isRegularFile(file)) {
      source = file.toString();
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new BadInputException("profile " + file + " does not parse: " + e.getMessage());
      }
    } else {
      source = "the built-in profile " + name;
      try (InputStream in =
          name.matches("[A-Za-z0-9_.-]+")
              ? Profile.class.getResourceAsStream(BUILT_IN + name + ".properties")
              : null) {
        if (in == null) {
          throw new BadInputException(
              "profile '"
                  + name
                  + "' not found (neither built in nor in "
                  + dir
                  + "): choose one of "
                  + available(dir));
        }
        p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not read " + source, e);
      }
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (!p.containsKey(o.getKey())) {
        throw new BadInputException(
            "override '"
                + o.getKey()
                + "' is not a key of profile "
                + name
                + ": see "
                + source
                + " for its keys");
      }
      p.setProperty(o.getKey(), o.getValue());
    }
    return new Profile(name, source, p);
  }

  /** The profiles there are: the built-in ones, then those only in {@code dir}, by name. */
  static List<String> names(Path dir) {
    List<String> names = new ArrayList<>(BUILT_IN_NAMES);
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".properties"))
            .map(f -> f.substring(0, f.length() - ".properties".length()))
            .filter(n -> !names.contains(n))
            .sorted()
            .forEach(names::add);
      } catch (IOException e) {
        // an unreadable folder adds nothing; the built-in profiles remain
      }
    }
    return names;
  }

  /** "quick, standard, full" and any others in {@code dir}. */
  static String available(Path dir) {
    return String.join(", ", names(dir));
  }

  /** Whether {@code dir/name.properties} overrides a built-in profile or adds one. */
  static boolean isFile(Path dir, String name) {
    return Files.isRegularFile(dir.resolve(name + ".properties"));
  }

  public String name() {
    return name;
  }

  /** Where the profile was read from: a file, or the built-in profile. */
  public String source() {
    return source;
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
    return parsed(key, Integer::parseInt, "an integer");
  }

  public double number(String key) {
    return parsed(key, Double::parseDouble, "a number");
  }

  /** {@code true} or {@code false}, nothing else. */
  public boolean bool(String key) {
    return parsed(key, Profile::parseBool, "true or false");
  }

  private static boolean parseBool(String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(v);
    }
    return v.equals("true");
  }

  /** The value parsed by {@code parse}; what it refuses is a mistake naming {@code expected}. */
  private <T> T parsed(String key, Function<String, T> parse, String expected) {
    String v = string(key);
    try {
      return parse.apply(v);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "profile " + name + ": " + key + " = '" + v + "' is not " + expected);
    }
  }

  /**
   * The value parsed by {@code parse}, which throws {@link IllegalArgumentException} or {@link
   * BadInputException} with a message saying what is wrong and what to write; the message is given
   * with the profile and the key.
   */
  public <T> T value(String key, Function<String, T> parse) {
    return parseOrSay(key, parse, string(key));
  }

  /** Every entry of the comma-separated {@link #list(String)}, parsed as {@link #value} does. */
  public <T> List<T> values(String key, Function<String, T> parse) {
    return list(key).stream().map(v -> parseOrSay(key, parse, v)).toList();
  }

  private <T> T parseOrSay(String key, Function<String, T> parse, String v) {
    try {
      return parse.apply(v);
    } catch (IllegalArgumentException | BadInputException e) {
      throw new BadInputException("profile " + name + ": " + key + ": " + e.getMessage());
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
