package org.ftcbench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.ftcbench.capacity.AdapterShape;
import org.ftcbench.capacity.StepRate;
import org.ftcbench.capacity.TrainingSettings;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.Validate;
import org.ftcbench.nn.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ftc-bench sweep speed}: training steps per second of the sweep's hot path at a few sizes,
 * one thread. A quick check; the JMH benchmarks measure the kernels properly.
 */
@Command(
    name = "speed",
    description = "Measure full-batch training steps per second (one thread) at a few sizes.")
final class SweepSpeedCommand extends CliCommand {
  @Option(names = "--depth", split = ",", description = "adapter depths (default ${DEFAULT-VALUE})")
  List<Integer> depths = List.of(2, 3);

  @Option(names = "--k", split = ",", description = "sample counts K (default ${DEFAULT-VALUE})")
  List<Integer> ks = List.of(1000);

  @Option(names = "--m", split = ",", description = "widths m (default ${DEFAULT-VALUE})")
  List<Integer> ms = List.of(6, 12, 24, 48);

  @Option(names = "--d", description = "input dimension (default ${DEFAULT-VALUE})")
  int d = 10;

  @Option(names = "--steps", description = "timed steps per size (default ${DEFAULT-VALUE})")
  int steps = 2000;

  @Option(
      names = "--precision",
      split = ",",
      description =
          "arithmetic of the training: float32, float64 or both (default: the trained sweep's,"
              + " float32)")
  List<String> precisions = List.of(TrainingSettings.defaults().precision().label());

  @Override
  public Integer call() {
    if (steps < 1) {
      throw new BadInputException("--steps " + steps + ": choose at least 1");
    }
    PrintWriter out = out();
    List<Precision> parsed = precisions.stream().map(SweepSpeedCommand::precision).toList();
    out.println("depth,K,d,m,params,steps,steps_per_s,us_per_step,cpu_us_per_step,precision");
    for (int k : ks) {
      Validate.sizes(k, k / 10, d);
      FineTuningTask task = FineTuningTask.generate(k, k / 10, d, 1);
      for (int depth : depths) {
        for (int m : ms) {
          if (depth != 2 && depth != 3 || m < AdapterShape.minimumNeurons(depth)) {
            throw new BadInputException(
                "depth " + depth + " with m = " + m + ": use depth 2 or 3 and m ≥ depth − 1");
          }
          for (Precision precision : parsed) {
            StepRate.Measurement r = StepRate.measure(task, depth, m, precision, steps);
            out.printf(
                "%d,%d,%d,%d,%d,%d,%.0f,%.1f,%.1f,%s%n",
                r.depth(),
                r.k(),
                r.d(),
                r.m(),
                r.parameters(),
                r.steps(),
                r.stepsPerSecond(),
                r.microsPerStep(),
                r.cpuMicrosPerStep(),
                r.precision().label());
            out.flush();
          }
        }
      }
    }
    return 0;
  }

  private static Precision precision(String text) {
    try {
      return Precision.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--precision: " + e.getMessage());
    }
  }
}
