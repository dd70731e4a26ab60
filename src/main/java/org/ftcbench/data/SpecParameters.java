package org.ftcbench.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key=value part of a {@link DataFamily} spec ({@code clusters:centres=24,sigma=1e-4}): each
 * key given once and read once by its family, so a missing, repeated or unknown key is one clear
 * line.
 */
final class SpecParameters {
  private final String spec;
  private final Map<String, String> values = new LinkedHashMap<>();

  private SpecParameters(String spec) {
    this.spec = spec;
  }

  static SpecParameters of(String spec, String list) {
    SpecParameters p = new SpecParameters(spec);
    if (list == null) {
      return p;
    }
    for (String pair : list.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 1 || eq == pair.length() - 1) {
        throw new BadInputException(
            "data family '"
                + spec
                + "': '"
                + pair
                + "' is not key=value: write e.g. clusters:centres=24,sigma=1e-4");
      }
      String key = pair.substring(0, eq).strip();
      if (p.values.put(key, pair.substring(eq + 1).strip()) != null) {
        throw new BadInputException(
            "data family '" + spec + "' gives " + key + " twice: give each parameter once");
      }
    }
    return p;
  }

  int wholeNumber(String key, int min, int max) {
    String v = take(key);
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw bad(key, v, "is not a whole number from " + min + " to " + max);
  }

  double positive(String key, double max) {
    String v = take(key);
    try {
      double x = Double.parseDouble(v);
      if (x > 0 && x <= max) {
        return x;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, v, "is not a positive number: write e.g. " + key + "=1e-4");
  }

  /** One line naming the spec, the key and its value, and what was wrong with it. */
  private BadInputException bad(String key, String value, String why) {
    return new BadInputException("data family '" + spec + "': " + key + " = " + value + " " + why);
  }

  private String take(String key) {
    String v = values.remove(key);
    if (v == null) {
      throw new BadInputException(
          "data family '" + spec + "' needs " + key + "=…: " + DataFamily.CHOICES);
    }
    return v;
  }

  void requireAllUsed() {
    if (!values.isEmpty()) {
      throw new BadInputException(
          "data family '"
              + spec
              + "' has no parameter "
              + values.keySet().iterator().next()
              + ": "
              + DataFamily.CHOICES);
    }
  }

  /** The shortest decimal that reads back as x, without a trailing ".0": 1e-4, 0.5, 2. */
  static String format(double x) {
    return Double.toString(x).replace(".0E", "E").replace("E", "e").replaceAll("\\.0$", "");
  }
}
