package org.ftcbench.capacity;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** A sweep worker process for tests (the real one is {@code ftc-bench sweep worker}). */
public final class TestWorker {
  private TestWorker() {}

  static List<String> command() {
    return command(WorkerHeap.MINIMUM);
  }

  /** A worker with at most this much heap. */
  static List<String> command(long heapBytes) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        WorkerHeap.option(heapBytes),
        "-cp",
        System.getProperty("java.class.path"),
        TestWorker.class.getName());
  }

  public static void main(String[] args) throws Exception {
    CellWorker.serve(
        new BufferedReader(new InputStreamReader(System.in)), new PrintWriter(System.out));
  }
}
