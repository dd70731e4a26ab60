package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearPiecesTest {

  @Test
  void smallCases() {
    assertThat(LinearPieces.count(new double[] {})).isZero();
    assertThat(LinearPieces.count(new double[] {5})).isEqualTo(1);
    assertThat(LinearPieces.count(new double[] {1, 2, 3, 4})).isEqualTo(1);
    // an isolated spike between flats: flat, down, up, flat
    assertThat(LinearPieces.count(new double[] {0, 0, -1, 0, 0})).isEqualTo(4);
    // a kink between points saves a piece: y = 0 and y = 2x − 3 meet at x = 1.5
    assertThat(LinearPieces.count(new double[] {0, 0, 1, 3})).isEqualTo(2);
    // ... but parallel flats cannot meet: 3 pieces
    assertThat(LinearPieces.count(new double[] {0, 0, 1, 1})).isEqualTo(3);
  }

  @Test
  void figure2NeedsThreeNPlusOnePieces() {
    // K = 14, N = 4: 0 0 −1 0 0 2 0 0 −1 0 0 2 0 0
    double[] z = {0, 0, -1, 0, 0, 2, 0, 0, -1, 0, 0, 2, 0, 0};
    assertThat(LinearPieces.count(z)).isEqualTo(13);
    assertThat(z).containsExactly(WorstCase.targets(4, 14));
  }

  @Test
  void figure3NeedsOnlySixPiecesNotEight() {
    // K = 9, N = 4: 0 −1 0 2 0 −1 0 2 0. The paper says ḡ needs K − 1 = 8 pieces; with kinks
    // between samples 6 suffice: y = −x on [0, 4/3], y = 2x − 4 on [4/3, 3], y = −2x + 8 on
    // [3, 14/3], y = x − 6 on [14/3, 6], y = 2x − 12 on [6, 7], y = −2x + 16 on [7, 8].
    double[] z = {0, -1, 0, 2, 0, -1, 0, 2, 0};
    assertThat(LinearPieces.count(z)).isEqualTo(6);
    double[][] lines = {{-1, 0}, {2, -4}, {-2, 8}, {1, -6}, {2, -12}, {-2, 16}};
    double[] from = {0, 4.0 / 3, 3, 14.0 / 3, 6, 7};
    for (int i = 0; i < 9; i++) {
      int piece = 0;
      while (piece + 1 < from.length && i >= from[piece + 1]) {
        piece++;
      }
      assertThat(lines[piece][0] * i + lines[piece][1]).isEqualTo(z[i]);
    }
    for (int p = 1; p < from.length; p++) { // continuous at every kink
      double x = from[p];
      assertThat(lines[p - 1][0] * x + lines[p - 1][1])
          .isCloseTo(lines[p][0] * x + lines[p][1], org.assertj.core.api.Assertions.within(1e-12));
    }
    // the pattern used instead has the paper's T = {2, 4, 6, 8} and needs all 8 pieces
    assertThat(WorstCase.changed(4, 9)).containsExactly(1, 3, 5, 7);
    assertThat(LinearPieces.count(WorstCase.targets(4, 9))).isEqualTo(8);
  }

  @Test
  void neverMoreThanTheInterpolantAndNeverFewerThanTheTripleBound() {
    Random rng = new Random(11);
    for (int trial = 0; trial < 2000; trial++) {
      int k = 1 + rng.nextInt(12);
      double[] t = new double[k];
      for (int i = 0; i < k; i++) {
        t[i] = rng.nextInt(4) - 1; // many ties and collinear runs
      }
      int count = LinearPieces.count(t);
      int slopeChanges = 0;
      int nonCollinear = 0;
      for (int i = 1; i + 1 < k; i++) {
        if (t[i + 1] - t[i] != t[i] - t[i - 1]) {
          slopeChanges++;
          nonCollinear++;
        }
      }
      assertThat(count).isLessThanOrEqualTo(1 + slopeChanges);
      // every non-collinear triple needs a kink inside (x_{i−1}, x_{i+1}); one kink serves at
      // most two of these intervals
      assertThat(count).isGreaterThanOrEqualTo(k == 0 ? 0 : 1 + (nonCollinear + 1) / 2);
    }
  }
}
