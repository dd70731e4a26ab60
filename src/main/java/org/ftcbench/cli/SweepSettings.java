package org.ftcbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.capacity.Criterion;
import org.ftcbench.capacity.GridSweep;
import org.ftcbench.capacity.KRule;
import org.ftcbench.capacity.LoraSweep;
import org.ftcbench.capacity.SearchSettings;
import org.ftcbench.capacity.SearchSweep;
import org.ftcbench.capacity.TrainingSettings;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;

/**
 * The trained sweeps' sweep.* keys of a profile, read and checked. Every key is read (a disabled
 * experiment's too), so a misspelt key is reported whatever is enabled.
 */
record SweepSettings(
    int threads,
    TrainingSettings training,
    List<GridSweep> grids,
    List<SearchSweep> searches,
    List<LoraSweep> loras) {

  static SweepSettings read(Profile p) {
    int threads = p.integer("sweep.threads");
    if (threads < 0) {
      throw new BadInputException(
          "sweep.threads = " + threads + ": choose 0 (all cores) or a thread count ≥ 1");
    }
    if (threads == 0) {
      threads = Runtime.getRuntime().availableProcessors();
    }
    double lr = p.number("sweep.training.learning_rate");
    if (!(lr > 0)) {
      throw new BadInputException(
          "sweep.training.learning_rate = " + lr + ": choose a step size > 0, e.g. 0.01");
    }
    AdamConfig defaults = AdamConfig.defaults();
    TrainingSettings training =
        new TrainingSettings(
            new AdamConfig(lr, defaults.beta1(), defaults.beta2(), defaults.epsilon()),
            p.integer("sweep.training.max_steps"),
            p.integer("sweep.training.plateau_window"),
            p.number("sweep.training.plateau_improvement"),
            p.number("sweep.training.divergence_factor"),
            p.value("sweep.training.precision", Precision::parse));

    List<GridSweep> grids = new ArrayList<>();
    String g = "sweep.fig9";
    boolean fig9 = p.bool(g + ".enabled");
    GridSweep fig9Grid =
        new GridSweep(
            g,
            p.integer(g + ".depth"),
            p.integer(g + ".k"),
            p.integer(g + ".d"),
            p.integers(g + ".n"),
            p.integers(g + ".m"),
            seeds(p, g + ".seeds"),
            p.values(g + ".criteria", Criterion::parse));
    if (fig9) {
      grids.add(fig9Grid);
    }
    List<SearchSweep> searches = new ArrayList<>();
    for (String s : List.of("sweep.scaling", "sweep.k_independence")) {
      boolean enabled = p.bool(s + ".enabled");
      SearchSweep sweep =
          new SearchSweep(
              s,
              p.integers(s + ".depths"),
              p.integers(s + ".n"),
              p.values(s + ".k", KRule::parse),
              p.integer(s + ".d"),
              seeds(p, s + ".seeds"),
              p.values(s + ".criteria", Criterion::parse),
              new SearchSettings(
                  p.integer(s + ".m_start"), p.integer(s + ".max_m"), p.number(s + ".resolution")));
      if (enabled) {
        searches.add(sweep);
      }
    }
    return new SweepSettings(threads, training, grids, searches, LoraSweepSettings.read(p));
  }

  /** A list of integer seeds (start:end:step allowed). */
  static List<Long> seeds(Profile p, String key) {
    return p.integers(key).stream().map(Integer::longValue).toList();
  }
}
