package org.ftcbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataFamilyTest {
  /** One of each family, in canonical spelling. */
  static final List<String> SPECS =
      List.of("gaussian", "line", "curve", "clusters:centres=24,sigma=1e-4", "heavy:nu=2");

  /**
   * SHA-256 of PaperData.generate's x and y (column-major doubles), recorded from the generator
   * before data families existed: the gaussian family and the paper's generator must keep giving
   * exactly these samples, on any machine (the draws are plain Java, no BLAS).
   */
  @ParameterizedTest
  @CsvSource({
    "60, 1, 1, 48e355e066d064223d8c836b9ee26d3701eb2c712117195ffef7a6e30a355037",
    "60, 10, 7, 7bebde1ad63e623a54db8658937ebe544f04c2bfb70181b0f6d0c8a425405f25",
    "1000, 2, 3, 90e2afe94f30f564d6aae5fd7f7d13b8f402b97534ead5a7611b07e8fd0b02f2",
  })
  void gaussianIsTodaysGeneratorBitForBit(int k, int d, long seed, String sha256) {
    assertThat(sha256(PaperData.generate(k, d, seed))).isEqualTo(sha256);
    assertThat(sha256(DataFamily.parse("gaussian").generate(k, d, seed))).isEqualTo(sha256);
  }

  @Test
  void theGaussianFamilysTaskIsTodaysTask() {
    FineTuningTask today = FineTuningTask.generate(60, 10, 2, 5);
    FineTuningTask family = FineTuningTask.generate(DataFamily.GAUSSIAN, 60, 10, 2, 5);
    assertThat(family.x().data).isEqualTo(today.x().data);
    assertThat(family.z().data).isEqualTo(today.z().data);
    assertThat(family.changed()).isEqualTo(today.changed());
  }

  @Test
  void everyFamilyIsReproducibleBitForBitAndTheSeedChangesIt() {
    for (String spec : SPECS) {
      for (int d : new int[] {1, 2, 10}) {
        DataFamily family = DataFamily.parse(spec);
        String once = sha256(family.generate(200, d, 11));
        assertThat(sha256(DataFamily.parse(spec).generate(200, d, 11))).as(spec).isEqualTo(once);
        assertThat(sha256(family.generate(200, d, 12))).as(spec).isNotEqualTo(once);
      }
    }
  }

  @Test
  void sampleIDoesNotDependOnK() {
    for (String spec : SPECS) {
      DoubleMatrix small = DataFamily.parse(spec).generate(50, 3, 2).x();
      DoubleMatrix large = DataFamily.parse(spec).generate(300, 3, 2).x();
      assertThat(large.getRange(0, 50, 0, 3).data).as(spec).isEqualTo(small.data);
    }
  }

  @Test
  void familiesDifferFromEachOtherAndHaveTheirShape() {
    Set<String> hashes = new HashSet<>();
    for (String spec : SPECS) {
      hashes.add(sha256(DataFamily.parse(spec).generate(100, 5, 3)));
    }
    assertThat(hashes).hasSize(SPECS.size());
    // line: every x is a multiple of x_0
    DoubleMatrix line = DataFamily.parse("line").generate(100, 5, 3).x();
    for (int i = 1; i < 100; i++) {
      double ratio = line.get(i, 0) / line.get(0, 0);
      for (int j = 1; j < 5; j++) {
        assertThat(line.get(i, j)).isCloseTo(ratio * line.get(0, j), within(line, j));
      }
    }
    // curve: every coordinate is √2·sin(…), so |x_j| ≤ √2
    DoubleMatrix curve = DataFamily.parse("curve").generate(100, 5, 3).x();
    assertThat(curve.normmax()).isLessThanOrEqualTo(Math.sqrt(2));
    // clusters: 4 centres, σ = 1e-3: every x within 1e-2 of one of at most 4 points
    DoubleMatrix clusters =
        DataFamily.parse("clusters:centres=4,sigma=1e-3").generate(100, 5, 3).x();
    List<DoubleMatrix> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      DoubleMatrix x = clusters.getRow(i);
      if (seen.stream().noneMatch(c -> c.distance2(x) < 1e-2)) {
        seen.add(x);
      }
    }
    assertThat(seen).hasSizeBetween(2, 4);
    // heavy: Cauchy inputs reach far beyond what N(0, 1) ever does at K·d = 2000
    assertThat(DataFamily.parse("heavy:nu=1").generate(400, 5, 3).x().normmax()).isGreaterThan(50);
  }

  private static org.assertj.core.data.Offset<Double> within(DoubleMatrix x, int j) {
    return org.assertj.core.data.Offset.offset(1e-12 * (1 + x.getColumn(j).normmax()));
  }

  /**
   * The theorems need distinct inputs. Around centres of size about 1 an offset of σ = 1e-12 keeps
   * only about 4 digits (ulp(1) = 2.2e-16, so about 4,500 doubles per σ): in d ≥ 2 the inputs stay
   * distinct, but in d = 1 a cluster of some tens of points already repeats a double (K = 2,000, 24
   * centres: about 80 points a cluster, the birthday bound). The family then refuses in one line,
   * naming two equal samples and how to fix it; at 1e-20, c + σε rounds back to c everywhere.
   */
  @Test
  void inputsAreDistinctOrRefusedInOneLine() {
    for (int d : new int[] {2, 10}) {
      DoubleMatrix x = DataFamily.parse("clusters:centres=24,sigma=1e-12").generate(2000, d, 1).x();
      Set<List<Double>> rows = new HashSet<>();
      for (int i = 0; i < x.rows; i++) {
        rows.add(java.util.Arrays.stream(x.getRow(i).data).boxed().toList());
      }
      assertThat(rows).as("d = " + d).hasSize(2000);
    }
    assertThat(DataFamily.parse("clusters:centres=24,sigma=1e-12").generate(60, 1, 1).size())
        .isEqualTo(60);
    for (String spec : SPECS) {
      assertThat(DataFamily.parse(spec).generate(2000, 1, 4).size()).isEqualTo(2000);
    }
    for (String tooTight :
        List.of("clusters:centres=24,sigma=1e-12 2000 1", "clusters:centres=24,sigma=1e-20 60 2")) {
      String[] a = tooTight.split(" ");
      int k = Integer.parseInt(a[1]);
      int d = Integer.parseInt(a[2]);
      assertThatThrownBy(() -> DataFamily.parse(a[0]).generate(k, d, 1))
          .isInstanceOf(BadInputException.class)
          .hasMessageMatching(
              java.util.regex.Pattern.quote(a[0])
                  + " gives samples \\d+ and \\d+ the same input at K = "
                  + k
                  + ", d = "
                  + d
                  + ", seed 1: the theorems need distinct inputs: choose a larger spread or d, or"
                  + " another seed");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gaussian|gaussian",
        " line |line",
        "curve|curve",
        "clusters:centres=24,sigma=1e-4|clusters:centres=24,sigma=1e-4",
        "clusters:sigma=0.0001,centres=24|clusters:centres=24,sigma=1e-4",
        "clusters:centres=5, sigma=0.5|clusters:centres=5,sigma=0.5",
        "clusters:centres=5,sigma=2|clusters:centres=5,sigma=2",
        "clusters:centres=5,sigma=1.5E-12|clusters:centres=5,sigma=1.5e-12",
        "heavy:nu=2|heavy:nu=2",
        "heavy:nu=1|heavy:nu=1",
      })
  void specsParseAndPrintBackCanonically(String spec, String canonical) {
    DataFamily family = DataFamily.parse(spec);
    assertThat(family.spec()).isEqualTo(canonical);
    assertThat(DataFamily.parse(family.spec())).isEqualTo(family);
    assertThat(family.description()).isNotBlank().doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "gauss",
        "Gaussian",
        "gaussian:",
        "gaussian:sigma=1",
        "line:x",
        "clusters",
        "clusters:centres=24",
        "clusters:sigma=1e-4",
        "clusters:centres=0,sigma=1e-4",
        "clusters:centres=2.5,sigma=1e-4",
        "clusters:centres=24,sigma=0",
        "clusters:centres=24,sigma=-1",
        "clusters:centres=24,sigma=NaN",
        "clusters:centres=24,sigma=Infinity",
        "clusters:centres=24,sigma=abc",
        "clusters:centres=24,centres=3,sigma=1",
        "clusters:centres=24,sigma=1,spread=2",
        "heavy",
        "heavy:nu=0",
        "heavy:nu=0.5",
        "heavy:nu=",
      })
  void badSpecsSayWhatIsWrongInOneLine(String spec) {
    assertThatThrownBy(() -> DataFamily.parse(spec))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("data family '" + spec + "'")
        .hasMessageNotContaining("\n")
        .message()
        .containsAnyOf("choose", "write", "whole number", "give each");
  }

  static String sha256(Dataset data) {
    try {
      ByteBuffer b = ByteBuffer.allocate(8 * (data.x().length + data.y().length));
      for (double v : data.x().data) {
        b.putDouble(v);
      }
      for (double v : data.y().data) {
        b.putDouble(v);
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
