package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftcbench.data.FineTuningTask;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

/**
 * The edge cases for every 3-layer construction, on a line (d = 1) so that T's place in the
 * sorted order is known.
 */
class ThreeLayerEdgeCaseTest {

  private static FineTuningTask line(double[] z, int... changed) {
    DoubleMatrix x = new DoubleMatrix(z.length, 1);
    for (int i = 0; i < z.length; i++) {
      x.put(i, Math.sqrt(i + 1.0)); // uneven spacing
    }
    return FineTuningTask.fromResiduals(x, new DoubleMatrix(z), changed);
  }

  private static final Construction[] THREE_LAYER = {
    Construction.U1_YUN, Construction.U2_BUMP, Construction.U3_KEPT_SET, Construction.APPENDIX_A
  };

  @Test
  void edgeCasesInterpolateExactlyWithinTheirBounds() {
    FineTuningTask[] tasks = {
      line(new double[] {0.5, -0.25, 0.75}, 0, 1, 2), // N = K = 3
      line(new double[] {0, 0.4, 0}, 1), // K = 3
      line(new double[] {0, 0.3, -0.8, 0.9, 0, 0, 0}, 1, 2, 3), // adjacent changed samples
      line(new double[] {0.7, 0, 0, 0, 0, -0.6}, 0, 5), // T at both ends
      line(new double[] {0, 0, 0.6, 0, 0.6, 0.6, 0}, 2, 4, 5), // all changed z equal
      line(new double[] {0, 0, 0, 0, 0}, 1, 3), // z = 0 on T
      line(new double[] {3, 0, -2.5, 0, 0, 0}, 0, 2), // |z| > 1: the output layer is rescaled
      line(new double[] {0.2}, 0), // K = 1
    };
    for (FineTuningTask task : tasks) {
      for (Construction c : THREE_LAYER) {
        CertifiedAdapter r = Certifier.certify(task, c, 1, ClipSettings.defaults());
        assertThat(r.verification().maxAbsResidual())
            .as("%s on %s", c, java.util.Arrays.toString(task.z().data))
            .isLessThanOrEqualTo(r.verification().tolerance());
        assertThat((long) r.neurons()).isLessThanOrEqualTo(c.upperBound(task.n(), task.k()));
        if (task.z().normmax() == 0) {
          assertThat(r.neurons()).isZero();
        }
        if (task.z().normmax() > 1) {
          assertThat(r.outputScale()).isEqualTo(3.0);
        }
      }
    }
  }

  @Test
  void appendixAKeepsAnIntervalForEveryEmptyInteriorGroupAndDropsEmptyEnds() {
    // T = {2, 3}: groups {1}, {2}, ∅, {3}, {4, 5, 6} → 5 interval neurons, 10 + 2 ReLUs = 4N + 4
    FineTuningTask adjacent = line(new double[] {0, 0.3, -0.8, 0, 0, 0}, 1, 2);
    CertifiedAdapter a =
        Certifier.certify(adjacent, Construction.APPENDIX_A, 1, ClipSettings.defaults());
    assertThat(a.neurons()).isEqualTo(12);
    assertThat(a.passed()).isTrue();
    // T at both ends: ∅, {1}, {2 … 5}, {6}, ∅ → 3 interval neurons, 6 + 2 ReLUs
    FineTuningTask ends = line(new double[] {0.7, 0, 0, 0, 0, -0.6}, 0, 5);
    CertifiedAdapter b =
        Certifier.certify(ends, Construction.APPENDIX_A, 1, ClipSettings.defaults());
    assertThat(b.neurons()).isEqualTo(8);
    assertThat(b.passed()).isTrue();
  }
}
