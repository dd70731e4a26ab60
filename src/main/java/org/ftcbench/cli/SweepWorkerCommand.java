package org.ftcbench.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.bench.BlasConfig;
import org.ftcbench.bench.ChildJvm;
import org.ftcbench.capacity.CellWorker;
import picocli.CommandLine.Command;

/**
 * {@code ftc-bench sweep worker} (hidden): one worker process of a parallel sweep, speaking the
 * {@link CellWorker} protocol on stdin and stdout. The sweep command starts these itself.
 */
@Command(name = "worker", hidden = true, description = "Serve cell trainings for a sweep.")
final class SweepWorkerCommand extends CliCommand {
  /**
   * The command line that starts a worker with this JVM and class path and a heap of at most {@code
   * heapBytes} ({@link org.ftcbench.capacity.WorkerHeap}); it runs the BLAS its sweep runs (the
   * environment it inherits, marked as chosen).
   */
  static List<String> command(long heapBytes) {
    String blas =
        System.getenv()
            .getOrDefault(BlasConfig.APPLIED, System.getProperty(BlasConfig.APPLIED, "inherited"));
    List<String> cmd =
        new ArrayList<>(
            java(
                org.ftcbench.capacity.WorkerHeap.option(heapBytes),
                "-D" + BlasConfig.APPLIED + "=" + blas));
    cmd.addAll(List.of("sweep", "worker"));
    return cmd;
  }

  /** The command line that starts ftc-bench's main class with this JVM and class path. */
  static List<String> java(String... jvmOptions) {
    return ChildJvm.command(List.of(jvmOptions), Main.class.getName());
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
