package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoraSpecTest {
  @ParameterizedTest
  @ValueSource(strings = {"all/frozen", "last/frozen", "all/trainable", "last/trainable"})
  void aSpecRoundTripsAndCountsWhatLoraWeightsTrains(String variant) {
    LoraSpec spec = LoraSpec.variant(16, variant);
    assertThat(spec.variant()).isEqualTo(variant);
    assertThat(LoraSpec.parse(spec.spec())).isEqualTo(spec);
    assertThat(LoraSpec.isLora(spec.spec())).isTrue();
    for (int depth : new int[] {2, 3, 4}) {
      DenseNetwork f = DenseNetwork.heInitialised(new Random(1), spec.fWidths(depth, 5));
      LoraWeights<?> lora =
          LoraWeights.initialised(
              f, Precision.FLOAT64.kernels(), 3, spec.layers(), spec.trainBiases(), new Random(2));
      assertThat(spec.parameters(depth, 5, 3)).isEqualTo(lora.trainableCount());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "additive",
        "lora:",
        "lora:width=64,layers=all",
        "lora:width=64,layers=all,bias=frozen,extra=1",
        "lora:width=64,width=32,bias=frozen",
        "lora:width=x,layers=all,bias=frozen",
        "lora:width=0,layers=all,bias=frozen",
        "lora:width=64,layers=first,bias=frozen",
        "lora:width=64,layers=all,bias=open"
      })
  void aBadSpecSaysHowToWriteIt(String spec) {
    assertThatThrownBy(() -> LoraSpec.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"all", "all/frozen/x", "some/frozen", "all/tuned"})
  void aBadVariantIsRefused(String variant) {
    assertThatThrownBy(() -> LoraSpec.variant(8, variant))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
