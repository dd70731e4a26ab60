package org.ftcbench.bench;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.jblas.DoubleMatrix;

/** The plain-Java forward against the jblas one, on random networks, blocks and offsets. */
class PlainForwardTest {
  @Property(tries = 60)
  void matchesTheJblasForward(
      @ForAll @IntRange(min = 1, max = 4) int depth,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @IntRange(min = 0, max = 9) int maxWidth,
      @ForAll @IntRange(min = 1, max = 20) int k,
      @ForAll long seed) {
    Random rng = new Random(seed);
    int[] widths = new int[depth + 1];
    widths[0] = d;
    for (int l = 1; l < depth; l++) {
      widths[l] = rng.nextInt(maxWidth + 1); // 0 included: a layer with no neurons
    }
    widths[depth] = 1;
    DenseNetwork net = DenseNetwork.heInitialised(rng, widths);
    for (int l = 1; l <= depth; l++) {
      for (int i = 0; i < net.bias(l).length; i++) {
        net.bias(l).data[i] = rng.nextGaussian();
      }
    }
    DoubleMatrix x = new DoubleMatrix(k, d);
    for (int i = 0; i < x.length; i++) {
      x.data[i] = rng.nextGaussian();
    }
    int r0 = rng.nextInt(k);
    int rows = 1 + rng.nextInt(k - r0);
    double[] plain = new PlainForward(net, rows).forwardBlock(x, r0, rows);
    double[] blas = ForwardPass.of(net, rows).forwardBlock(x.data, x.rows, r0, rows);
    Tolerances.assertSameSums(plain, blas, rows);
  }
}
