package org.ftcbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code --profile P [key=value…]}, as {@code sweep} and {@code bench} take them: which profile a
 * command reads (a continued run's own) and the keys the command line changes ({@link Overrides}).
 */
final class ProfileOptions {
  @Option(
      names = "--profile",
      paramLabel = "P",
      description =
          "profile: benchmarks/profiles/P.properties (quick, standard, full); with --run, the"
              + " run's own profile")
  String name;

  @Parameters(
      paramLabel = "key=value",
      description =
          "override the profile's ${COMMAND-NAME}.* keys, e.g. ${COMMAND-NAME}.KEY=VALUE (a key"
              + " given twice: the last value counts)")
  List<String> overrides = new ArrayList<>();

  /**
   * The profile's name: the continued run's (refusing another {@code --profile}), else {@code
   * --profile}; none at all is a mistake (exit 2) that names the profiles there are.
   */
  String name(String command, Optional<ResumedRun> resumed) {
    String chosen = resumed.isPresent() ? resumed.get().profile(name) : name;
    if (chosen == null) {
      throw new BadInputException(
          command
              + " needs a profile: add --profile P with P one of "
              + Profile.available(Profile.FOLDER));
    }
    return chosen;
  }

  /** The overrides as parsed by {@code rule}. */
  Map<String, String> parsed(Overrides rule) {
    return rule.parse(overrides);
  }
}
