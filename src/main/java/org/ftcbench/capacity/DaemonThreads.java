package org.ftcbench.capacity;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that do not keep the JVM alive (sweep workers, progress and liveness heartbeats): a run
 * that ends, or fails, exits without waiting for them.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads called {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
