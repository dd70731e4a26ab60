package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.DataFamily;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;

/**
 * The data-shape experiment (docs/experiments.md, profile keys sweep.structure.*): the same tasks
 * on inputs of several data families and dimensions d. Its rows are those at the (N, K) points at
 * which the run has inputs other than the paper's Gaussian ones ({@link RunData#dataShapePoints}),
 * every family's rows there (Gaussian ones included, as the reference; the paper's analyses leave
 * them out).
 *
 * <p>The constructions project the inputs on one direction and their weights grow like 1/(smallest
 * projected gap) (Sohn et al. 2024, Lemma 4.5; paper notes §3): for clusters of spread σ the gaps
 * shrink like σ, so the largest |weight| should grow like σ^−1 (or faster where a construction
 * divides by a gap twice), while the neuron counts, which depend on N and K only, stay put; the
 * certificate stays exact (max |residual| at rounding level) as long as the double-double weights
 * resolve the gaps.
 *
 * @param families every family of the experiment, Gaussian first, with its description
 * @param bySigma clusters only, against σ: certified neurons, largest |weight| and max |residual|
 *     of the certified construction, and trained m_min
 * @param byD every family against d: the same four
 * @param weightSlopes the power law of the largest |weight| against σ, per curve of {@code
 *     bySigma.weight()} with two or more σ
 */
