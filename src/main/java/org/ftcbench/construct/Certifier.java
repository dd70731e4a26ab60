package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ftcbench.data.BadInputException;
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
    double projectMillis = (System.nanoTime() - t0) / 1e6;
    return build(construction, p, projectMillis, settings);
  }

  /**
   * Builds one construction on a task already projected ({@code projectMillis}, the projection's
   * time, counts as build time).
   */
  public static Built build(
      Construction construction, Projection p, double projectMillis, ClipSettings settings) {
    long t0 = System.nanoTime();
    PreciseNetwork g = construction.build(p, settings);
    long t1 = System.nanoTime();
    double scale = construction.depth() == 3 ? OutputScale.of(p.z()) : 1;
    return new Built(construction, g, p.a(), projectMillis + (t1 - t0) / 1e6, scale);
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

  /**
   * One construction tried on a task: the adapter built and verified, or why it could not be built
   * or checked. A construction that cannot be built is a result like a failed check, not a crash of
   * everything else: the caller shows it as FAILED with its reason and goes on.
   *
   * @param construction which construction
   * @param adapter the built and verified adapter (passed or not), or null if it could not be built
   * @param failure why it could not be built or checked, or null
   */
  public record Outcome(Construction construction, CertifiedAdapter adapter, String failure) {
    /** Whether the adapter was built and meets the tolerance. */
    public boolean passed() {
      return adapter != null && adapter.passed();
    }
  }

  /**
   * Builds and verifies one construction on a projected task; an internal failure of the
   * construction (a broken invariant, an overflow) becomes an {@link Outcome} with its reason. Only
   * a bad input ({@link BadInputException}) goes up: it is the user's to fix.
   */
  public static Outcome attempt(
      FineTuningTask task,
      Construction construction,
      Projection p,
      double projectMillis,
      ClipSettings settings) {
    try {
      return new Outcome(
          construction, verify(task, build(construction, p, projectMillis, settings)), null);
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      return new Outcome(construction, null, reason.strip().replaceAll("\\s*\\R\\s*", "; "));
    }
  }

  /** Every construction of the list on one projection of the task, in order. */
  public static List<Outcome> certifyAll(
      FineTuningTask task, List<Construction> constructions, long seed, ClipSettings settings) {
    long t0 = System.nanoTime();
    Projection p = Projection.of(task.x(), task.z(), task.changed(), seed);
    double projectMillis = (System.nanoTime() - t0) / 1e6;
    List<Outcome> out = new ArrayList<>();
    for (Construction c : constructions) {
      out.add(attempt(task, c, p, projectMillis, settings));
    }
    return out;
  }

  /**
   * The certified adapter among the results: the one with the fewest neurons among those of Theorem
   * 4.1 or 5.1 that verified (for depth 3 the minimum over U1, U2, U3; Appendix A is for comparison
   * only), or empty if none verified.
   */
  public static Optional<CertifiedAdapter> smallestVerified(List<Outcome> results) {
    return results.stream()
        .filter(o -> o.passed() && o.construction().certifies())
        .map(Outcome::adapter)
        .min(Comparator.comparingInt(CertifiedAdapter::neurons));
  }
}
