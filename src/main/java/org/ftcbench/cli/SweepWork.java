package org.ftcbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.capacity.KRule;
import org.ftcbench.capacity.SweepPlan;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.data.BadInputException;

/**
 * What a profile asks the sweep to do: the trained sweeps' settings and plan, and the certified
 * sweep's points and verification cap. The local sweep, the Slurm submission and each array task
 * read it from the same profile and overrides, so they plan the same work.
 */
record SweepWork(
    SweepSettings settings,
    List<CertifySweep.Point> certifyPoints,
    long certifyCap,
    SweepPlan plan) {

  /** Reads and checks every sweep.* key of the profile (exit 2 on a mistake). */
  static SweepWork read(Profile profile) {
    SweepSettings settings = SweepSettings.read(profile);
    // a profile without sweep.certify.n has no certified sweep
    boolean certify = profile.has("sweep.certify.n");
    List<CertifySweep.Point> points = new ArrayList<>(certify ? certifyPoints(profile) : List.of());
    long cap =
        certify ? (long) profile.number("sweep.certify.max_multiply_adds") : CertifySweep.UNLIMITED;
    DataExperiments experiments = DataExperiments.read(profile);
    experiments.certifyPoints().stream().filter(p -> !points.contains(p)).forEach(points::add);
    profile.requireNoUnknownKeys("sweep.");
    return new SweepWork(
        settings,
        List.copyOf(points),
        cap,
        SweepPlan.of(
            settings.grids(), settings.searches(), experiments.taskSweeps(), settings.loras()));
  }

  /**
   * The certified sweep's grid: every N of sweep.certify.n with every K of sweep.certify.k (a
   * sample count, or a multiple of N such as "10N", read as the trained sweeps read their K: {@link
   * KRule}), every seed; points with N > K are left out.
   */
  static List<CertifySweep.Point> certifyPoints(Profile profile) {
    List<Integer> ns = profile.integers("sweep.certify.n");
    List<KRule> ks = profile.values("sweep.certify.k", KRule::parse);
    List<Integer> seeds = profile.integers("sweep.certify.seeds");
    int d = profile.integer("sweep.certify.d");
    List<CertifySweep.Point> points = new ArrayList<>();
    for (int n : ns) {
      for (KRule rule : ks) {
        int k = k(profile, rule, n);
        for (int seed : seeds) {
          if (n <= k) {
            points.add(new CertifySweep.Point(n, k, d, seed));
          }
        }
      }
    }
    return points;
  }

  private static int k(Profile profile, KRule rule, int n) {
    try {
      int k = rule.k(n);
      if (k >= 3) {
        return k;
      }
      throw mistake(profile, rule, n, "K = " + k, "the constructions need 3 ≤ K");
    } catch (ArithmeticException e) {
      throw mistake(profile, rule, n, "a K beyond 2³¹ − 1", "choose a smaller multiple of N");
    }
  }

  private static BadInputException mistake(
      Profile profile, KRule rule, int n, String what, String fix) {
    return new BadInputException(
        "profile "
            + profile.name()
            + ": sweep.certify.k = "
            + rule
            + " gives "
            + what
            + " at N = "
            + n
            + ": "
            + fix);
  }
}
