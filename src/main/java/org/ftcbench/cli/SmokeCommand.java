package org.ftcbench.cli;

import java.io.PrintWriter;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.Seeds;
import org.ftcbench.data.Validate;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.ftcbench.nn.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ftc-bench smoke}: one small end-to-end example, the check that a fresh installation works:
 * generate the paper's task, train a 3-layer adapter on f's residuals and report the loss.
 */
@Command(
    name = "smoke",
    description = "Train one small 3-layer adapter on the paper's task and print the losses.")
final class SmokeCommand extends CliCommand {
  @Option(names = "--n", description = "changed samples N (default ${DEFAULT-VALUE})")
  int n = 20;

  @Option(names = "--k", description = "samples K (default ${DEFAULT-VALUE})")
  int k = 200;

  @Option(names = "--d", description = "input dimension d (default ${DEFAULT-VALUE})")
  int d = 10;

  @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--m",
      description = "adapter neurons m, split m/2 + m/2 (default ${DEFAULT-VALUE})")
  int m = 24;

  @Option(names = "--steps", description = "Adam steps (default ${DEFAULT-VALUE})")
  int steps = 2000;

  @Override
  public Integer call() {
    Validate.sizes(k, n, d);
    if (m < 2 || steps < 1) {
      throw new org.ftcbench.data.BadInputException(
          "m = " + m + ", steps = " + steps + ": choose m ≥ 2 and steps ≥ 1");
    }
    PrintWriter out = out();
    FineTuningTask task = FineTuningTask.generate(k, n, d, seed);
    int[] widths = {d, m / 2, m - m / 2, 1};
    DenseNetwork g = DenseNetwork.heInitialised(Seeds.stream(seed, Seeds.ADAPTER_INIT), widths);
    FrozenPlusAdapter<double[]> training =
        new FrozenPlusAdapter<>(
            task.f(),
            Weights.of(g),
            task.x(),
            task.yPrime(),
            FrozenPlusAdapter.FMode.CACHED,
            Adam.float64(AdamConfig.withLearningRate(1e-2)),
            ForwardPass.defaultBlockRows(widths));
    double zeroLoss = task.z().dot(task.z()) / k;
    double first = training.step();
    long t0 = System.nanoTime();
    double last = first;
    for (int s = 1; s < steps; s++) {
      last = training.step();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(
        "smoke: K=%d N=%d d=%d m=%d (%d+%d) seed=%d%n", k, n, d, m, widths[1], widths[2], seed);
    out.printf("  loss with g = 0:      %.5f%n", zeroLoss);
    out.printf("  loss at step 1:       %.5f%n", first);
    out.printf("  loss at step %-6d   %.5f%n", steps, last);
    out.printf("  training speed:       %.0f steps/s%n", (steps - 1) / Math.max(seconds, 1e-9));
    return 0;
  }
}
