package org.ftcbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ftcbench.bench.BlasSelfCheck;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.AtomicFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ftc-bench blas-check}: the BLAS self-check ({@link BlasSelfCheck}) between two JVMs
 * started otherwise than by the launcher (bench --side checks its sides with it; the launcher's own
 * choice checks in bench.BlasSelection). Run once with {@code --write} under the reference
 * configuration, then with {@code --against} under the other; a mismatch exits 2 with one line.
 */
@Command(
    name = "blas-check",
    hidden = true,
    description = "Compute fixed GEMM/GEMV/training-step results, or compare them with a file.")
final class BlasCheckCommand extends CliCommand {
  @ArgGroup(multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--write", paramLabel = "FILE", description = "write the results to FILE")
    Path write;

    @Option(
        names = "--against",
        paramLabel = "FILE",
        description = "compare with results written by --write")
    Path against;
  }

  record Group(String name, double[] values, double tolerance) {}

  @Override
  public Integer call() throws IOException {
    List<BlasSelfCheck.Result> results = BlasSelfCheck.compute();
    ObjectMapper json = new ObjectMapper();
    if (mode.write != null) {
      AtomicFiles.writeString(mode.write, json.writeValueAsString(results));
      return 0;
    }
    if (!Files.isRegularFile(mode.against)) {
      throw new BadInputException(
          mode.against + " does not exist: write it first with blas-check --write");
    }
    Group[] ref = json.readValue(mode.against.toFile(), Group[].class);
    List<BlasSelfCheck.Result> expected =
        Arrays.stream(ref)
            .map(g -> new BlasSelfCheck.Result(g.name(), g.values(), g.tolerance()))
            .toList();
    String mismatch = BlasSelfCheck.firstMismatch(expected, results);
    if (mismatch != null) {
      throw new BadInputException(
          "this BLAS configuration computes differently from the default: "
              + mismatch
              + "; refusing to run with it");
    }
    return 0;
  }
}
