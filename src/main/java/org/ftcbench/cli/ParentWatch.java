package org.ftcbench.cli;

/**
 * Stops this JVM when the process that started it is gone, however it ended (a SIGKILL runs no
 * shutdown hook that could stop its children): a sweep worker must not finish a long cell for
 * nobody, and a command relaunched with its BLAS configuration ({@link Launcher}) must not outlive
 * the command the user killed.
 */
final class ParentWatch {
  private ParentWatch() {}

  /**
   * Polls {@code parent} every 2 s from a daemon thread; halts this JVM (exit 1) once it is gone.
   */
  static void haltWhenGone(ProcessHandle parent) {
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
            "ftc-bench parent watch");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
