package org.ftcbench.capacity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ftcbench.nn.Precision;

/**
 * Trains cells in {@code size} worker processes, one single-threaded training each (see {@link
 * CellTrainer} for why processes and not threads). A call blocks until a worker is free and has
 * answered; calls from several threads run on different workers at once. Workers speak the {@link
 * CellWorker} protocol; each keeps its own pre-trained f per (K, d, seed). A worker's stderr goes
 * to a temporary file, quoted if the worker fails. Closing the pool ends the workers (and so does
 * this process ending: a worker stops at the end of its input).
 */
public final class WorkerPool implements CellTrainer {
  private record Worker(Process process, PrintWriter in, BufferedReader out, Path log) {}

  private final List<Worker> all = new ArrayList<>();
  private final BlockingQueue<Worker> idle;
  private final Thread killer = new Thread(this::destroyAll, "sweep-worker-killer");
  private final Precision precision;

  /**
   * @param command the command line that starts one worker (it must serve {@link CellWorker#serve}
   *     on its stdin and stdout)
   */
  public WorkerPool(List<String> command, int size, TrainingSettings settings) {
    precision = settings.precision();
    idle = new ArrayBlockingQueue<>(size);
    // if this process is stopped (Ctrl-C, kill), do not leave workers training a cell
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      for (int i = 0; i < size; i++) {
        Path log = Files.createTempFile("ftc-sweep-worker-", ".log");
        Process p =
            new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        Worker w =
            new Worker(
                p,
                new PrintWriter(p.getOutputStream(), false, StandardCharsets.UTF_8),
                new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                log);
        all.add(w);
        w.in().println(CellWorker.settingsLine(settings));
        w.in().flush();
        idle.add(w);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("could not start a sweep worker: " + command, e);
    }
  }

  @Override
  public double initialLoss(TaskKey task) {
    return CellWorker.parseLoss(ask(CellWorker.lossRequest(task)));
  }

  @Override
  public CellResult train(CellKey cell, double stopLoss) {
    return CellWorker.parseCell(cell, ask(CellWorker.cellRequest(cell, stopLoss)));
  }

  private String ask(String request) {
    Worker w;
    try {
      w = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a sweep worker", e);
    }
    String answer;
    try {
      w.in().println(request);
      w.in().flush();
      answer = w.out().readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || answer.startsWith("error")) {
      // a dead or failing worker is a bug: do not hand it out again
      throw new IllegalStateException(
          "sweep worker failed on '" + request + "': " + answer + "; its log: " + tail(w.log()));
    }
    idle.add(w);
    return answer;
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log);
      return s.length() > 2000 ? "…" + s.substring(s.length() - 2000) : s;
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private void destroyAll() {
    for (Worker w : all) {
      w.process().destroyForcibly();
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
    for (Worker w : all) {
      w.in().close(); // end of input: the worker exits
    }
    for (Worker w : all) {
      try {
        if (!w.process().waitFor(10, TimeUnit.SECONDS)) {
          w.process().destroyForcibly();
        }
        Files.deleteIfExists(w.log());
      } catch (InterruptedException e) {
        w.process().destroyForcibly();
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // a leftover temporary log is harmless
      }
    }
  }

  @Override
  public Precision precision() {
    return precision;
  }
}
