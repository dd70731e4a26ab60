package org.ftcbench.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
    List<String> cmd = new ArrayList<>(java());
    cmd.addAll(List.of("sweep", "worker"));
    return cmd;
  }

  /** The command line that starts ftc-bench's main class with this JVM and class path. */
  static List<String> java(String... jvmOptions) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmOptions));
    // absolute, so that a job started in another directory finds the same classes
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(p -> Path.of(p).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    cmd.addAll(List.of("-cp", classPath, Main.class.getName()));
    return cmd;
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