public record StructureExperiment(
    List<Family> families, Measures bySigma, Measures byD, List<WeightSlope> weightSlopes) {

  /**
   * A data family of the run.
   *
   * @param spec its name in the result files
   * @param description one line for the reader (data.DataFamily's), or why it has none
   */
  public record Family(String spec, String description) {}

  /** The four measures against one x. */
  public record Measures(
      List<Curve> neurons, List<Curve> weight, List<Curve> residual, List<Curve> trained) {
    public boolean isEmpty() {
      return neurons.isEmpty() && weight.isEmpty() && residual.isEmpty() && trained.isEmpty();
    }
  }

  /** The largest |weight| ∝ σ^b of one curve. */
  public record WeightSlope(String curve, PowerLawFit fit) {}

  /** The experiment in this run, or empty when every row has the paper's Gaussian inputs. */
  public static Optional<StructureExperiment> of(RunData run, FitSettings settings) {
    Set<List<Integer>> points = run.dataShapePoints();
    Optional<Table> capacity = run.capacity().map(StructureExperiment::additive);
    if (points.isEmpty()) {
      return Optional.empty();
    }
    List<CertifiedWidths.Row> certified =
        run.certify().map(CertifiedWidths::certifiedRows).orElse(List.of()).stream()
            .filter(r -> points.contains(List.of(r.n(), r.k())))
            .toList();
    List<TrainedRow> trained =
        capacity.map(TrainedRow::all).orElse(List.of()).stream()
            .filter(r -> points.contains(List.of(r.n(), r.k())))
            .toList();

    // Gaussian (the reference) first when the experiment has it, then in file order
    Set<String> specs = new LinkedHashSet<>();
    certified.forEach(r -> specs.add(r.data()));
    trained.forEach(r -> specs.add(r.data()));
    if (specs.remove(ResultFiles.GAUSSIAN)) {
      List<String> rest = new ArrayList<>(specs);
      specs.clear();
      specs.add(ResultFiles.GAUSSIAN);
      specs.addAll(rest);
    }
    List<Family> families = new ArrayList<>();
    Map<String, Double> sigma = new LinkedHashMap<>();
    Map<String, Integer> centres = new LinkedHashMap<>();
    for (String spec : specs) {
      try {
        DataFamily f = DataFamily.parse(spec);
        families.add(new Family(spec, f.description()));
        if (f instanceof DataFamily.Clusters c) {
          sigma.put(spec, c.sigma());
          centres.put(spec, c.centres());
        }
      } catch (BadInputException e) {
        families.add(new Family(spec, "not a family this version knows: " + e.getMessage()));
      }
    }
    boolean severalN = points.size() > 1;

    // against σ: the clusters families, one line per depth, d (and centres, N)
    List<Curve.Sample> neurons = new ArrayList<>();
    List<Curve.Sample> weight = new ArrayList<>();
    List<Curve.Sample> residual = new ArrayList<>();
    List<Curve.Sample> trainedSigma = new ArrayList<>();
    for (CertifiedWidths.Row r : certified) {
      if (sigma.containsKey(r.data())) {
        double s = sigma.get(r.data());
        String name = clustersCurve(r.depth(), "", r.d(), centres.get(r.data()), r.n(), severalN);
        String group = "d = " + r.d();
        neurons.add(new Curve.Sample(name, r.depth(), group, s, r.neurons()));
        weight.add(new Curve.Sample(name, r.depth(), group, s, r.maxAbsWeight()));
        residual.add(new Curve.Sample(name, r.depth(), group, s, r.maxAbsResidual()));
      }
    }
    for (TrainedRow r : trained) {
      if (sigma.containsKey(r.data())) {
        String name =
            clustersCurve(r.depth(), r.criterion(), r.d(), centres.get(r.data()), r.n(), severalN);
        trainedSigma.add(
            new Curve.Sample(name, r.depth(), "d = " + r.d(), sigma.get(r.data()), r.mMin()));
      }
    }
    Measures bySigma = measures(neurons, weight, residual, trainedSigma);

    // against d: every family, one line per family and depth (and N)
    List<Curve.Sample> neuronsD = new ArrayList<>();
    List<Curve.Sample> weightD = new ArrayList<>();
    List<Curve.Sample> residualD = new ArrayList<>();
    List<Curve.Sample> trainedD = new ArrayList<>();
    for (CertifiedWidths.Row r : certified) {
      String name = r.data() + ", depth " + r.depth() + (severalN ? ", N = " + r.n() : "");
      neuronsD.add(new Curve.Sample(name, r.depth(), r.data(), r.d(), r.neurons()));
      weightD.add(new Curve.Sample(name, r.depth(), r.data(), r.d(), r.maxAbsWeight()));
      residualD.add(new Curve.Sample(name, r.depth(), r.data(), r.d(), r.maxAbsResidual()));
    }
    for (TrainedRow r : trained) {
      String name =
          r.data()
              + ", depth "
              + r.depth()
              + ", "
              + r.criterion()
              + (severalN ? ", N = " + r.n() : "");
      trainedD.add(new Curve.Sample(name, r.depth(), r.data(), r.d(), r.mMin()));
    }
    Measures byD = measures(neuronsD, weightD, residualD, trainedD);

    List<WeightSlope> slopes = new ArrayList<>();
    for (Curve c : bySigma.weight()) {
      SortedMap<Double, double[]> byX = c.byX();
      if (byX.size() >= 2) {
        slopes.add(new WeightSlope(c.name(), PowerLaw.fit(byX, settings)));
      }
    }
    return Optional.of(new StructureExperiment(families, bySigma, byD, slopes));
  }

  /** "depth 2, paper, d = 10, 8 centres, N = 20" (criterion for trained curves, N if several). */
  private static String clustersCurve(
      int depth, String criterion, int d, int centres, int n, boolean severalN) {
    return "depth "
        + depth
        + (criterion.isEmpty() ? "" : ", " + criterion)
        + ", d = "
        + d
        + ", "
        + centres
        + " centres"
        + (severalN ? ", N = " + n : "");
  }

  private static Measures measures(
      List<Curve.Sample> neurons,
      List<Curve.Sample> weight,
      List<Curve.Sample> residual,
      List<Curve.Sample> trained) {
    return new Measures(
        Curve.of(neurons, RunFolder.CERTIFY, true),
        Curve.of(weight, RunFolder.CERTIFY, true),
        // a residual of exactly 0 cannot sit on a log axis: left out of the drawn line
        Curve.of(residual, RunFolder.CERTIFY, true),
        Curve.of(trained, RunFolder.CAPACITY, true));
  }

  private static Table additive(Table capacity) {
    return capacity.where(capacity.stringColumn(Columns.ADAPTER).isEqualTo(ResultFiles.ADDITIVE));
  }

  /** One capacity.csv row as the experiment reads it. */
  private record TrainedRow(
      int depth, int n, int k, int d, String criterion, String data, double mMin) {
    static List<TrainedRow> all(Table t) {
      List<TrainedRow> out = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        if (t.intColumn(Columns.DEPTH).isMissing(i)
            || t.intColumn(Columns.N).isMissing(i)
            || t.intColumn(Columns.K).isMissing(i)) {
          continue;
        }
        out.add(
            new TrainedRow(
                t.intColumn(Columns.DEPTH).getInt(i),
                t.intColumn(Columns.N).getInt(i),
                t.intColumn(Columns.K).getInt(i),
                t.intColumn(Columns.D).isMissing(i) ? 0 : t.intColumn(Columns.D).getInt(i),
                t.stringColumn(Columns.CRITERION).get(i),
                t.stringColumn(Columns.DATA).get(i),
                t.numberColumn(Columns.M_MIN).getDouble(i)));
      }
      return out;
    }
  }
}
