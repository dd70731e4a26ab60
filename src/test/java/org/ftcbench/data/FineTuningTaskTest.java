package org.ftcbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class FineTuningTaskTest {

  /** One shared f keeps the test fast: pre-training costs about half a second. */
  private static final Dataset DATA = PaperData.generate(120, 10, 42);

  private static final DenseNetwork F = PretrainedModel.fit(DATA, PretrainConfig.defaults(), 42);

  @Test
  void fFitsTheUnchangedSamplesExactlyAndExactlyNLabelsChange() {
    for (int n : new int[] {0, 1, 17, 119, 120}) {
      FineTuningTask task = FineTuningTask.changeLabels(DATA, F, n, 7);
      DoubleMatrix fx = F.predict(task.x());
      int[] t = task.changed();
      assertThat(t).hasSize(n).isSorted().doesNotHaveDuplicates();
      assertThat(Arrays.stream(t).allMatch(i -> i >= 0 && i < 120)).isTrue();
      int differing = 0;
      for (int i = 0; i < 120; i++) {
        boolean inT = Arrays.binarySearch(t, i) >= 0;
        if (!inT) {
          // bit for bit: Eq. (1), f(x_i) = y_i off T, and z_i = 0
          assertThat(task.yPrime().get(i)).isEqualTo(fx.get(i));
          assertThat(task.z().get(i)).isEqualTo(0.0);
        } else {
          assertThat(task.yPrime().get(i)).isBetween(-1.0, 1.0);
        }
        if (task.yPrime().get(i) != fx.get(i)) {
          differing++;
        }
        assertThat(task.z().get(i)).isEqualTo(task.yPrime().get(i) - fx.get(i));
      }
      assertThat(differing).isEqualTo(n);
    }
  }

  @Test
  void theSameSeedGivesBitwiseIdenticalDataAndPretrainedWeights() {
    Dataset again = PaperData.generate(120, 10, 42);
    assertThat(again.x().data).containsExactly(DATA.x().data);
    assertThat(again.y().data).containsExactly(DATA.y().data);
    DenseNetwork fAgain = PretrainedModel.fit(again, PretrainConfig.defaults(), 42);
    for (int p = 0; p < F.parameters().size(); p++) {
      assertThat(fAgain.parameters().get(p).data).containsExactly(F.parameters().get(p).data);
    }
    FineTuningTask a = FineTuningTask.changeLabels(DATA, F, 30, 3);
    FineTuningTask b = FineTuningTask.changeLabels(again, fAgain, 30, 3);
    assertThat(b.changed()).containsExactly(a.changed());
    assertThat(b.z().data).containsExactly(a.z().data);
    assertThat(PaperData.generate(120, 10, 43).x().data).isNotEqualTo(DATA.x().data);
  }

  @Test
  void theDataFollowThePapersDistributions() {
    Dataset big = PaperData.generate(20_000, 10, 1);
    assertThat(big.x().mean()).isBetween(-0.01, 0.01);
    double var = big.x().mul(big.x()).mean();
    assertThat(var).isBetween(0.98, 1.02);
    assertThat(big.y().min()).isGreaterThanOrEqualTo(-1.0);
    assertThat(big.y().max()).isLessThanOrEqualTo(1.0);
    assertThat(big.y().mean()).isBetween(-0.02, 0.02);
  }

  @Test
  void pretrainingReducesTheLoss() {
    DenseNetwork untrained =
        PretrainedModel.fit(DATA, new PretrainConfig(new int[] {64, 64}, 0, 3e-3, 1024), 42);
    DoubleMatrix before = untrained.predict(DATA.x()).sub(DATA.y());
    DoubleMatrix after = F.predict(DATA.x()).sub(DATA.y());
    assertThat(after.dot(after)).isLessThan(0.5 * before.dot(before));
  }

  @Test
  void impossibleSizesAreBadInputWithAFix() {
    assertThatThrownBy(() -> FineTuningTask.generate(100, 200, 10, 1))
        .isInstanceOf(BadInputException.class)
        .hasMessage("N = 200 is larger than K = 100: choose N ≤ K");
    assertThatThrownBy(() -> FineTuningTask.generate(100, -1, 10, 1))
        .isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> FineTuningTask.generate(100, 1, 0, 1))
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void residualTasksInferTFromNonzeroTargetsOrCheckTheGivenOne() {
    DoubleMatrix x = new DoubleMatrix(new double[][] {{0}, {1}, {2}, {3}});
    DoubleMatrix z = new DoubleMatrix(new double[] {0, 0.5, 0, -1});
    assertThat(FineTuningTask.fromResiduals(x, z, null).changed()).containsExactly(1, 3);
    assertThat(FineTuningTask.fromResiduals(x, z, new int[] {3, 1, 2}).changed())
        .containsExactly(1, 2, 3);
    assertThatThrownBy(() -> FineTuningTask.fromResiduals(x, z, new int[] {1}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("z[3]");
    assertThatThrownBy(() -> FineTuningTask.fromResiduals(x, z, new int[] {1, 3, 4}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("0-based");
  }
}
