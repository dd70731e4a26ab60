package org.ftcbench.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ftcbench.bench.BlasConfig;
import org.ftcbench.capacity.CellWorker;
import picocli.CommandLine.Command;

/**
 * {@code ftc-bench sweep worker} (hidden): one worker process of a parallel sweep, speaking the
 * {@link CellWorker} protocol on stdin and stdout. The sweep command starts these itself.
 */
@Command(name = "worker", hidden = true, description = "Serve cell trainings for a sweep.")
final class SweepWorkerCommand implements Callable<Integer> {
  /** The command line that starts a worker with this JVM and class path. */
  static List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // a worker runs the BLAS its sweep runs: the environment it inherits, marked as chosen
    String blas =
        System.getenv()
            .getOrDefault(BlasConfig.APPLIED, System.getProperty(BlasConfig.APPLIED, "inherited"));
    return List.of(
        java,
        "--enable-native-access=ALL-UNNAMED",
        "-D" + BlasConfig.APPLIED + "=" + blas,
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "sweep",
        "worker");
  }

  @Override
  public Integer call() throws Exception {
    // if the sweep is killed outright (kill -9), stop too instead of finishing a long cell
    ProcessHandle.current().parent().ifPresent(ParentWatch::haltWhenGone);
    CellWorker.serve(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        new PrintWriter(System.out, false, StandardCharsets.UTF_8));
    return 0;
  }
}
