package org.ftcbench.compare;

import java.nio.file.Path;
import org.ftcbench.results.Interleaving;

/**
 * How the two runs of a comparison were measured: as separate runs (any time, any machine), or as
 * the two sides of one interleaved session (bench --side: fork by fork in a seeded random order on
 * one machine, so slow drift of the machine hits both alike).
 */
public enum Pairing {
  SEPARATE,
  INTERLEAVED;

  /** INTERLEAVED when A and B are the two sides of one session, else SEPARATE. */
  public static Pairing of(Path a, Path b) {
    return Interleaving.pair(a, b) ? INTERLEAVED : SEPARATE;
  }

  public String word() {
    return this == SEPARATE ? "separate runs" : "interleaved";
  }
}
