package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftcbench.data.FineTuningTask;
import org.junit.jupiter.api.Test;

/**
 * The lower-bound datasets of Section 4.1 need p(K) pieces (Eq. 9), and the certified 2-layer
 * adapter uses exactly p(K) neurons on them: 3N + 1 for K ≥ 3N + 2, K − 1 below (Theorem 4.1: the
 * upper bound is tight there, and m ≥ p(K) − 1 = min{3N, K − 2}).
 */
class WorstCaseTest {

  @Test
  void theGeneralPatternNeedsKMinusOnePiecesForEveryNAndKBelow3NPlus2() {
    for (int n = 1; n <= 30; n++) {
      for (int k = Math.max(n, 2); k < 3 * n + 2; k++) {
        double[] z = WorstCase.targets(n, k);
        assertThat(LinearPieces.count(z)).as("N=%d K=%d", n, k).isEqualTo(k - 1);
        assertThat(WorstCase.piecesNeeded(n, k)).isEqualTo(k - 1);
        // no unchanged block longer than 2: nothing is removed from J
        boolean[] c = new boolean[k];
        for (int t : WorstCase.changed(n, k)) {
          c[t] = true;
        }
        assertThat(KeptSet.removedCount(c)).isZero();
      }
    }
  }

  @Test
  void thePapersPatternNeeds3NPlusOnePiecesForKFrom3NPlus2() {
    for (int n = 0; n <= 20; n++) {
      for (int k = Math.max(3, 3 * n + 2); k <= 3 * n + 12; k++) {
        assertThat(LinearPieces.count(WorstCase.targets(n, k)))
            .as("N=%d K=%d", n, k)
            .isEqualTo(n == 0 ? 1 : 3 * n + 1);
      }
    }
    // K = 2N + 1 is the paper's Fig. 3 pattern: T = {2, 4, …, 2N}
    assertThat(WorstCase.changed(4, 9)).containsExactly(1, 3, 5, 7);
    assertThat(WorstCase.changed(4, 14)).containsExactly(2, 5, 8, 11);
  }

  @Test
  void theCertified2LayerAdapterUsesExactlyPOfKNeuronsThere() {
    for (int n = 1; n <= 12; n++) {
      for (int k : new int[] {n, n + 1, 2 * n, 2 * n + 1, 3 * n, 3 * n + 1, 3 * n + 2, 5 * n + 7}) {
        if (k < 3) {
          continue;
        }
        FineTuningTask task = WorstCase.task(n, k, 3);
        CertifiedAdapter r =
            Certifier.certify(task, Construction.TWO_LAYER_INTERPOLANT, 1, ClipSettings.defaults());
        int p = WorstCase.piecesNeeded(n, k);
        assertThat(r.passed()).isTrue();
        assertThat(r.neurons()).as("N=%d K=%d", n, k).isEqualTo(p);
        // Theorem 4.1.2: no 2-layer network does it with fewer than p − 1 = min{3N, K − 2}
        assertThat((long) p - 1).isEqualTo(Bounds.twoLayerLower(n, k));
        assertThat(r.neurons() + 1)
            .isGreaterThanOrEqualTo(LinearPieces.count(WorstCase.targets(n, k)));
      }
    }
  }

  @Test
  void the3LayerConstructionsRespectTheLowerBoundOnWorstCases() {
    for (int n = 1; n <= 8; n++) {
      for (int k : new int[] {n + 2, 2 * n + 1, 3 * n + 2, 10 * n}) {
        FineTuningTask task = WorstCase.task(n, k, 2);
        int pieces = LinearPieces.count(WorstCase.targets(n, k));
        for (Construction c : Construction.certifiedCandidates(3)) {
          CertifiedAdapter r = Certifier.certify(task, c, 1, ClipSettings.defaults());
          assertThat(r.passed()).as("%s N=%d K=%d", c, n, k).isTrue();
          assertThat((long) r.neurons()).isGreaterThanOrEqualTo(Bounds.threeLayerLower(n, k));
          // Yun et al.: widths d1, d2 give at most 2 d1 d2 + d2 + 1 pieces on a line
          long d1 = r.network().width(1);
          long d2 = r.network().width(2);
          assertThat(2 * d1 * d2 + d2 + 1).isGreaterThanOrEqualTo(pieces);
        }
      }
    }
  }
}
