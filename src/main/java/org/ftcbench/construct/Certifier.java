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

  /**
   * A construction built but not yet verified.
   *
   * @param construction which construction
   * @param weights the adapter g, with double-double low parts where it has them
   * @param direction the projection direction a that every first-layer row is a multiple of
   * @param buildMillis projecting, sorting and building, in milliseconds
   * @param outputScale s ≥ 1 by which a 3-layer output layer was multiplied (see {@link
   *     OutputScale})
   */
  public record Built(
      Construction construction,
      PreciseNetwork weights,
      double[] direction,
      double buildMillis,
      double outputScale) {

    /** The float64 network (the weights rounded to double). */
    public DenseNetwork network() {
      return weights.network();
    }

    /**
     * Verifying costs K × Σ_l (distinct rows of W_l) × d_{l−1} multiply-adds ({@link
     * SharedRowForward}); the exact evaluation along the projection costs about as much again.
     */
    public long verificationCost(FineTuningTask task) {
      return new SharedRowForward(network()).multiplyAdds(task.k());
    }
  }

  /** Projects the task and builds one construction; the projection counts as build time. */
  public static Built build(
      FineTuningTask task, Construction construction, long seed, ClipSettings settings) {
    long t0 = System.nanoTime();
    Projection p = Projection.of(task.x(), task.z(), task.changed(), seed);
    PreciseNetwork g = construction.build(p, settings);
    long t1 = System.nanoTime();
    double scale = construction.depth() == 3 ? OutputScale.of(p.z()) : 1;
    return new Built(construction, g, p.a(), (t1 - t0) / 1e6, scale);
  }

  /** Verifies a built construction on all K samples of its task. */
  public static CertifiedAdapter verify(FineTuningTask task, Built built) {
    long t0 = System.nanoTime();
    Verification v = Verification.of(task, built.weights(), built.direction());
    long t1 = System.nanoTime();
    Construction c = built.construction();
    return new CertifiedAdapter(
        c,
        built.weights(),
        v,
        c.upperBound(task.n(), task.k()),
        c.lowerBound(task.n(), task.k()),
        built.buildMillis(),
        (t1 - t0) / 1e6,
        built.outputScale());
  }

  /** Builds and verifies one construction. */
  public static CertifiedAdapter certify(
      FineTuningTask task, Construction construction, long seed, ClipSettings settings) {
    return verify(task, build(task, construction, seed, settings));
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
