package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlasSelfCheckTest {

  @Test
  void theSameConfigurationAgreesWithItself() {
    assertThat(BlasSelfCheck.firstMismatch(BlasSelfCheck.compute(), BlasSelfCheck.compute()))
        .isNull();
  }

  @Test
  void aWrongGemmIsCaughtAndNamed() {
    List<BlasSelfCheck.Result> good = BlasSelfCheck.compute();
    List<BlasSelfCheck.Result> bad = new ArrayList<>(good);
    double[] wrong = good.get(1).values().clone();
    wrong[17] *= 1 + 1e-6; // one entry off by a millionth: far beyond rounding
    bad.set(1, new BlasSelfCheck.Result(good.get(1).name(), wrong, good.get(1).tolerance()));
    assertThat(BlasSelfCheck.firstMismatch(good, bad)).startsWith("gemm 256x256x256 differs");
  }

  @Test
  void roundingDifferencesOfReorderedSumsPass() {
    List<BlasSelfCheck.Result> good = BlasSelfCheck.compute();
    List<BlasSelfCheck.Result> nudged = new ArrayList<>();
    for (BlasSelfCheck.Result r : good) {
      double[] v = r.values().clone();
      for (int i = 0; i < v.length; i++) {
        v[i] += Math.ulp(v[i]) * 4;
      }
      nudged.add(new BlasSelfCheck.Result(r.name(), v, r.tolerance()));
    }
    assertThat(BlasSelfCheck.firstMismatch(good, nudged)).isNull();
  }
}
