package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jblas.DoubleMatrix;

class MseGradientTest {

  /**
   * Backward against central finite differences of the reference loss, (ℓ(θ + h) − ℓ(θ − h)) / 2h,
   * for every parameter of random networks of depth 1 to 4, widths from 1, and random block sizes.
   * The error is measured relative to the gradient's norm.
   */
  @Property(tries = 60)
  void backwardMatchesCentralFiniteDifferences(@ForAll("upTo30") RandomNetworks.Case c) {
    Random rng = new Random(c.seed());
    DenseNetwork net = RandomNetworks.network(rng, c.depth(), c.d(), 7);
    DoubleMatrix x = RandomNetworks.gaussian(rng, c.k(), c.d());
    DoubleMatrix t = RandomNetworks.gaussian(rng, c.k(), 1);
    double[][] rows = x.toArray2();
    double h = 1e-6;
    // a step of h moves a pre-activation by at most about h (1 + Σ|h_prev|): keep clear of kinks
    Assume.that(ReferenceNetwork.hiddenMargin(net, rows) > 1e-3);
    MseGradient<double[]> grad = MseGradient.of(net, c.blockRows());
    double loss = grad.compute(x.data, c.k(), t.data);
    assertThat(loss)
        .isCloseTo(
            ReferenceNetwork.mse(net, rows, t.data),
            org.assertj.core.api.Assertions.within(1e-10 * (1 + loss)));

    List<double[]> params = net.parameters().stream().map(m -> m.data).toList();
    double relative =
        FiniteDifferences.relativeError(
            params, grad.gradients(), () -> ReferenceNetwork.mse(net, rows, t.data), h);
    assertThat(relative).as("relative gradient error").isLessThan(1e-6);
  }

  /**
   * The float32 gradient against the float64 one (checked above by finite differences) of the same
   * float-rounded network and inputs: relative to the gradient's norm within 1e-4, what a few
   * hundred float roundings allow.
   */
  @Property(tries = 60)
  void float32MatchesFloat64WithinItsRounding(@ForAll("upTo40") RandomNetworks.Case c) {
    Random rng = new Random(c.seed());
    DenseNetwork net =
        ReferenceNetwork.roundedToFloat(RandomNetworks.network(rng, c.depth(), c.d(), 9));
    DoubleMatrix x = RandomNetworks.gaussian(rng, c.k(), c.d());
    DoubleMatrix t = RandomNetworks.gaussian(rng, c.k(), 1);
    RandomNetworks.roundToFloat(x, t);
    List<double[]> single = gradient(net, x, t, c.blockRows(), Kernels.float32());
    List<double[]> dbl = gradient(net, x, t, c.blockRows(), Kernels.float64());
    assertThat(ParameterLists.distance(single, dbl))
        .as("float32 gradient error")
        .isLessThanOrEqualTo(1e-4 * Math.max(ParameterLists.norm(dbl), 1e-6));
  }

  @Provide
  Arbitrary<RandomNetworks.Case> upTo30() {
    return RandomNetworks.cases(5, 30, 11);
  }

  @Provide
  Arbitrary<RandomNetworks.Case> upTo40() {
    return RandomNetworks.cases(5, 40, 11);
  }

  /** ∂ℓ/∂θ in the precision of {@code kernels}, in double, in the order of the parameters. */
  static <A> List<double[]> gradient(
      DenseNetwork net, DoubleMatrix x, DoubleMatrix t, int blockRows, Kernels<A> kernels) {
    A xa = kernels.allocate(x.length);
    kernels.fromDoubles(x.data, xa);
    A ta = kernels.allocate(t.length);
    kernels.fromDoubles(t.data, ta);
    MseGradient<A> grad = new MseGradient<>(Weights.copyOf(net, kernels), blockRows);
    grad.compute(xa, x.rows, ta);
    return ParameterLists.inDouble(kernels, grad.gradients());
  }
}
