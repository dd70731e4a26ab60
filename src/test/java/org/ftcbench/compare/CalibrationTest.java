package org.ftcbench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A/A calibration: the floors it gives, where it lives, and how compare applies it. */
class CalibrationTest {
  @TempDir Path tmp;

  /** A run of one machine folder: forward at N = 10 and 100, 5 tight forks each. */
  private Path run(String name, double scale, long seed) throws Exception {
    return new JmhFixture()
        .forks(5)
        .point(JmhFixture.real("fPlusG", 10), "avgt", 5.0 * scale, 0.005, seed)
        .point(JmhFixture.real("fPlusG", 100), "avgt", 50.0 * scale, 0.005, seed + 1)
        .write(tmp.resolve("results/m").resolve(name), "quick", "cpu");
  }

  @Test
  void theFloorIsAPredictionBoundOfTheAaRatios() {
    // x = ±0.1: s = 0.1, t_{2, 0.975} = 4.303, f = e^{0.4303} − 1
    NoiseFloor f = NoiseFloor.of(new double[] {0.1, -0.1}, Pairing.SEPARATE);
    assertThat(f.fraction()).isCloseTo(Math.expm1(4.302653 * 0.1), within(1e-5));
    assertThat(f.pairs()).isEqualTo(2);
    // one pair: t_1 = 12.706, so one A/A comparison gives a wide floor
    assertThat(NoiseFloor.of(new double[] {0.02}, Pairing.SEPARATE).fraction())
        .isCloseTo(Math.expm1(12.7062 * 0.02), within(1e-4));
  }

  @Test
  void aDriftTheMachineShowsBetweenIdenticalRunsIsNotLabelled() throws Exception {
    Path a = run("20261207T100000Z", 1.0, 1);
    Path b = run("20261207T110000Z", 1.15, 11); // "the same command, 15% slower later"
    Comparison plain = Comparison.of(a, b, 0.05);
    assertThat(plain.points()).allMatch(p -> p.label() == Label.SLOWER);

    // three earlier A/A pairs of this machine drifted by 10–20%
    Path a1 = run("20261201T000000Z", 1.0, 21);
    Path b1 = run("20261201T010000Z", 1.2, 31);
    Path a2 = run("20261202T000000Z", 1.0, 41);
    Path b2 = run("20261202T010000Z", 0.88, 51);
    Path a3 = run("20261203T000000Z", 1.0, 61);
    Path b3 = run("20261203T010000Z", 1.1, 71);
    Path file = Calibration.beside(a);
    assertThat(file).isEqualTo(tmp.resolve("results/m/calibration.json").toAbsolutePath());
    Calibration.empty(file)
        .adding(
            List.of(
                Calibration.measure(a1, b1),
                Calibration.measure(a2, b2),
                Calibration.measure(a3, b3)))
        .write();
    Calibration c = Calibration.find(b).orElseThrow();
    assertThat(c.pairs()).hasSize(3);
    assertThat(c.count(Pairing.SEPARATE)).isEqualTo(3);
    NoiseFloor floor =
        c.floor("Forward.fPlusG [K=10000, N=10, depth=2] avgt", Pairing.SEPARATE).get();
    // s ≈ √((ln²1.2 + ln²0.88 + ln²1.1)/3) ≈ 0.14, t_3 = 3.18: f ≈ 0.56
    assertThat(floor.fraction()).isBetween(0.5, 0.62);

    Comparison calibrated = Comparison.of(a, b, 0.05, List.of(c));
    assertThat(calibrated.points()).allMatch(p -> p.label() == Label.SAME);
    assertThat(calibrated.points()).allMatch(p -> p.floorPairs() == 3);
    assertThat(calibrated.points().get(0).detectable()).isEqualTo(floor.fraction());
    assertThat(calibrated.methods())
        .anyMatch(m -> m.startsWith("noise floor: the larger of ±5% and the A/A calibration"));
    assertThat(ComparisonSummary.render(calibrated))
        .contains("2 same")
        .contains("(* floor from the A/A calibration)")
        .contains("smallest change this comparison can label, per benchmark:");
    // a real change beyond the machine's noise is still found
    Path doubled = run("20261207T120000Z", 2.0, 81);
    assertThat(Comparison.of(a, doubled, 0.05, List.of(c)).points())
        .allMatch(p -> p.label() == Label.SLOWER);
  }

