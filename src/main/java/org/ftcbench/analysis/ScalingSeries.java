package org.ftcbench.analysis;

import java.util.SortedMap;

/**
 * One curve to fit against N: its raw samples per N and what they are.
 *
 * @param kind what is measured
 * @param title e.g. "certified neurons, depth 3, K = 2N"
 * @param depth the adapter's depth (0: not applicable, e.g. a benchmark without a depth)
 * @param criterion the trained success criterion (trained series only, else "")
 * @param regime how K relates to N ({@link Regime#label()}), or the benchmark's other parameters
 * @param source the run file the samples come from
 * @param what how one sample was derived, for the reader
 * @param expected the slope theory expects, as text ("1 (Θ(N), Thm 4.1)"), or "—"
 * @param samples N → raw samples
 */
public record ScalingSeries(
    Kind kind,
    String title,
    int depth,
    String criterion,
    String regime,
    String source,
    String what,
    String expected,
    SortedMap<Double, double[]> samples) {

  /** The series as drawn on log axes: the centre over samples per N > 0 and their range. */
  public SampleSpread spread() {
    return SampleSpread.of(samples, true);
  }

  /** What a series measures. */
  public enum Kind {
    CERTIFIED("certified neurons"),
    UPPER_BOUND("theorem upper bound"),
    LOWER_BOUND("theorem lower bound"),
    TRAINED("trained minimum width"),
    PARAMS("certified parameters"),
    KERNEL("kernel time per op"),
    /** The smallest LoRA rank r* that trained to criterion ({@link LoraCapacity}). */
    LORA_RANK("LoRA rank r*"),
    /** LoRA's trainable parameters at r*, P* ({@link LoraCapacity}). */
    LORA_PARAMS("LoRA parameters P*"),
    /**
     * The additive adapter's trainable parameters at m_min, beside LoRA's ({@link LoraCapacity}).
     */
    ADDITIVE_PARAMS("additive parameters P*");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }
}
