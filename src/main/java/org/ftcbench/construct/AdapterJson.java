package org.ftcbench.construct;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ftcbench.data.BadInputException;
import org.ftcbench.data.DataFamily;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.Validate;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.results.AtomicFiles;
import org.jblas.DoubleMatrix;

/**
 * The export format "ftc-adapter/1" (docs/design.md, "Exported adapter"): the task (x, z, T) and
 * the adapter as a plain ReLU network, so that anyone can check the certificate with any tool.
 * Every hidden layer is relu(W h + b), the last is linear, W is (out × in). Beside the fields of
 * docs/design.md the file records the residuals and the tolerance the check used.
 *
 * <p>Written with Jackson's streaming generator to a temporary file that is renamed over the target
 * ({@link AtomicFiles}: a crash never leaves half a certificate; a large adapter is never held as
 * one string). Numbers are written with Java's shortest round-trip representation, so reading them
 * back gives the same doubles.
 */
public final class AdapterJson {
  /** The value of the "format" field. */
  public static final String FORMAT = "ftc-adapter/1";

  private AdapterJson() {}

  /** Writes the certified adapter and its task to {@code file}. */
  public static void write(Path file, FineTuningTask task, CertifiedAdapter adapter) {
    AtomicFiles.write(
        file,
        out -> {
          try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            writeTo(json, task, adapter);
          }
        });
  }

  private static void writeTo(JsonGenerator json, FineTuningTask task, CertifiedAdapter adapter)
      throws IOException {
    DenseNetwork g = adapter.network();
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeNumberField("depth", adapter.construction().depth());
    json.writeStringField("construction", adapter.construction().label());
    json.writeNumberField("neurons", g.neurons());
    json.writeNumberField("max_abs_residual", adapter.verification().maxAbsResidualOfG());
    json.writeNumberField("tolerance", adapter.verification().tolerance());
    // "exact": max_abs_residual is what the weights define (evaluate them in exact or 106-bit
    // arithmetic to reproduce it); a float64 evaluation sees float64_residual
    json.writeStringField("residual_arithmetic", adapter.verification().arithmetic());
    json.writeNumberField("float64_residual", adapter.verification().float64Residual());
    json.writeObjectFieldStart("task");
    json.writeNumberField("K", task.k());
    json.writeNumberField("N", task.n());
    json.writeNumberField("d", task.d());
    json.writeNumberField("seed", task.seed());
    json.writeArrayFieldStart("x");
    for (int i = 0; i < task.k(); i++) {
      json.writeStartArray();
      for (int j = 0; j < task.d(); j++) {
        json.writeNumber(task.x().get(i, j));
      }
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("z");
    for (double v : task.z().data) {
      json.writeNumber(v);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("T");
    for (int t : task.changed()) {
      json.writeNumber(t);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("layers");
    PreciseNetwork precise = adapter.weights();
    for (int l = 1; l <= g.depth(); l++) {
      DoubleMatrix w = g.weight(l);
      json.writeStartObject();
      json.writeArrayFieldStart("W");
      for (int r = 0; r < w.rows; r++) {
        json.writeStartArray();
        for (int c = 0; c < w.columns; c++) {
          writeParameter(json, precise.exactWeight(l, r, c), w.get(r, c));
        }
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("b");
      for (int r = 0; r < g.width(l); r++) {
        writeParameter(json, precise.exactBias(l, r), g.bias(l).get(r));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * A task read from a file, with the seed it recorded or was drawn with (or null) and the data
   * family that drew it (null when the file lists the inputs).
   */
  public record InputTask(FineTuningTask task, Long seed, DataFamily data) {}

  /**
   * Reads a task from {@code file}: either a whole export (its "task" part is used) or a bare task
   * object. x (K rows of d numbers) and z (K numbers) are required; T (0-based) is optional, and
   * without it the changed samples are those with z ≠ 0.
   */
  public static InputTask readTask(Path file) {
    return readTask(file, null);
  }

  /**
   * Reads a task from {@code file} as {@link #readTask(Path)} does, or, when it names a data family
   * instead of listing x and z ({@code {"data": "clusters:centres=24,sigma=1e-4", "K": 60, "N": 10,
   * "d": 2, "seed": 7}}), generates that task as {@link FineTuningTask#generate(DataFamily, int,
   * int, int, long)} does: d defaults to 10 and the seed to {@code seed}, else the file's, else 1.
   *
   * @param seed the seed that draws a named family's task, overriding the file's (or null)
   */
  public static InputTask readTask(Path file, Long seed) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new BadInputException(file + " does not exist: give the path of a task JSON file");
    } catch (IOException e) {
      throw new BadInputException(
          file + " is not valid JSON (" + oneLine(e.getMessage()) + "): fix or regenerate it", e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(
          file + " does not hold a JSON object: expected {\"x\": …, \"z\": …}");
    }
    JsonNode t = root.has("task") ? root.get("task") : root;
    if (t.has("data")) {
      return generateTask(file, t, seed);
    }
    JsonNode xs = t.get("x");
    JsonNode zs = t.get("z");
    if (xs == null || !xs.isArray() || xs.isEmpty()) {
      throw new BadInputException(file + ": \"x\" is missing or empty: give K rows of d numbers");
    }
    if (zs == null || !zs.isArray()) {
      throw new BadInputException(
          file + ": \"z\" is missing: give the K residual targets y − f(x)");
    }
    int k = xs.size();
    JsonNode first = xs.get(0);
    if (!first.isArray() || first.isEmpty()) {
      throw new BadInputException(
          file + ": x[0] is not a list of numbers: give each x as [x1, …, xd]");
    }
    int d = first.size();
    DoubleMatrix x = new DoubleMatrix(k, d);
    for (int i = 0; i < k; i++) {
      JsonNode row = xs.get(i);
      if (!row.isArray() || row.size() != d) {
        throw new BadInputException(
            file
                + ": x["
                + i
                + "] has "
                + row.size()
                + " entries but x[0] has "
                + d
                + ": all rows need d = "
                + d);
      }
      for (int j = 0; j < d; j++) {
        x.put(i, j, number(row.get(j), file, "x[" + i + "][" + j + "]"));
      }
    }
    if (zs.size() != k) {
      throw new BadInputException(
          file
              + ": x has "
              + k
              + " rows but z has "
              + zs.size()
              + " entries: give one z per sample");
    }
    DoubleMatrix z = new DoubleMatrix(k, 1);
    for (int i = 0; i < k; i++) {
      z.put(i, number(zs.get(i), file, "z[" + i + "]"));
    }
    int[] changed = null;
    JsonNode ts = t.get("T");
    if (ts != null && !ts.isNull()) {
      if (!ts.isArray()) {
        throw new BadInputException(
            file + ": \"T\" is not a list: give the changed indices, 0-based");
      }
      changed = new int[ts.size()];
      for (int i = 0; i < ts.size(); i++) {
        if (!ts.get(i).canConvertToInt() || !ts.get(i).isIntegralNumber()) {
          throw new BadInputException(
              file
                  + ": T["
                  + i
                  + "] = "
                  + ts.get(i)
                  + " is not an index: T lists 0-based sample indices");
        }
        changed[i] = ts.get(i).intValue();
      }
    }
    Long fileSeed =
        t.has("seed") && t.get("seed").canConvertToLong() ? t.get("seed").longValue() : null;
    return new InputTask(FineTuningTask.fromResiduals(x, z, changed), fileSeed, null);
  }

  /** The task a named data family draws: K, N, optional d (10) and seed (1). */
  private static InputTask generateTask(Path file, JsonNode t, Long seed) {
    for (String listed : new String[] {"x", "z", "T"}) {
      if (t.has(listed)) {
        throw new BadInputException(
            file
                + ": \"data\" draws the whole task (x, f, z and T) from the seed, so \""
                + listed
                + "\" cannot be given too: drop \""
                + listed
                + "\", or drop \"data\" and list x and z");
      }
    }
    JsonNode spec = t.get("data");
    if (!spec.isTextual()) {
      throw new BadInputException(
          file + ": \"data\" = " + spec + " is not a family name: " + DataFamily.CHOICES);
    }
    DataFamily family;
    try {
      family = DataFamily.parse(spec.textValue());
    } catch (BadInputException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
    int k = count(t, "K", null, file);
    int n = count(t, "N", null, file);
    int d = count(t, "d", 10, file);
    JsonNode fileSeed = t.get("seed");
    if (fileSeed != null && (!fileSeed.isIntegralNumber() || !fileSeed.canConvertToLong())) {
      throw new BadInputException(
          file + ": \"seed\" = " + fileSeed + " is not a whole number: give e.g. \"seed\": 1");
    }
    long s = seed != null ? seed : fileSeed != null ? fileSeed.longValue() : 1;
    Validate.sizes(k, n, d);
    try {
      return new InputTask(FineTuningTask.generate(family, k, n, d, s), s, family);
    } catch (BadInputException e) {
      // the family refuses equal inputs: say which file asked for them
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** A whole number field of a task ({@code fallback} when absent, required when null). */
  private static int count(JsonNode t, String field, Integer fallback, Path file) {
    JsonNode v = t.get(field);
    if (v == null && fallback != null) {
      return fallback;
    }
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new BadInputException(
          file
              + ": \""
              + field
              + "\" = "
              + v
              + " is not a whole number: a task that names its \"data\" gives K, N and"
              + " optionally d and seed");
    }
    return v.intValue();
  }

  /**
   * A parameter, its double-double or triple part sum {@code exact}, rounded to double {@code hi}.
   * When it is a double, the shortest decimal that reads back as hi (≤ 17 significant digits), like
   * every other number in the file: it stands for that double. Otherwise its exact decimal value,
   * which always has more than 17 digits: it stands for itself. A reader in double precision gets
   * hi either way (the float64 network); an exact checker reads the short numbers as the doubles
   * they name and the long ones as exact decimals ({@link #readNetwork}).
   */
  private static void writeParameter(JsonGenerator json, BigDecimal exact, double hi)
      throws IOException {
    if (exact.compareTo(new BigDecimal(hi)) == 0) {
      json.writeNumber(hi);
    } else {
      json.writeNumber(exact);
    }
  }

  /**
   * The layers of an exported adapter, as a network with double-double parameters (for checking a
   * file): each number is read as a decimal and split into its nearest double and the rest.
   */
  public static PreciseNetwork readNetwork(Path file) {
    try {
      JsonNode root =
          new ObjectMapper()
              .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .readTree(file.toFile());
      JsonNode layers = root.get("layers");
      java.util.List<DoubleMatrix> ws = new java.util.ArrayList<>();
      java.util.List<DoubleMatrix> bs = new java.util.ArrayList<>();
      java.util.List<DoubleMatrix> wLow = new java.util.ArrayList<>();
      java.util.List<DoubleMatrix> bLow = new java.util.ArrayList<>();
      java.util.List<DoubleMatrix> wThird = new java.util.ArrayList<>();
      java.util.List<DoubleMatrix> bThird = new java.util.ArrayList<>();
      // an empty W (a layer of 0 neurons) does not show its width: take it from the task and
      // the previous layer
      int cols = root.get("task").get("d").intValue();
      for (JsonNode layer : layers) {
        JsonNode w = layer.get("W");
        JsonNode b = layer.get("b");
        int rows = b.size();
        DoubleMatrix wm = new DoubleMatrix(rows, cols);
        DoubleMatrix wl = new DoubleMatrix(rows, cols);
        DoubleMatrix wt = new DoubleMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            split(w.get(r).get(c).decimalValue(), wm, wl, wt, r, c);
          }
        }
        DoubleMatrix bm = new DoubleMatrix(b.size(), 1);
        DoubleMatrix bl = new DoubleMatrix(b.size(), 1);
        DoubleMatrix bt = new DoubleMatrix(b.size(), 1);
        for (int r = 0; r < b.size(); r++) {
          split(b.get(r).decimalValue(), bm, bl, bt, r, 0);
        }
        ws.add(wm);
        bs.add(bm);
        wLow.add(wl);
        bLow.add(bl);
        wThird.add(wt);
        bThird.add(bt);
        cols = rows;
      }
      return new PreciseNetwork(
          DenseNetwork.of(ws, bs), DenseNetwork.of(wLow, bLow), DenseNetwork.of(wThird, bThird));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /**
   * A number of the file as hi + lo + third ({@link #writeParameter}): up to 17 significant digits
   * it names the double nearest to it; beyond, it is exact, hi its nearest double, lo the nearest
   * double to the rest and third what is left after that.
   */
  private static void split(
      BigDecimal v, DoubleMatrix hi, DoubleMatrix lo, DoubleMatrix third, int r, int c) {
    double h = v.doubleValue();
    hi.put(r, c, h);
    if (v.precision() <= 17) {
      return;
    }
    BigDecimal rest = v.subtract(new BigDecimal(h));
    double l = rest.doubleValue();
    lo.put(r, c, l);
    third.put(r, c, rest.subtract(new BigDecimal(l)).doubleValue());
  }

  private static double number(JsonNode v, Path file, String where) {
    if (v == null || !v.isNumber()) {
      throw new BadInputException(file + ": " + where + " = " + v + " is not a number");
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new BadInputException(file + ": " + where + " = " + d + " is not finite");
    }
    return d;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
