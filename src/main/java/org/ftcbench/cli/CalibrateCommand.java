package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ftcbench.compare.Calibration;
import org.ftcbench.compare.Comparison;
import org.ftcbench.compare.NoiseFloor;
import org.ftcbench.compare.Pairing;
import org.ftcbench.compare.RunStamp;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ftc-bench calibrate RUN_A RUN_B [RUN_A RUN_B…]}: adds A/A pairs (two runs of one
 * configuration on one machine) to the machine's calibration, from which compare takes each point's
 * noise floor, and prints the floors.
 */
@Command(
    name = "calibrate",
    description = {
      "Add A/A pairs (two runs of the same configuration on one machine, separate or the two",
      "sides of one interleaved bench) to the machine's calibration, beside its runs:",
      "benchmarks/results/<machine>/" + Calibration.FILE + ". compare then labels no difference",
      "smaller than what these pairs show (see docs/comparing.md). Prints each point's floor."
    })
final class CalibrateCommand extends CliCommand {
  @Parameters(
      paramLabel = "RUN",
      arity = "2..*",
      description = "run folders, taken two by two as A/A pairs")
  List<Path> runs;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "the calibration file to add to (default: "
              + Calibration.FILE
              + " in the runs' machine folder)")
  Path out;

  @Override
  public Integer call() {
    if (runs.size() % 2 != 0) {
      throw new BadInputException(
          runs.size() + " run folders given: give them in pairs, RUN_A RUN_B [RUN_A RUN_B…]");
    }
    Path file = out != null ? out : commonFile();
    PrintWriter stdout = out();
    PrintWriter err = err();
    List<Calibration.Pair> pairs = new ArrayList<>();
    for (int i = 0; i < runs.size(); i += 2) {
      Path a = runs.get(i);
      Path b = runs.get(i + 1);
      List<String> differing = differingFields(a, b);
      if (!differing.isEmpty()) {
        err.println(
            "calibrate: warning: "
                + a
                + " and "
                + b
                + " differ in "
                + String.join(", ", differing)
                + ": an A/A pair should run one configuration");
      }
      pairs.add(Calibration.measure(a, b));
    }
    Calibration before =
        java.nio.file.Files.isRegularFile(file) ? Calibration.read(file) : Calibration.empty(file);
    Calibration after = before.adding(pairs);
    after.write();
    stdout.println(describe(after, pairs.size()));
    return 0;
  }

  /** The calibration file of the machine folder that holds every run. */
  private Path commonFile() {
    TreeSet<Path> files = new TreeSet<>();
    runs.forEach(r -> files.add(Calibration.beside(r)));
    if (files.size() > 1) {
      throw new BadInputException(
          "the runs are in "
              + files.size()
              + " machine folders ("
              + files.stream()
                  .map(f -> f.getParent().toString())
                  .reduce((x, y) -> x + ", " + y)
                  .get()
              + "): an A/A calibration is one machine's; give --out FILE to store it elsewhere");
    }
    return files.first();
  }

  /** The key fields (CPU, JVM, BLAS, commit, profile…) in which the two stamps differ. */
  private static List<String> differingFields(Path a, Path b) {
    Map<String, String> ea = RunStamp.load(a);
    Map<String, String> eb = RunStamp.load(b);
    return RunStamp.KEY_FIELDS.stream()
        .filter(k -> !k.equals("machine") && RunStamp.differs(k, ea, eb))
        .toList();
  }

  /** What the file holds now: pairs per pairing and every point's floor. */
  static String describe(Calibration c, int added) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%s: %d pair(s), %d added (%d separate-run, %d interleaved)%n",
            c.file(),
            c.pairs().size(),
            added,
            c.count(Pairing.SEPARATE),
            c.count(Pairing.INTERLEAVED)));
    long fewest =
        c.pairs().stream()
            .map(Calibration.Pair::pairing)
            .distinct()
            .mapToLong(c::count)
            .min()
            .orElse(0);
    if (fewest < 3) {
      s.append(
          "note: a floor from k pairs is t_k·s (t_1 = 12.7, t_2 = 4.3, t_3 = 3.2, t_5 = 2.6):"
              + " fewer than 3 pairs give wide floors; add pairs with calibrate\n");
    }
    TreeSet<String> labels = new TreeSet<>();
    c.pairs().forEach(p -> labels.addAll(p.logRatios().keySet()));
    s.append("noise floor per point (from k pairs): separate runs | interleaved\n");
    for (String label : labels) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-60s %-14s | %s%n",
              label,
              floor(c.floor(label, Pairing.SEPARATE), Pairing.SEPARATE),
              floor(c.floor(label, Pairing.INTERLEAVED), Pairing.INTERLEAVED)));
    }
    return s.toString();
  }

  private static String floor(Optional<NoiseFloor> f, Pairing asked) {
    if (f.isEmpty()) {
      return "-";
    }
    return "±"
        + Comparison.percent(f.get().fraction())
        + " (k="
        + f.get().pairs()
        + (f.get().pairing() != asked ? ", separate" : "")
        + ")";
  }
}
