package org.ftcbench.construct;

import org.ftcbench.nn.DenseNetwork;

/** Placeholder, replaced below. */
final class AppendixA {
  /** Whether the construction is implemented (tests skip it otherwise). */
  static final boolean AVAILABLE = false;

  private AppendixA() {}

  static DenseNetwork build(Projection p, ClipSettings settings) {
    throw new UnsupportedOperationException("Appendix A is not built yet");
  }
}
