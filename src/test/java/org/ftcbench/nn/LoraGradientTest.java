package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jblas.DoubleMatrix;

class LoraGradientTest {

  /**
   * LoRA of rank 1 to 3 on a random f of depth 2 to 4, the variant drawn from the seed, with B made
   * nonzero (B = 0 would hide every term of the forward pass and of ∂A).
   */
  static LoraWeights<double[]> randomLora(Random rng, DenseNetwork f, int rank) {
    LoraWeights.Layers layers =
        rng.nextBoolean() ? LoraWeights.Layers.ALL_HIDDEN : LoraWeights.Layers.LAST_HIDDEN;
    LoraWeights<double[]> lora =
        LoraWeights.initialised(f, Kernels.float64(), rank, layers, rng.nextBoolean(), rng);
    for (int l = lora.firstAdapted(); l <= lora.hiddenLayers(); l++) {
      double[] b = lora.factorB(l);
      for (int i = 0; i < b.length; i++) {
        b[i] = 0.5 * rng.nextGaussian();
      }
    }
    return lora;
  }

  /** The slow twin: W_l + B_l A_l formed explicitly, entry by entry, into a plain network. */
  static DenseNetwork explicitSum(LoraWeights<double[]> lora) {
    DenseNetwork net = new DenseNetwork(lora.base().widths());
    lora.base().copyTo(net);
    int r = lora.rank();
    for (int l = lora.firstAdapted(); l <= lora.hiddenLayers(); l++) {
      DoubleMatrix w = net.weight(l);
      double[] a = lora.factorA(l);
      double[] b = lora.factorB(l);
      for (int i = 0; i < w.rows; i++) {
        for (int j = 0; j < w.columns; j++) {
          double s = 0;
          for (int q = 0; q < r; q++) {
            s += b[i + q * w.rows] * a[q + j * r];
          }
          w.put(i, j, w.get(i, j) + s);
        }
      }
    }
    return net;
  }

  private static DenseNetwork f(Random rng, RandomNetworks.Case c) {
    return RandomNetworks.network(rng, 2 + (c.depth() - 1) % 3, c.d(), 7);
  }

  /** A random LoRA of rank {@code rank} on f(c), inputs X (K × d), and the rng for what follows. */
  private record Drawn(Random rng, LoraWeights<double[]> lora, DoubleMatrix x) {
    static Drawn of(RandomNetworks.Case c, int rank) {
      Random rng = new Random(c.seed());
      LoraWeights<double[]> lora = randomLora(rng, f(rng, c), rank);
      return new Drawn(rng, lora, RandomNetworks.gaussian(rng, c.k(), c.d()));
    }
  }

  /** The blocked forward pass against W + BA evaluated one sample at a time. */
  @Property(tries = 60)
  void forwardMatchesTheExplicitSum(
      @ForAll("upTo30") RandomNetworks.Case c, @ForAll @IntRange(min = 1, max = 3) int rank) {
    Drawn drawn = Drawn.of(c, rank);
    double[] out = new double[c.k()];
    new LoraGradient<>(drawn.lora(), c.blockRows()).forward(drawn.x().data, c.k(), out);
    DenseNetwork reference = explicitSum(drawn.lora());
    double[][] rows = drawn.x().toArray2();
    for (int i = 0; i < c.k(); i++) {
      double scale = ReferenceNetwork.magnitude(reference, rows[i]);
      assertThat(out[i])
          .isCloseTo(ReferenceNetwork.evaluate(reference, rows[i]), within(1e-12 * (1 + scale)));
    }
  }

  /**
   * ∂ℓ/∂A, ∂ℓ/∂B (and ∂ℓ/∂b) against central finite differences of the explicit-sum loss, relative
   * to the gradient's norm; cases where a step could cross a ReLU's kink are skipped.
   */
  @Property(tries = 60)
  void gradientsMatchCentralFiniteDifferences(
      @ForAll("upTo30") RandomNetworks.Case c, @ForAll @IntRange(min = 1, max = 3) int rank) {
    Drawn drawn = Drawn.of(c, rank);
    LoraWeights<double[]> lora = drawn.lora();
    DoubleMatrix x = drawn.x();
    DoubleMatrix t = RandomNetworks.gaussian(drawn.rng(), c.k(), 1);
    double[][] rows = x.toArray2();
    double h = 1e-6;
    Assume.that(ReferenceNetwork.hiddenMargin(explicitSum(lora), rows) > 1e-3);
    LoraGradient<double[]> grad = new LoraGradient<>(lora, c.blockRows());
    double loss = grad.compute(x.data, c.k(), t.data);
    assertThat(loss)
        .isCloseTo(
            ReferenceNetwork.mse(explicitSum(lora), rows, t.data), within(1e-10 * (1 + loss)));

    double relative =
        FiniteDifferences.relativeError(
            lora.trainable(),
            grad.gradients(),
            () -> ReferenceNetwork.mse(explicitSum(lora), rows, t.data),
            h);
    assertThat(relative).as("relative gradient error").isLessThan(1e-6);
  }

