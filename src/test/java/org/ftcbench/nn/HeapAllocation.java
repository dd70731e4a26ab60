package org.ftcbench.nn;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/** What a piece of code allocates on the Java heap, measured on the calling thread. */
final class HeapAllocation {
  private HeapAllocation() {}

  /**
   * The bytes that {@code steps} runs of {@code step} allocate after {@code warmUp} runs (which
   * take the first-use allocations and leave time for JIT compilation).
   */
  static long afterWarmUp(Runnable step, int warmUp, int steps) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    for (int s = 0; s < warmUp; s++) {
      step.run();
    }
    long before = threads.getThreadAllocatedBytes(self);
    for (int s = 0; s < steps; s++) {
      step.run();
    }
    return threads.getThreadAllocatedBytes(self) - before;
  }
}
