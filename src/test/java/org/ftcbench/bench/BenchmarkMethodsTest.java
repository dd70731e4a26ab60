package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every benchmark method, called directly once on a tiny task: the result is finite and right, and
 * a warmed-up call allocates nothing on the Java heap.
 */
class BenchmarkMethodsTest {
  static final int K = 40;
  static final int N = 3;

  static double sink;
  static double[] arraySink;

  private static final java.util.Map<Integer, AdapterTask> TASKS = new java.util.HashMap<>();

  /** The tiny task of each depth, built once (pre-training f dominates a cold set-up). */
  static AdapterTask task(int depth) {
    return TASKS.computeIfAbsent(
        depth,
        dep -> {
          AdapterTask t = new AdapterTask();
          t.depth = dep;
          t.N = N;
          t.K = K;
          t.setUp();
          return t;
        });
  }

  /**
   * Bytes this thread allocates over 5 calls after 5 warm-up calls. HotSpot counts them exactly per
   * thread (com.sun.management.ThreadMXBean); 0 means the method allocates nothing.
   */
  static long allocatedBytes(Runnable call) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < 5; i++) {
      call.run();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 5; i++) {
      call.run();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }

  /** Each call allocates nothing once warm ({@link #allocatedBytes} is 0). */
  static void assertAllocatesNothing(Runnable... calls) {
    for (int i = 0; i < calls.length; i++) {
      assertThat(allocatedBytes(calls[i])).as("bytes allocated by call %d", i).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void forwardIsFPlusGOnEverySample(int depth) {
    AdapterTask t = task(depth);
    Forward b = new Forward();
    b.setUp(t);
    DoubleMatrix f = t.task.f().predict(t.task.x());
    DoubleMatrix g = t.g.predict(t.task.x());
    double[] sum = b.fPlusG().clone();
    double[] adapter = b.adapterOnly();
    Tolerances.assertSameSums(sum, f.add(g).data, K);
    for (int i = 0; i < K; i++) {
      assertThat(adapter[i]).isEqualTo(g.get(i));
    }
    assertAllocatesNothing(() -> arraySink = b.fPlusG(), () -> arraySink = b.adapterOnly());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void backwardGivesTheLossOfGAgainstTheResiduals(int depth) {
    AdapterTask t = task(depth);
    Backward b = new Backward();
    b.precision = "float64";
    b.setUp(t);
    DoubleMatrix r = t.g.predict(t.task.x()).sub(t.task.z());
    double loss = b.lossAndGradient();
    assertThat(Double.isFinite(loss)).isTrue();
    assertThat(loss).isCloseTo(r.dot(r) / K, within(1e-12 * (1 + loss)));
    assertAllocatesNothing(() -> sink = b.lossAndGradient());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void trainStepCachedAndRecomputedAgreeStepForStep(int depth) {
    AdapterTask t = task(depth);
    TrainStep cached = new TrainStep();
    cached.fMode = FMode.CACHED;
    cached.precision = "float64";
    cached.setUp(t);
    TrainStep recomputed = new TrainStep();
    recomputed.fMode = FMode.RECOMPUTE;
    recomputed.precision = "float64";
    recomputed.setUp(t);
    for (int s = 0; s < 3; s++) {
      double loss = cached.step();
      assertThat(Double.isFinite(loss)).isTrue();
      assertThat(recomputed.step()).isEqualTo(loss);
    }
    assertAllocatesNothing(() -> sink = cached.step(), () -> sink = recomputed.step());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7})
  void gemmMultiplies(int n) {
    Gemm.Square s = new Gemm.Square();
    s.size = n;
    s.setUp();
    double[] c = new Gemm().dgemm(s);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = 0;
        for (int k = 0; k < n; k++) {
          expected += s.a[i + k * n] * s.b[k + j * n];
        }
        assertThat(c[i + j * n]).isCloseTo(expected, within(Tolerances.SAME_SUMS * n));
      }
    }
    Gemm.Scalar one = new Gemm.Scalar();
    one.setUp();
    assertThat(new Gemm().callOverhead(one)[0]).isEqualTo(6.0);
    Gemm gemm = new Gemm();
    assertAllocatesNothing(() -> arraySink = gemm.dgemm(s));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void plainJavaAndJblasForwardsAgree(int depth) {
    PlainJavaForward b = new PlainJavaForward();
    b.depth = depth;
    b.N = N;
    b.rows = 9;
    b.setUp();
    double[] plain = b.plainJava().clone();
    double[] blas = b.jblas();
    Tolerances.assertSameSums(plain, blas, 9);
    assertAllocatesNothing(() -> arraySink = b.plainJava(), () -> arraySink = b.jblas());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void certifyBuildsTheCertifiedConstructionAndReturnsItsCertificate(int depth) {
    AdapterTask t = task(depth);
    var c =
        org.ftcbench.construct.Certifier.certify(
            t.task,
            Certify.construction(depth),
            t.task.seed(),
            org.ftcbench.construct.ClipSettings.defaults());
    assertThat(c.passed()).isTrue();
    assertThat(c.network().widths().length).isEqualTo(depth + 1);
    assertThat(c.neurons())
        .isLessThanOrEqualTo(AdapterWidths.widths(depth, N, AdapterTask.D)[1] * (depth - 1));
    double residual = new Certify().buildAndVerify(t);
    // the same task and seed build the same adapter, so the same certificate
    assertThat(residual).isEqualTo(c.verification().maxAbsResidual());
    assertThat(residual).isLessThanOrEqualTo(c.verification().tolerance());
  }
}
