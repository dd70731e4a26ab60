package org.ftcbench.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jblas.DoubleMatrix;

class MseGradientTest {

  /**
   * Backward against central finite differences of the reference loss, (ℓ(θ + h) − ℓ(θ − h)) / 2h,
   * for every parameter of random networks of depth 1 to 4. The error is measured relative to the
   * gradient's norm.
   */
  @Property(tries = 40)
  void backwardMatchesCentralFiniteDifferences(
      @ForAll @IntRange(min = 1, max = 4) int depth,
      @ForAll @IntRange(min = 1, max = 5) int d,
      @ForAll @IntRange(min = 1, max = 30) int k,
      @ForAll @IntRange(min = 1, max = 11) int blockRows,
      @ForAll long seed) {
    Random rng = new Random(seed);
    DenseNetwork net = RandomNetworks.network(rng, depth, d, 7);
    DoubleMatrix x = RandomNetworks.gaussian(rng, k, d);
    DoubleMatrix t = RandomNetworks.gaussian(rng, k, 1);
    MseGradient grad = new MseGradient(net, blockRows);
    double loss = grad.compute(x, t);
    double[][] rows = x.toArray2();
    assertThat(loss)
        .isCloseTo(
            ReferenceNetwork.mse(net, rows, t.data),
            org.assertj.core.api.Assertions.within(1e-10 * (1 + loss)));

    double h = 1e-6;
    double sqErr = 0;
    double sqNorm = 0;
    List<DoubleMatrix> params = net.parameters();
    for (int p = 0; p < params.size(); p++) {
      double[] theta = params.get(p).data;
      double[] analytic = grad.gradients().get(p).data;
      for (int i = 0; i < theta.length; i++) {
        double saved = theta[i];
        theta[i] = saved + h;
        double up = ReferenceNetwork.mse(net, rows, t.data);
        theta[i] = saved - h;
        double down = ReferenceNetwork.mse(net, rows, t.data);
        theta[i] = saved;
        double numeric = (up - down) / (2 * h);
        sqErr += (numeric - analytic[i]) * (numeric - analytic[i]);
        sqNorm += analytic[i] * analytic[i];
      }
    }
    double relative = Math.sqrt(sqErr) / Math.max(Math.sqrt(sqNorm), 1e-8);
    assertThat(relative).as("relative gradient error").isLessThan(1e-6);
  }
}
