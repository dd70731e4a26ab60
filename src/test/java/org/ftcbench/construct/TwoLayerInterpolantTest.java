package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class TwoLayerInterpolantTest {

  private static FineTuningTask line(double[] z, int... changed) {
    DoubleMatrix x = new DoubleMatrix(z.length, 1);
    for (int i = 0; i < z.length; i++) {
      x.put(i, i * 0.5 - 1);
    }
    return FineTuningTask.fromResiduals(x, new DoubleMatrix(z), changed);
  }

  private static CertifiedAdapter certify(FineTuningTask task) {
    return Certifier.certify(task, Construction.TWO_LAYER_INTERPOLANT, 3, ClipSettings.defaults());
  }

  @Test
  void slopeIncrementsNotSlopesAreTheOutputWeights() {
    // Lemma 4.5 as printed appends the new slope s_k instead of s_k − s_{k−1}: with three
    // different slopes it misses the data; the slope increments hit them exactly
    FineTuningTask task = line(new double[] {0, 1, 3, 2}, 1, 2, 3);
    CertifiedAdapter ours = certify(task);
    assertThat(ours.verification().maxAbsResidual()).isLessThan(1e-12);
    DenseNetwork printed = ours.network().copy();
    Projection p = Projection.of(task.x(), task.z(), task.changed(), 3);
    int[] j = KeptSet.of(p.changed());
    for (int k = 0; k + 1 < j.length; k++) {
      double s = (p.z()[j[k + 1]] - p.z()[j[k]]) / (p.c()[j[k + 1]] - p.c()[j[k]]);
      printed.weight(2).put(0, k, s);
    }
    assertThat(Verification.of(task, printed).maxAbsResidual()).isGreaterThan(0.1);
    // and b2 = z_1 (the paper's base case writes b1 = z1)
    assertThat(ours.network().bias(2).get(0)).isEqualTo(p.z()[0]);
  }

  /**
   * Each changed sample has an unchanged twin about 1e−9 away, so slopes reach 1e10: slope
   * increments computed in double (the paper's formula, knots at the rounded projections) miss the
   * targets even when evaluated exactly; the compensated double-double weights hit them, and only a
   * float64 forward pass of them rounds. (With the output weights rounded to double, the twin pair
   * at the sparse low end of the line missed by 6.7e−8: the slope after its steep segment was
   * resolved only to ulp(1e10).)
   */
  @Test
  void closeTwinsAreFittedExactlyByTheStoredWeights() {
    Random rng = new Random(5);
    int n = 200;
    int k = 2000;
    int d = 3;
    DoubleMatrix x = new DoubleMatrix(k, d);
    DoubleMatrix z = new DoubleMatrix(k, 1);
    int[] changed = new int[n];
    for (int i = 0; i < k - n; i++) {
      for (int c = 0; c < d; c++) {
        x.put(i, c, rng.nextGaussian());
      }
    }
    for (int t = 0; t < n; t++) {
      changed[t] = t;
      z.put(t, 2 * rng.nextDouble() - 1);
      for (int c = 0; c < d; c++) {
        x.put(k - n + t, c, x.get(t, c) + 1e-9 * rng.nextGaussian()); // the unchanged twin
      }
    }
    FineTuningTask task = FineTuningTask.fromResiduals(x, z, changed);
    CertifiedAdapter ours = certify(task);
    assertThat(ours.verification().maxAbsWeight()).isGreaterThan(1e8);
    assertThat(ours.verification().exact()).isTrue();
    assertThat(ours.passed()).isTrue();

    DenseNetwork naive = ours.network().copy();
    Projection p = Projection.of(task.x(), task.z(), task.changed(), 3);
    int[] j = KeptSet.of(p.changed());
    double previous = 0;
    for (int q = 0; q + 1 < j.length; q++) {
      double s = (p.z()[j[q + 1]] - p.z()[j[q]]) / (p.c()[j[q + 1]] - p.c()[j[q]]);
      naive.weight(2).put(0, q, s - previous);
      naive.bias(1).put(q, -p.c()[j[q]]);
      previous = s;
    }
    Verification v = Verification.of(task, naive);
    assertThat(v.exact()).isTrue();
    assertThat(v.maxAbsResidual()).isGreaterThan(v.tolerance());
  }

  @Test
  void zeroTargetsNeedNoNeurons() {
    assertThat(certify(line(new double[] {0, 0, 0, 0})).neurons()).isZero(); // N = 0
    CertifiedAdapter zeroOnT = certify(line(new double[] {0, 0, 0, 0}, 1, 2));
    assertThat(zeroOnT.neurons()).isZero();
    assertThat(zeroOnT.passed()).isTrue();
  }

  @Test
  void edgeCasesInterpolateExactly() {
    // N = K, K = 3, adjacent changed samples, T at either end, all z equal, K = 1 and 2
    double[][] targets = {
      {1, -2, 3}, {0, 0.5, 0}, {2, 2, 0, 0, 0}, {0, 0, 0, 2, 2}, {0.3}, {0.3, -0.7}, {1, 1, 1, 1}
    };
    int[][] changed = {{0, 1, 2}, {1}, {0, 1}, {3, 4}, {0}, {0, 1}, {0, 1, 2, 3}};
    int[] expected = {2, 2, 3, 3, 0, 1, 3}; // |J| − 1 (Eq. 12)
    for (int c = 0; c < targets.length; c++) {
      CertifiedAdapter r = certify(line(targets[c], changed[c]));
      assertThat(r.passed()).isTrue();
      assertThat(r.neurons()).as("case %d", c).isEqualTo(expected[c]);
    }
  }

  @Test
  void identicalInputsAreMergedOrRejected() {
    DoubleMatrix x = new DoubleMatrix(new double[][] {{1, 2}, {3, 4}, {1, 2}, {5, 0}});
    // same input, same target: one point, fitted
    FineTuningTask same =
        FineTuningTask.fromResiduals(
            x, new DoubleMatrix(new double[] {0.5, 0, 0.5, 0}), new int[] {0, 2});
    assertThat(certify(same).passed()).isTrue();
    // same input, different targets: impossible, one clear line
    FineTuningTask clash =
        FineTuningTask.fromResiduals(
            x, new DoubleMatrix(new double[] {0.5, 0, -0.5, 0}), new int[] {0, 2});
    assertThatThrownBy(() -> certify(clash))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("samples 0 and 2 have the same input but different targets");
  }
}
