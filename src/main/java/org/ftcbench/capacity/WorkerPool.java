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
 *
 * <p>A worker that dies while it works (killed, e.g. by the kernel's out-of-memory killer; out of
 * heap; crashed) is replaced by a fresh one, and the call throws {@link WorkerDiedException} with
 * how it ended and the end of its log, so that the sweep records the cell and goes on. A worker
 * that answers with an error is a bug: the call throws {@link IllegalStateException}.
 */
public final class WorkerPool implements CellTrainer {
  private record Worker(Process process, PrintWriter in, BufferedReader out, Path log) {}

  private final List<Worker> all = new ArrayList<>();
  private final BlockingQueue<Worker> idle;
  private final Thread killer = new Thread(this::destroyAll, "sweep-worker-killer");
  private final Precision precision;
  private final List<String> command;
  private final TrainingSettings settings;

  /**
   * @param command the command line that starts one worker (it must serve {@link CellWorker#serve}
   *     on its stdin and stdout)
   */
  public WorkerPool(List<String> command, int size, TrainingSettings settings) {
    this.command = List.copyOf(command);
    this.settings = settings;
    this.precision = settings.precision();
    idle = new ArrayBlockingQueue<>(size);
    // if this process is stopped (Ctrl-C, kill), do not leave workers training a cell
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      for (int i = 0; i < size; i++) {
        idle.add(start());
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("could not start a sweep worker: " + command, e);
    }
  }

  private Worker start() throws IOException {
    Path log = Files.createTempFile("ftc-sweep-worker-", ".log");
    Process p =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    Worker w =
        new Worker(
            p,
            new PrintWriter(p.getOutputStream(), false, StandardCharsets.UTF_8),
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
            log);
    synchronized (all) {
      all.add(w);
    }
    w.in().println(CellWorker.settingsLine(settings));
    w.in().flush();
    return w;
  }

  /** The process ids of the live workers (for tests that kill one). */
  public List<Long> pids() {
    synchronized (all) {
      return all.stream().map(Worker::process).filter(Process::isAlive).map(Process::pid).toList();
    }
  }

  @Override
  public double initialLoss(TaskKey task) {
    return CellWorker.parseLoss(
        ask(CellWorker.lossRequest(task), "computing the initial loss of " + task));
  }

  @Override
  public CellResult train(CellKey cell, double stopLoss) {
    return CellWorker.parseCell(
        cell, ask(CellWorker.cellRequest(cell, stopLoss), "training cell " + cell));
  }

  /** Sends a request to an idle worker and returns its answer; {@code what} names it. */
  private String ask(String request, String what) {
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
    if (answer == null) {
      throw new WorkerDiedException(died(w, what));
    }
    if (answer.startsWith("error")) {
      // a failing worker is a bug: do not hand it out again
      throw new IllegalStateException(
          "sweep worker failed on '" + request + "': " + answer + "; its log: " + tail(w.log()));
    }
    idle.add(w);
    return answer;
  }

  /**
   * How a worker that stopped answering ended, after replacing it with a fresh one so that the pool
   * keeps its size.
   */
  private String died(Worker w, String what) {
    String how;
    try {
      if (w.process().waitFor(10, TimeUnit.SECONDS)) {
        int code = w.process().exitValue();
        how =
            code > 128
                ? "was killed by signal "
                    + (code - 128)
                    + (code - 128 == 9
                        ? " (SIGKILL: by hand, or by the kernel's out-of-memory killer)"
                        : "")
                : "exited with code " + code;
      } else {
        w.process().destroyForcibly();
        how = "stopped answering and was ended";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      how = "stopped answering";
    }
    String log = lastMessage(tail(w.log()));
    try {
      idle.add(start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a sweep worker to replace a dead one", e);
    }
    return "worker process "
        + w.process().pid()
        + " "
        + how
        + " while "
        + what
        + (log.isEmpty() ? "" : "; its last message: " + log);
  }

  /**
   * What a dead worker's log says: its last exception line ("Exception in thread "main"
   * java.lang.OutOfMemoryError: Java heap space", not the frames below it nor jblas's clean-up
   * lines after it), else its last line; shortened.
   */
  private static String lastMessage(String log) {
    String last = "";
    String exception = "";
    for (String line : log.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("at ") || t.matches("\\.\\.\\. \\d+ more")) {
        continue;
      }
      last = t;
      if (t.matches(".*\\b[\\w.$]*(Exception|Error)\\b.*")) {
        exception = t;
      }
    }
    String message = exception.isEmpty() ? last : exception;
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
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
    synchronized (all) {
      for (Worker w : all) {
        w.process().destroyForcibly();
      }
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
    List<Worker> workers;
    synchronized (all) {
      workers = List.copyOf(all);
    }
    for (Worker w : workers) {
      w.in().close(); // end of input: the worker exits
    }
    for (Worker w : workers) {
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
