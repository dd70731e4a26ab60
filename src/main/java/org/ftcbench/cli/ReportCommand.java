package org.ftcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.Notice;
import org.ftcbench.analysis.RunData;
import org.ftcbench.data.BadInputException;
import org.ftcbench.report.ReportWriter;
import org.ftcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ftc-bench report [RUN…] [--out DIR]}: HTML reports from result files alone. A missing,
 * truncated or unparseable file does not stop the report: the page shows what is there with a
 * visible notice, and each notice is also printed on stderr as one line. Naming a folder that holds
 * no run is a usage error (exit 2).
 */
@Command(
    name = "report",
    description = {
      "Write HTML reports (index.html, capacity.html, kernels.html; lora.html for runs with LoRA"
          + " rows) for result runs.",
      "RUN is a run folder (benchmarks/results/<machine>/<run>) or a folder holding runs;"
          + " default: every run under benchmarks/results. The top-level index.html shows the"
          + " newest run with certified and trained widths (among the run folders named, if"
          + " any) and an overview of all runs; with several runs each also gets"
          + " runs/<machine>/<run>/."
    })
final class ReportCommand extends CliCommand {
  static {
    // Tablesaw's template engine logs through SLF4J, which has no binding here: silence its
    // start-up warning so that the command prints only its own lines.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
  }

  /** Files whose presence makes a folder a run folder. */
  private static final List<String> RUN_FILES =
      List.of(RunFolder.ENV, RunFolder.CERTIFY, RunFolder.CAPACITY, RunFolder.CELLS, RunFolder.JMH);

  @Parameters(
      paramLabel = "RUN",
      arity = "0..*",
      description = "Run folders (default: all under --results).")
  List<Path> runs = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "benchmarks/results",
      description = "Where to look for runs when none is named (default: ${DEFAULT-VALUE}).")
  Path results;

  @Override
  public Integer call() {
    List<Path> dirs = new ArrayList<>();
    List<Path> named =
        new ArrayList<>(); // run folders named as such: candidates for the front page
    if (runs.isEmpty()) {
      if (!Files.isDirectory(results)) {
        throw new BadInputException(
            "there are no results yet ("
                + results
                + " does not exist): run ./run-benchmarks.sh first, or name a run folder");
      }
      dirs.addAll(findRuns(results));
      if (dirs.isEmpty()) {
        throw new BadInputException(
            "there is no run under "
                + results
                + ": run ./run-benchmarks.sh first, or name a run folder");
      }
    } else {
      for (Path p : runs) {
        if (!Files.isDirectory(p)) {
          throw new BadInputException(
              "RUN '"
                  + p
                  + "' is not a folder: name a run folder such as benchmarks/results/<machine>/<run>");
        }
        List<Path> found = isRun(p) ? List.of(p) : findRuns(p);
        if (isRun(p)) {
          named.add(p);
        }
        if (found.isEmpty()) {
          throw new BadInputException(
              "'"
                  + p
                  + "' holds no run (none of "
                  + String.join(", ", RUN_FILES)
                  + "): name a run folder such as benchmarks/results/<machine>/<run>");
        }
        dirs.addAll(found);
      }
    }
    ReportWriter.Written w =
        ReportWriter.write(dirs.stream().distinct().toList(), named, out, FitSettings.defaults());
    PrintWriter err = err();
    for (RunData r : w.runs()) {
      for (Notice n : r.notices()) {
        err.println("ftc-bench: report: " + r.label() + ": " + Main.oneLine(n.oneLine()));
      }
    }
    out().println(w.index().toAbsolutePath().normalize());
    return 0;
  }

  private static boolean isRun(Path dir) {
    return RUN_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
  }

  /** Run folders up to two levels below {@code root} (machine/run), in name order. */
  private static List<Path> findRuns(Path root) {
    try (Stream<Path> s = Files.walk(root, 2)) {
      return s.filter(Files::isDirectory).filter(ReportCommand::isRun).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + root, e);
    }
  }
}
