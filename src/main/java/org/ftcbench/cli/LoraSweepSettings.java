package org.ftcbench.cli;

import java.util.List;
import org.ftcbench.capacity.Criterion;
import org.ftcbench.capacity.KRule;
import org.ftcbench.capacity.LoraSweep;
import org.ftcbench.capacity.SearchSettings;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.LoraSpec;

/**
 * The LoRA sweep's sweep.lora.* keys of a profile (docs/lora.md), read and checked. Every key is
 * read when the group exists, enabled or not, so a misspelt key is reported; a profile without
 * sweep.lora.enabled (older ones) has no LoRA sweep.
 */
final class LoraSweepSettings {
  private static final String G = "sweep.lora";

  private LoraSweepSettings() {}

  /** The LoRA sweep to run: none, or one. */
  static List<LoraSweep> read(Profile p) {
    if (!p.has(G + ".enabled")) {
      return List.of();
    }
    boolean enabled = p.bool(G + ".enabled");
    int width = p.integer(G + ".width");
    if (width < 1) {
      throw new BadInputException(
          "profile " + p.name() + ": " + G + ".width = " + width + ": choose D ≥ 1, e.g. 64");
    }
    List<LoraSpec> variants = p.values(G + ".variants", v -> LoraSpec.variant(width, v));
    int mStart = p.integer(G + ".m_start");
    if (mStart > width) {
      throw new BadInputException(
          "profile "
              + p.name()
              + ": "
              + G
              + ".m_start = "
              + mStart
              + " is above the width D = "
              + width
              + ", the largest rank: choose m_start ≤ D");
    }
    LoraSweep sweep =
        new LoraSweep(
            G,
            width,
            p.integer(G + ".depth"),
            variants,
            p.integers(G + ".n"),
            p.values(G + ".k", KRule::parse),
            p.integers(G + ".k_dependence.n"),
            p.values(G + ".k_dependence.k", KRule::parse),
            p.integers(G + ".depths"),
            p.integers(G + ".depths_n"),
            p.integer(G + ".d"),
            p.integers(G + ".seeds").stream().map(Integer::longValue).toList(),
            p.values(G + ".criteria", Criterion::parse),
            // the largest rank is D: a larger one changes nothing (rank(B A) ≤ D)
            new SearchSettings(mStart, width, p.number(G + ".resolution")));
    return enabled ? List.of(sweep) : List.of();
  }
}
