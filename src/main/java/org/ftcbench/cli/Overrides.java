package org.ftcbench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.data.BadInputException;

/**
 * The {@code key=value} arguments that override a profile's keys, one rule for every command that
 * takes them ({@code sweep}, {@code bench}, and the Slurm jobs that rerun them): each argument is
 * {@code key=value} with a key under the command's own prefix ({@code sweep.} or {@code bench.}); a
 * key given again replaces its value (the last one counts). Whether the profile has the key, and
 * whether the value suits it, is checked when the profile is loaded and read ({@link Profile}).
 */
record Overrides(String prefix, String example) {
  static final Overrides SWEEP = new Overrides("sweep.", "sweep.fig9.seeds=1,2");
  static final Overrides BENCH = new Overrides("bench.", "bench.forks=1");

  /** The overrides in the order given; a malformed or foreign one is refused (exit 2). */
  Map<String, String> parse(List<String> args) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      String key = eq < 0 ? "" : a.substring(0, eq).trim();
      if (key.isEmpty()) {
        throw new BadInputException(
            "'" + a + "' is not a key=value override: write e.g. " + example);
      }
      if (!key.startsWith(prefix)) {
        // a key of another command would be accepted by the profile and then never read
        throw new BadInputException(
            "override '"
                + key
                + "' is not a "
                + prefix
                + "* key: this command reads only "
                + prefix
                + "* keys, e.g. "
                + example);
      }
      // a key given again replaces its value: a script may append to a list of defaults
      map.put(key, a.substring(eq + 1).trim());
    }
    return map;
  }
}
