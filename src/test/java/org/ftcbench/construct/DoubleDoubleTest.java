package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link DoubleDouble} against exact BigDecimal sums, on sums built to cancel. */
class DoubleDoubleTest {

  /**
   * Σ a_i b_i with factors spread over 30 orders of magnitude and a final term that cancels the sum
   * to O(1): double-double is within 2^−100 of the magnitudes it added, where a double sum loses
   * everything below 1e−16 of them.
   */
  @Property(tries = 300, seed = "20261127")
  void sumsOfProductsAreExactToAbout106Bits(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 40) int terms) {
    Random rng = new Random(seed);
    DoubleDouble dd = new DoubleDouble();
    BigDecimal exact = BigDecimal.ZERO;
    BigDecimal magnitude = BigDecimal.ZERO;
    for (int i = 0; i < terms; i++) {
      double a = rng.nextGaussian() * Math.pow(10, rng.nextInt(31) - 15);
      double b = rng.nextGaussian();
      dd.addProduct(a, b);
      BigDecimal p = new BigDecimal(a).multiply(new BigDecimal(b));
      exact = exact.add(p);
      magnitude = magnitude.add(p.abs());
    }
    // cancel the sum down to a small remainder, as the constructions' outputs do
    double back = -dd.hi();
    dd.add(back);
    exact = exact.add(new BigDecimal(back));
    magnitude = magnitude.add(new BigDecimal(back).abs());
    BigDecimal got = new BigDecimal(dd.hi()).add(new BigDecimal(dd.lo()));
    BigDecimal error = got.subtract(exact).abs();
    assertThat(error.doubleValue())
        .isLessThanOrEqualTo(Math.scalb(magnitude.doubleValue(), -100) * terms);
  }

  @Test
  void productOfAddsTheRoundingOfTheProduct() {
    // (1 + 2^−30)² = 1 + 2^−29 + 2^−60: a double drops the 2^−60, the accumulator keeps it
    double x = 1 + Math.scalb(1.0, -30);
    DoubleDouble dd = new DoubleDouble().addProduct(x, x).add(-1 - Math.scalb(1.0, -29));
    assertThat(dd.value()).isEqualTo(Math.scalb(1.0, -60));
    assertThat(x * x - 1 - Math.scalb(1.0, -29)).isZero();
  }

  @Test
  void signOfTheExactSum() {
    assertThat(new DoubleDouble().add(1).add(-1).positive()).isFalse(); // exactly 0
    assertThat(new DoubleDouble().add(1).add(Math.scalb(1.0, -80)).add(-1).positive()).isTrue();
    assertThat(new DoubleDouble().add(1).add(-Math.scalb(1.0, -80)).add(-1).positive()).isFalse();
    assertThat(new DoubleDouble().set(1, 0).hi()).isEqualTo(1);
    assertThat(
            new BigDecimal(new DoubleDouble().add(0.1).add(0.2).value())
                .round(MathContext.DECIMAL32))
        .isEqualByComparingTo("0.3");
  }
}
