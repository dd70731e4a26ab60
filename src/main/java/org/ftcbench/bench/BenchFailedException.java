package org.ftcbench.bench;

/**
 * A benchmark failed while running (an exception in a fork, a fork that died, JMH refusing to
 * start): the run stops, keeping the points measured before (exit code 1, not a user mistake).
 */
public final class BenchFailedException extends RuntimeException {
  public BenchFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
