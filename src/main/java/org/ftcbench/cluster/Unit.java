package org.ftcbench.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ftcbench.capacity.SweepItem;
import org.ftcbench.capacity.SweepPlan;
import org.ftcbench.capacity.TaskKey;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.construct.Construction;
import org.ftcbench.results.ResultFiles;

/**
 * One array task of a sweep on a cluster: what a local sweep already treats as independent. A
 * trained unit is one {@link SweepItem} (a width search, or a Fig. 9 column); a certified unit is
 * one point (N, K, d, seed) of the certified sweep with all its constructions, which share the
 * point's data, pre-trained f and projection (one construction alone is often under a second of
 * work, shorter than a job's start-up).
 */
public sealed interface Unit {
  /** A name that is unique in a sweep and safe as a folder name, e.g. {@code train-L3-N100-…}. */
  String id();

  /**
   * A rough cost in multiply-adds, comparable between the two kinds; only for the order of the
   * array (heaviest first) and the ETA.
   */
  double cost();

  /** A trained unit: the cells of one task, and its capacity rows. */
  record Trained(SweepItem item) implements Unit {
    @Override
    public String id() {
      TaskKey t = item.task();
      return "train-L"
          + t.depth()
          + "-N"
          + t.n()
          + "-K"
          + t.k()
          + "-d"
          + t.d()
          + "-s"
          + t.seed()
          + setting(t.data())
          + setting(t.adapter());
    }

    @Override
    public double cost() {
      return item.cost();
    }
  }

  /** A certified unit: every construction at one point, verified unless above {@code cap}. */
  record Certified(CertifySweep.Point point, long cap) implements Unit {
    /** How every certified unit's id begins. */
    static final String PREFIX = "certify-";

    @Override
    public String id() {
      return PREFIX
          + "N"
          + point.n()
          + "-K"
          + point.k()
          + "-d"
          + point.d()
          + "-s"
          + point.seed()
          + setting(point.data());
    }

    /**
     * K × (d + 1) × Σ over the constructions of their neuron bounds: one verification pass over the
     * first layer. Building costs a small multiple of that; a guess like {@link SweepItem#cost}.
     */
    @Override
    public double cost() {
      double neurons = 0;
      for (Construction c : CertifySweep.ALL) {
        neurons += c.upperBound(point.n(), point.k());
      }
      return (double) point.k() * (point.d() + 1) * neurons;
    }
  }

  /**
   * The part of an id for a data family or adapter spec outside the paper's setting (none for
   * gaussian and additive, so ids of the paper's sweeps stay as they were), safe in a folder name.
   */
  private static String setting(String spec) {
    return spec.equals(ResultFiles.GAUSSIAN) || spec.equals(ResultFiles.ADDITIVE)
        ? ""
        : "-" + spec.replaceAll("[^A-Za-z0-9.]+", "_");
  }

  /**
   * Every unit of a sweep, heaviest first (equal costs keep the certified points first, in their
   * order, then the plan's order).
   */
  static List<Unit> of(SweepPlan plan, List<CertifySweep.Point> certifyPoints, long certifyCap) {
    List<Unit> units = new ArrayList<>();
    for (CertifySweep.Point p : certifyPoints) {
      units.add(new Certified(p, certifyCap));
    }
    for (SweepItem item : plan.items()) {
      units.add(new Trained(item));
    }
    units.sort(Comparator.comparingDouble(Unit::cost).reversed());
    return List.copyOf(units);
  }
}
