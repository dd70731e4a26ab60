package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.DenseNetwork;

/**
 * Builds and verifies constructions on a task. The projection direction is drawn from the task's
 * seed ({@link Projection}), so the same task and seed give the same adapter.
 */
public final class Certifier {
  private Certifier() {}

  /** Builds and verifies one construction; the time to project counts as build time. */
  public static CertifiedAdapter certify(
      FineTuningTask task, Construction construction, long seed, ClipSettings settings) {
    return certify(task, construction, seed, settings, Long.MAX_VALUE);
  }

  private static final ThreadLocal<Long> LAST_COST = ThreadLocal.withInitial(() -> 0L);

  /** K × parameters of the last adapter built on this thread by {@link #certify}. */
  static long lastCost() {
    return LAST_COST.get();
  }

  /**
   * Builds one construction and verifies it unless verifying costs more than {@code
   * maxMultiplyAdds} (K × parameters of g); then returns null.
   */
  public static CertifiedAdapter certify(
      FineTuningTask task,
      Construction construction,
      long seed,
      ClipSettings settings,
      long maxMultiplyAdds) {
    long t0 = System.nanoTime();
    Projection p = Projection.of(task.x(), task.z(), task.changed(), seed);
    DenseNetwork g = construction.build(p, settings);
    long t1 = System.nanoTime();
    long cost =
        Math.multiplyHigh(task.k(), g.parameterCount()) != 0
            ? Long.MAX_VALUE
            : (long) task.k() * g.parameterCount();
    LAST_COST.set(cost);
    if (cost > maxMultiplyAdds) {
      return null;
    }
    Verification v = Verification.of(task, g);
    long t2 = System.nanoTime();
    double scale = construction.depth() == 3 ? OutputScale.of(p.z()) : 1;
    return new CertifiedAdapter(
        construction,
        g,
        v,
        construction.upperBound(task.n(), task.k()),
        construction.lowerBound(task.n(), task.k()),
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        scale);
  }

  /** Every construction of the list, in order. */
  public static List<CertifiedAdapter> certifyAll(
      FineTuningTask task, List<Construction> constructions, long seed, ClipSettings settings) {
    List<CertifiedAdapter> out = new ArrayList<>();
    for (Construction c : constructions) {
      out.add(certify(task, c, seed, settings));
    }
    return out;
  }

  /**
   * The certified adapter among the results: the one with the fewest neurons among those that
   * verified (for depth 3 the minimum of U1, U2, U3 of Theorem 5.1), or empty if none verified.
   */
  public static Optional<CertifiedAdapter> smallestVerified(List<CertifiedAdapter> results) {
    return results.stream()
        .filter(CertifiedAdapter::passed)
        .min(Comparator.comparingInt(CertifiedAdapter::neurons));
  }
}
