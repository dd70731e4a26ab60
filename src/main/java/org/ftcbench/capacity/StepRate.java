package org.ftcbench.capacity;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.ftcbench.nn.Precision;

/**
 * How fast one training step of a sweep runs: full-batch loss, gradient and Adam update of a
 * depth-L, m-neuron adapter on K cached residuals (the hot path of every cell). A quick check from
 * the command line ({@code ftc-bench sweep speed}); the JMH benchmarks measure it properly.
 */
public final class StepRate {
  private StepRate() {}

  /**
   * @param steps timed steps (after as many warm-up steps, at least 200)
   * @param stepsPerSecond steps per second of wall time, one thread
   * @param microsPerStep the same as µs per step
   * @param cpuMicrosPerStep the thread's CPU time per step: on a machine shared with other work
   *     this is the fairer number, since wall time includes the time the thread waited for a core
   */
  public record Measurement(
      int depth,
      int k,
      int d,
      int m,
      Precision precision,
      long parameters,
      int steps,
      double stepsPerSecond,
      double microsPerStep,
      double cpuMicrosPerStep) {}

  /** Times {@code steps} steps of a zero-output adapter on {@code task}, in {@code precision}. */
  public static Measurement measure(
      FineTuningTask task, int depth, int m, Precision precision, int steps) {
    FrozenPlusAdapter<?> training =
        AdapterTraining.start(
            task, depth, m, task.seed(), TrainingSettings.defaults(), precision.kernels());
    for (int s = 0; s < Math.max(200, steps); s++) { // warm-up: JIT and caches
      training.step();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int s = 0; s < steps; s++) {
      training.step(); // updates g in place, so the JIT cannot drop it
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    return new Measurement(
        depth,
        task.k(),
        task.d(),
        m,
        precision,
        AdapterShape.parameters(depth, task.d(), m),
        steps,
        steps / seconds,
        seconds * 1e6 / steps,
        cpu0 < 0 ? Double.NaN : cpuSeconds * 1e6 / steps);
  }
}
