package org.ftcbench.data;

/**
 * How the frozen network f is pre-trained. The paper states none of this (docs/paper-notes.md §4):
 * it only says f fits D. Any f will do, because the task then defines the unchanged labels as
 * f(x_i), so f fits them exactly, as the paper's Eq. (1) assumes.
 *
 * @param hiddenWidths f's hidden layers; (64, 64) makes f a 3-layer network much larger than the
 *     adapters, like a pre-trained model
 * @param steps full-batch Adam steps; 200 bring the loss well below its start, which is all a
 *     "pre-trained" f needs here
 * @param learningRate Adam's step size; 3e-3 is stable for this size
 * @param maxSamples f is trained on the first min(K, maxSamples) samples, so pre-training costs the
 *     same at K = 1,000 and K = 100,000
 */
public record PretrainConfig(int[] hiddenWidths, int steps, double learningRate, int maxSamples) {
  public static PretrainConfig defaults() {
    return new PretrainConfig(new int[] {64, 64}, 200, 3e-3, 1024);
  }

  /** f's widths on inputs of dimension d: (d, hidden widths…, 1). */
  public int[] widths(int d) {
    int[] w = new int[hiddenWidths.length + 2];
    w[0] = d;
    System.arraycopy(hiddenWidths, 0, w, 1, hiddenWidths.length);
    w[w.length - 1] = 1;
    return w;
  }
}