  @Test
  void pairsAccumulateAndTheSamePairIsReplaced() throws Exception {
    Path a = run("20261201T000000Z", 1.0, 1);
    Path b = run("20261201T010000Z", 1.1, 2);
    Path b2 = run("20261201T020000Z", 1.1, 3);
    Path file = tmp.resolve("cal.json");
    Calibration.empty(file).adding(List.of(Calibration.measure(a, b))).write();
    Calibration again = Calibration.read(file).adding(List.of(Calibration.measure(a, b)));
    assertThat(again.pairs()).hasSize(1);
    again.adding(List.of(Calibration.measure(a, b2))).write();
    Calibration read = Calibration.read(file);
    assertThat(read.pairs()).hasSize(2);
    assertThat(read.pairs().get(0).logRatios().get("Forward.fPlusG [K=10000, N=100, depth=2] avgt"))
        .isCloseTo(Math.log(1.1), within(0.01));
    Files.writeString(file, "{\"format\":\"something else\"}");
    assertThatThrownBy(() -> Calibration.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("delete it and run 'calibrate' again");
  }

  @Test
  void interleavedComparisonsUseInterleavedPairsAndFallBackToSeparateOnes() throws Exception {
    Path root = tmp.resolve("results/m");
    Path a = interleavedSide(root, "S1", "x", "y", 1.0, 1);
    Path b = interleavedSide(root, "S1", "y", "x", 1.0, 2);
    assertThat(Pairing.of(a, b)).isEqualTo(Pairing.INTERLEAVED);
    Path other = interleavedSide(root, "S2", "y", "x", 1.0, 3);
    assertThat(Pairing.of(a, other)).as("another session's side").isEqualTo(Pairing.SEPARATE);

    Path s1 = run("20261201T000000Z", 1.0, 4);
    Path s2 = run("20261201T010000Z", 1.3, 5);
    Calibration separateOnly =
        Calibration.empty(tmp.resolve("c1.json")).adding(List.of(Calibration.measure(s1, s2)));
    String label = "Forward.fPlusG [K=10000, N=10, depth=2] avgt";
    assertThat(separateOnly.floor(label, Pairing.INTERLEAVED)).isPresent(); // conservative
    Calibration interleavedOnly =
        Calibration.empty(tmp.resolve("c2.json")).adding(List.of(Calibration.measure(a, b)));
    assertThat(interleavedOnly.pairs().get(0).pairing()).isEqualTo(Pairing.INTERLEAVED);
    assertThat(interleavedOnly.floor(label, Pairing.INTERLEAVED)).isPresent();
    // an interleaved A/A pair cannot show drift between separate runs
    assertThat(interleavedOnly.floor(label, Pairing.SEPARATE)).isEmpty();
  }

  private Path interleavedSide(
      Path root, String session, String side, String other, double scale, long seed)
      throws Exception {
    String json =
        String.format(
            "{\"interleaved\":{\"session\":\"%s\",\"seed\":1,\"side\":\"%s\","
                + "\"partner\":\"%s-%s\",\"sides\":{\"%s\":\"java\",\"%s\":\"java\"}}}",
            session, side, session, other, side, other);
    return new JmhFixture()
        .forks(5)
        .bench(json)
        .point(JmhFixture.real("fPlusG", 10), "avgt", 5.0 * scale, 0.005, seed)
        .write(root.resolve(session + "-" + side), "quick", "cpu");
  }
}
