package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The certified sweep's points read from sweep.certify.* (K as a count or a multiple of N). */
class SweepWorkTest {
  static List<CertifySweep.Point> points(String n, String k) {
    Profile p =
        Profile.load(
            Profile.FOLDER,
            "quick",
            Map.of("sweep.certify.n", n, "sweep.certify.k", k, "sweep.certify.seeds", "1,2"));
    return SweepWork.certifyPoints(p);
  }

  @Test
  void aMultipleOfNAndACountGiveEveryPointWithNAtMostK() {
    assertThat(points("10,100", "10N, 50"))
        .containsExactly(
            new CertifySweep.Point(10, 100, 10, 1),
            new CertifySweep.Point(10, 100, 10, 2),
            new CertifySweep.Point(10, 50, 10, 1),
            new CertifySweep.Point(10, 50, 10, 2),
            new CertifySweep.Point(100, 1000, 10, 1),
            new CertifySweep.Point(100, 1000, 10, 2));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"10N;100", "10 N;100", "10n;100", "1N;10", "200;200", " 200 ;200"})
  void theFormsOfK(String k, int expected) {
    assertThat(points("10", k)).extracting(CertifySweep.Point::k).containsOnly(expected);
  }

  /** The certified and the trained sweeps read K alike: the trained sweep's KRule is the parser. */
  @ParameterizedTest
  @ValueSource(strings = {"N", "0N", "-2N", "xN", "1.5N", "10NN", "0", "-5", "ten"})
  void aMalformedKIsOneLineNamingTheKey(String k) {
    assertThatThrownBy(() -> points("10", k))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("profile quick: sweep.certify.k: K rule '")
        .hasMessageContaining("e.g. 2N");
  }

  @Test
  void aKBelowThreeOrBeyondAnIntIsRefused() {
    assertThatThrownBy(() -> points("1", "2N"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "profile quick: sweep.certify.k = 2N gives K = 2 at N = 1: the constructions need 3 ≤"
                + " K");
    assertThatThrownBy(() -> points("100000", "100000N"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("gives a K beyond 2³¹ − 1 at N = 100000");
  }
}
