package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.data.FineTuningTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The constructions on {@link AdversarialTasks}, each fittable: no exception escapes the certifier,
 * every construction of Theorems 4.1 and 5.1 builds and verifies exactly within its bound, and
 * Appendix A (comparison only) either verifies or is reported as failed with its reason. On the
 * near-duplicate tasks the certified adapters are also evaluated independently, in exact BigDecimal
 * arithmetic unit by unit ({@link ExactForwardTest#reference}), on some changed samples and their
 * unchanged neighbours in the input order (in the cluster tasks, the same cluster).
 */
class AdversarialCertifyTest {

  static List<AdversarialTasks.Named> tasks() {
    return AdversarialTasks.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void everyCertifiedConstructionVerifiesExactlyAndNothingThrows(AdversarialTasks.Named named) {
    List<Construction> all = new ArrayList<>(Construction.all(2));
    all.addAll(Construction.all(3));
    List<Certifier.Outcome> outcomes = new ArrayList<>();
    assertThatCode(
            () ->
                outcomes.addAll(
                    Certifier.certifyAll(named.task(), all, 1, ClipSettings.defaults())))
        .as(named.name())
        .doesNotThrowAnyException();
    assertThat(outcomes).hasSize(all.size());
    for (Certifier.Outcome o : outcomes) {
      String what = named.name() + ": " + o.construction().label();
      if (!o.construction().certifies()) {
        // comparison only: built and judged truthfully, or a reason
        assertThat(o.adapter() != null || !o.failure().isBlank()).as(what).isTrue();
        continue;
      }
      assertThat(o.failure()).as(what + " could not be built").isNull();
      CertifiedAdapter r = o.adapter();
      assertThat(r.verification().exact()).as(what + " checked exactly").isTrue();
      assertThat(r.verification().maxAbsResidual())
          .as(what + " residual")
          .isLessThanOrEqualTo(r.verification().tolerance());
      assertThat((long) r.neurons())
          .as(what + " neurons")
          .isLessThanOrEqualTo(o.construction().upperBound(named.task().n(), named.task().k()));
      if (named.name().contains("1e-") || named.name().contains("last bit")) {
        checkedInExactArithmetic(what, named.task(), r);
      }
    }
  }

  /**
   * |g(x_i) − z_i| ≤ tolerance in BigDecimal arithmetic on 6 changed samples and a neighbour each.
   */
  private static void checkedInExactArithmetic(
      String what, FineTuningTask task, CertifiedAdapter r) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(6, task.n()); i++) {
      int t = task.changed()[i];
      rows.add(t);
      rows.add(t + 1 < task.k() ? t + 1 : t - 1);
    }
    int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
    BigDecimal[] g = ExactForwardTest.reference(r.weights(), task.x().getRows(idx));
    for (int i = 0; i < idx.length; i++) {
      double miss = g[i].subtract(new BigDecimal(task.z().get(idx[i]))).abs().doubleValue();
      assertThat(miss)
          .as(what + ": exact |g(x) − z| at sample " + idx[i])
          .isLessThanOrEqualTo(r.verification().tolerance());
    }
  }
}
