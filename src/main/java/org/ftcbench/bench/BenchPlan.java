package org.ftcbench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ftcbench.nn.FrozenPlusAdapter.FMode;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.nn.LoraWeights;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.Csv;
import org.ftcbench.results.ResultFiles;

/**
 * The points a bench run measures, in run order, each with its FLOPs per operation; and the
 * flops.csv table that records them next to jmh.json.
 *
 * <p>flops.csv ({@link ResultFiles#FLOPS}) has one row per point, keyed by jmh.json's {@code
 * benchmark} and {@code params} ({@link BenchPoint#paramString}).
 */
public final class BenchPlan {
  private BenchPlan() {}

  /** Every point of the settings, benchmarks in the settings' order. */
  public static List<BenchPoint> points(BenchSettings s) {
    List<BenchPoint> points = new ArrayList<>();
    int[] f = AdapterTask.frozenWidths();
    String k = String.valueOf(s.k());
    for (BenchmarkName b : s.benchmarks()) {
      switch (b) {
        case FORWARD, BACKWARD, TRAIN_STEP -> {
          for (int depth : s.depths()) {
            for (int n : s.n()) {
              int[] g = AdapterWidths.widths(depth, n, AdapterTask.D);
              Map<String, String> p = Map.of("depth", "" + depth, "N", "" + n, "K", k);
              if (b == BenchmarkName.FORWARD) {
                long gFlops = Flops.forward(g, s.k());
                points.add(new BenchPoint(b, "fPlusG", p, g, Flops.forward(f, s.k()) + gFlops));
                points.add(new BenchPoint(b, "adapterOnly", p, g, gFlops));
              } else if (b == BenchmarkName.BACKWARD) {
                for (Precision precision : s.precisions()) {
                  Map<String, String> pp = with(p, "precision", precision.label());
                  points.add(
                      new BenchPoint(b, "lossAndGradient", pp, g, Flops.lossAndGradient(g, s.k())));
                }
              } else {
                for (FMode mode : s.fModes()) {
                  for (Precision precision : s.precisions()) {
                    Map<String, String> pm =
                        with(with(p, "fMode", mode.name()), "precision", precision.label());
                    points.add(
                        new BenchPoint(b, "step", pm, g, Flops.trainStep(f, g, s.k(), mode)));
                  }
                }
              }
            }
          }
        }
        case GEMM -> {
          for (Precision precision : s.precisions()) {
            for (int size : s.gemmSizes()) {
              points.add(
                  new BenchPoint(
                      b,
                      Gemm.method(precision),
                      Map.of("size", "" + size),
                      new int[0],
                      Flops.gemm(size)));
            }
          }
          points.add(new BenchPoint(b, "callOverhead", Map.of(), new int[0], Flops.gemm(1)));
        }
        case PLAIN_JAVA -> {
          for (int depth : s.plainJavaDepths()) {
            for (int n : s.plainJavaN()) {
              for (int rows : s.plainJavaRows()) {
                int[] g = AdapterWidths.widths(depth, n, AdapterTask.D);
                Map<String, String> p = Map.of("depth", "" + depth, "N", "" + n, "rows", "" + rows);
                for (String method : b.methods()) {
                  points.add(new BenchPoint(b, method, p, g, Flops.forward(g, rows)));
                }
              }
            }
          }
        }
        case LORA_TRAIN_STEP -> {
          LoraSpec spec = LoraTrainStep.SPEC;
          int[] fl = spec.fWidths(LoraTrainStep.DEPTH, AdapterTask.D);
          int first = spec.layers() == LoraWeights.Layers.ALL_HIDDEN ? 1 : LoraTrainStep.DEPTH - 1;
          for (int n : s.n()) {
            for (int rank : s.loraRanks()) {
              for (Precision precision : s.precisions()) {
                Map<String, String> p =
                    Map.of("N", "" + n, "K", k, "rank", "" + rank, "precision", precision.label());
                // widths: f's, the network every step runs (its LoRA parameters: LoraSpec)
                points.add(
                    new BenchPoint(
                        b,
                        "step",
                        p,
                        fl,
                        Flops.loraTrainStep(fl, first, rank, spec.trainBiases(), s.k())));
              }
            }
          }
        }
        case CERTIFY -> {
          for (int depth : s.depths()) {
            for (int n : s.certifyN()) {
              int[] g = AdapterWidths.widths(depth, n, AdapterTask.D);
              Map<String, String> p = Map.of("depth", "" + depth, "N", "" + n, "K", k);
              // flops 0: building a construction is not BLAS work, so no GFLOP/s
              points.add(new BenchPoint(b, "buildAndVerify", p, g, 0));
            }
          }
        }
      }
    }
    return points;
  }

  private static Map<String, String> with(Map<String, String> params, String key, String value) {
    Map<String, String> m = new java.util.HashMap<>(params);
    m.put(key, value);
    return m;
  }

  /** Whether any point needs the paper's task, and so the shared pre-trained f. */
  public static boolean needsFrozenModel(List<BenchPoint> points) {
    return points.stream().anyMatch(p -> p.params().containsKey("K"));
  }

  /** flops.csv: a header and one row per point. */
  public static String flopsCsv(List<BenchPoint> points) {
    StringBuilder sb = new StringBuilder(Csv.line(ResultFiles.FLOPS.header())).append('\n');
    for (BenchPoint p : points) {
      List<Object> row =
          Arrays.asList(
              p.jmhName(),
              p.paramString(),
              p.params().getOrDefault("depth", ""),
              p.params().getOrDefault("N", ""),
              p.params().getOrDefault("K", ""),
              Arrays.stream(p.widths()).mapToObj(String::valueOf).collect(Collectors.joining("-")),
              p.widths().length == 0 ? "" : p.neurons(),
              p.widths().length == 0 ? "" : p.parameters(),
              p.flops());
      sb.append(ResultFiles.FLOPS.line(row)).append('\n');
    }
    return sb.toString();
  }
}
