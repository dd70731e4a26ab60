package org.ftcbench.capacity;

/**
 * A worker process ended while it trained a cell (killed, out of memory, crashed): not a wrong
 * answer, but a cell without one. The sweep records the cell in failures.csv with this reason, goes
 * on with the other tasks on a fresh worker, and a rerun ({@code sweep --run R}) trains it again.
 */
public final class WorkerDiedException extends RuntimeException {
  public WorkerDiedException(String reason) {
    super(reason);
  }
}
