package org.ftcbench.cli;

import org.ftcbench.bench.EnvironmentStamp;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Option;

/**
 * {@code --machine NAME}: the {@code <machine>} folder of a new run folder (docs/design.md,
 * "Results of one run"). One rule for every command: a name starts with a letter or digit and has
 * only letters, digits, '.', '_' and '-', so it is one folder below benchmarks/results (never
 * {@code ..}, never a hidden folder, never a word a shell or a command line would read as an
 * option).
 */
final class MachineOption {
  @Option(
      names = "--machine",
      paramLabel = "NAME",
      description = "the <machine> folder of a new run folder (default: a slug of host and CPU)")
  String given;

  /** {@code --machine} checked, or null when it was not given. */
  String requested() {
    return given == null ? null : check(given);
  }

  /** {@code --machine} checked, or this machine's default name. */
  String name() {
    return given == null ? check(EnvironmentStamp.defaultMachine()) : check(given);
  }

  static String check(String machine) {
    if (!machine.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new BadInputException(
          "--machine '"
              + machine
              + "' is not a folder name: start with a letter or digit, then use letters, digits,"
              + " '.', '_', '-'");
    }
    return machine;
  }
}
