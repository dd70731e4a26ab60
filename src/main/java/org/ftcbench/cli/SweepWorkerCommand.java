package org.ftcbench.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ftcbench.capacity.CellWorker;
import picocli.CommandLine.Command;

/**
 * {@code ftc-bench sweep worker} (hidden): one worker process of a parallel sweep, speaking the
 * {@link CellWorker} protocol on stdin and stdout. The sweep command starts these itself.
 */
@Command(name = "worker", hidden = true, description = "Serve cell trainings for a sweep.")
final class SweepWorkerCommand implements Callable<Integer> {
  /**
   * The command line that starts a worker with this JVM and class path and a heap of at most {@code
   * heapBytes} ({@link org.ftcbench.capacity.WorkerHeap}).
   */
  static List<String> command(long heapBytes) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        org.ftcbench.capacity.WorkerHeap.option(heapBytes),
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "sweep",
        "worker");
  }

  @Override
  public Integer call() throws Exception {
    // if the sweep is killed outright (kill -9), stop too instead of finishing a long cell
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    if (parent != null) {
      Thread watchdog =
          new Thread(
              () -> {
                while (parent.isAlive()) {
                  try {
                    Thread.sleep(2000);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                Runtime.getRuntime().halt(1);
              },
              "sweep-worker-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }
    CellWorker.serve(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        new PrintWriter(System.out, false, StandardCharsets.UTF_8));
    return 0;
  }
}
