package org.ftcbench.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftcbench.data.Dataset;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.PaperData;
import org.ftcbench.data.PretrainConfig;
import org.ftcbench.data.PretrainedModel;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * The frozen f, pre-trained once per run and shared by every fork through a file.
 *
 * <p>Pre-training f (data.PretrainedModel) takes about 3 s in a cold JVM, and every JMH fork would
 * repeat it in its trial set-up: with tens of forks per run, more time than the measurements. The
 * parent trains f once ({@link #prepare}) and passes the file to the forks in the system property
 * {@value #PROPERTY}; {@link #task} reads it there, and trains f itself when the property is absent
 * (tests, a benchmark run by hand). Both give the same f bit for bit: pre-training is deterministic
 * in (K, seed).
 */
public final class SharedFrozenModel {
  /** The system property naming the file, set on the forks' command line. */
  public static final String PROPERTY = "ftcbench.bench.frozenModel";

  private static final int MAGIC = 0x46544346; // "FTCF"

  private SharedFrozenModel() {}

  /** Pre-trains f for (K, seed) and writes it to {@code dir}; returns the file. */
  public static Path prepare(Path dir, int k, long seed) {
    Dataset data = PaperData.generate(k, AdapterTask.D, seed);
    DenseNetwork f = PretrainedModel.fit(data, PretrainConfig.defaults(), seed);
    Path file = dir.resolve("frozen-f-K" + k + "-seed" + seed + ".bin");
    write(file, f, k, seed);
    return file;
  }

  /** The paper's task for (K, N, seed) with f from the shared file if there is one. */
  public static FineTuningTask task(int k, int n, long seed) {
    String file = System.getProperty(PROPERTY);
    if (file == null || file.isBlank()) {
      return FineTuningTask.generate(k, n, AdapterTask.D, seed);
    }
    DenseNetwork f = read(Path.of(file), k, seed);
    return FineTuningTask.changeLabels(PaperData.generate(k, AdapterTask.D, seed), f, n, seed);
  }

  static void write(Path file, DenseNetwork f, int k, long seed) {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeInt(MAGIC);
      out.writeInt(k);
      out.writeLong(seed);
      int[] widths = f.widths();
      out.writeInt(widths.length);
      for (int w : widths) {
        out.writeInt(w);
      }
      for (DoubleMatrix p : f.parameters()) {
        for (double v : p.data) {
          out.writeDouble(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the frozen model to " + file, e);
    }
  }

  static DenseNetwork read(Path file, int k, long seed) {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      int magic = in.readInt();
      int fileK = in.readInt();
      long fileSeed = in.readLong();
      if (magic != MAGIC || fileK != k || fileSeed != seed) {
        throw new IllegalStateException(
            file
                + " holds f for K = "
                + fileK
                + ", seed = "
                + fileSeed
                + " but this benchmark needs K = "
                + k
                + ", seed = "
                + seed);
      }
      int[] widths = new int[in.readInt()];
      for (int l = 0; l < widths.length; l++) {
        widths[l] = in.readInt();
      }
      List<DoubleMatrix> weights = new ArrayList<>();
      List<DoubleMatrix> biases = new ArrayList<>();
      for (int l = 1; l < widths.length; l++) {
        weights.add(readMatrix(in, widths[l], widths[l - 1]));
        biases.add(readMatrix(in, widths[l], 1));
      }
      DenseNetwork f = DenseNetwork.of(weights, biases);
      if (!Arrays.equals(f.widths(), widths)) {
        throw new IllegalStateException(file + " is corrupt: widths " + Arrays.toString(widths));
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the frozen model " + file, e);
    }
  }

  private static DoubleMatrix readMatrix(DataInputStream in, int rows, int columns)
      throws IOException {
    DoubleMatrix m = new DoubleMatrix(rows, columns);
    for (int i = 0; i < m.length; i++) {
      m.data[i] = in.readDouble();
    }
    return m;
  }
}
