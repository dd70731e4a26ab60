package org.ftcbench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ftcbench.capacity.Criterion;
import org.ftcbench.capacity.FractionSweep;
import org.ftcbench.capacity.KRule;
import org.ftcbench.capacity.SearchSettings;
import org.ftcbench.capacity.StructureSweep;
import org.ftcbench.capacity.TaskKey;
import org.ftcbench.capacity.TaskSweep;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.DataFamily;

/**
 * The two experiments beyond the paper's setting (docs/experiments.md), read from the profile's
 * sweep.fraction.* and sweep.structure.* keys: pre-training quality (N/K from a few percent to 1 at
 * fixed K, {@link FractionSweep}) and the shape of the data (data family × d, {@link
 * StructureSweep}). Each is trained (width searches, capacity.csv) and certified (every
 * construction at the same (N, K, d, seed, data) points, certify.csv). Every key is read, an
 * experiment's too when it is disabled, so a misspelt key is reported whatever is enabled.
 *
 * @param taskSweeps the enabled experiments' width searches
 * @param certifyPoints their certified points, each once
 */
record DataExperiments(List<TaskSweep> taskSweeps, List<CertifySweep.Point> certifyPoints) {

  static final String FRACTION = "sweep.fraction";
  static final String STRUCTURE = "sweep.structure";

  /** Separates data family specs in sweep.structure.families (a spec has commas of its own). */
  static final String FAMILY_SEPARATOR = ";";

  /** Reads both experiments (exit 2 on a mistake); a profile without their keys has neither. */
  static DataExperiments read(Profile p) {
    List<TaskSweep> sweeps = new ArrayList<>();
    if (p.has(FRACTION + ".enabled")) {
      String s = FRACTION;
      boolean enabled = p.bool(s + ".enabled");
      FractionSweep fraction =
          new FractionSweep(
              s,
              p.integers(s + ".depths"),
              p.integer(s + ".k"),
              p.values(s + ".fractions", DataExperiments::fraction),
              p.integer(s + ".d"),
              SweepSettings.seeds(p, s + ".seeds"),
              p.values(s + ".criteria", Criterion::parse),
              search(p, s));
      if (enabled) {
        sweeps.add(fraction);
      }
    }
    if (p.has(STRUCTURE + ".enabled")) {
      String s = STRUCTURE;
      boolean enabled = p.bool(s + ".enabled");
      StructureSweep structure =
          new StructureSweep(
              s,
              p.integers(s + ".depths"),
              p.value(s + ".families", DataExperiments::families),
              p.integers(s + ".d"),
              p.integers(s + ".n"),
              p.value(s + ".k", KRule::parse),
              SweepSettings.seeds(p, s + ".seeds"),
              p.values(s + ".criteria", Criterion::parse),
              search(p, s));
      if (enabled) {
        sweeps.add(structure);
      }
    }
    // the certified side: every construction once per (N, K, d, seed, data), whatever the depth
    Set<CertifySweep.Point> points = new LinkedHashSet<>();
    for (TaskSweep t : sweeps) {
      for (TaskKey key : t.tasks()) {
        points.add(new CertifySweep.Point(key.n(), key.k(), key.d(), key.seed(), key.data()));
      }
    }
    return new DataExperiments(List.copyOf(sweeps), List.copyOf(points));
  }

  /** A fraction N/K such as 0.1. */
  static double fraction(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadInputException("'" + text + "' is not a number: write fractions like 0.1");
    }
  }

  /**
   * Data family specs separated by {@value #FAMILY_SEPARATOR}, e.g. {@code
   * gaussian;line;clusters:centres=24,sigma=1e-4}, each as {@link DataFamily#parse} reads it.
   */
  static List<String> families(String text) {
    return Arrays.stream(text.split(FAMILY_SEPARATOR))
        .map(String::strip)
        .filter(f -> !f.isEmpty())
        .map(f -> DataFamily.parse(f).spec())
        .toList();
  }

  /** The bracket of s's width searches; a mistake names the key group. */
  private static SearchSettings search(Profile p, String s) {
    int mStart = p.integer(s + ".m_start");
    int maxM = p.integer(s + ".max_m");
    double resolution = p.number(s + ".resolution");
    try {
      return new SearchSettings(mStart, maxM, resolution);
    } catch (BadInputException e) {
      throw new BadInputException("profile " + p.name() + ": " + s + ": " + e.getMessage());
    }
  }
}