  /** With B = 0, as initialised, the model is f itself, bit for bit, in both variants. */
  @Property(tries = 40)
  void zeroBIsExactlyF(
      @ForAll("upTo30") RandomNetworks.Case c, @ForAll @IntRange(min = 1, max = 4) int rank) {
    Random rng = new Random(c.seed());
    DenseNetwork f = f(rng, c);
    DoubleMatrix x = RandomNetworks.gaussian(rng, c.k(), c.d());
    double[] expected = new double[c.k()];
    ForwardPass.of(f, c.blockRows()).forward(x.data, c.k(), expected);
    for (LoraWeights.Layers layers : LoraWeights.Layers.values()) {
      LoraWeights<double[]> lora =
          LoraWeights.initialised(f, Kernels.float64(), rank, layers, true, rng);
      double[] out = new double[c.k()];
      new LoraGradient<>(lora, c.blockRows()).forward(x.data, c.k(), out);
      assertThat(out).containsExactly(expected);
    }
  }

  /**
   * The float32 gradient against the float64 one of the same float-rounded model and data: within
   * 1e-4 of the gradient's norm, what a few hundred float roundings allow.
   */
  @Property(tries = 40)
  void float32MatchesFloat64WithinItsRounding(
      @ForAll("upTo30") RandomNetworks.Case c, @ForAll @IntRange(min = 1, max = 3) int rank) {
    Random rng = new Random(c.seed());
    DenseNetwork f = ReferenceNetwork.roundedToFloat(f(rng, c));
    long loraSeed = rng.nextLong();
    DoubleMatrix x = RandomNetworks.gaussian(rng, c.k(), c.d());
    DoubleMatrix t = RandomNetworks.gaussian(rng, c.k(), 1);
    RandomNetworks.roundToFloat(x, t);
    List<double[]> dbl = gradient(f, rank, loraSeed, x, t, c.blockRows(), Kernels.float64());
    List<double[]> single = gradient(f, rank, loraSeed, x, t, c.blockRows(), Kernels.float32());
    assertThat(ParameterLists.distance(single, dbl))
        .as("float32 gradient error")
        .isLessThanOrEqualTo(1e-4 * Math.max(ParameterLists.norm(dbl), 1e-6));
  }

  /** The gradient in the precision of {@code kernels}, B set to float-exact random values. */
  private static <A> List<double[]> gradient(
      DenseNetwork f,
      int rank,
      long seed,
      DoubleMatrix x,
      DoubleMatrix t,
      int blockRows,
      Kernels<A> kernels) {
    Random rng = new Random(seed);
    LoraWeights<A> lora =
        LoraWeights.initialised(f, kernels, rank, LoraWeights.Layers.ALL_HIDDEN, true, rng);
    for (int l = 1; l <= lora.hiddenLayers(); l++) {
      for (A factor : List.of(lora.factorA(l), lora.factorB(l))) {
        double[] values = new double[kernels.length(factor)];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (0.5 * rng.nextGaussian());
        }
        kernels.fromDoubles(values, factor);
      }
    }
    A xa = kernels.allocate(x.length);
    kernels.fromDoubles(x.data, xa);
    A ta = kernels.allocate(t.length);
    kernels.fromDoubles(t.data, ta);
    LoraGradient<A> grad = new LoraGradient<>(lora, blockRows);
    grad.compute(xa, x.rows, ta);
    return ParameterLists.inDouble(kernels, grad.gradients());
  }

  @Provide
  Arbitrary<RandomNetworks.Case> upTo30() {
    return RandomNetworks.cases(5, 30, 11);
  }
}
