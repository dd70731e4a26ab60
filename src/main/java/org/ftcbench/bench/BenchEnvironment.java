package org.ftcbench.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.RunFolder;
import org.openjdk.jmh.util.Version;

/**
 * A run folder's env.json as a bench run leaves it: the machine stamp ({@link EnvironmentStamp},
 * with the BLAS that ran and OpenBLAS's core type) and a {@code bench} object for this run.
 *
 * <p>In a folder the sweep made, its env.json is kept and only gains the {@code bench} object (and
 * the BLAS fields, if it lacks them); otherwise the stamp is collected here. The {@code bench}
 * object: profile, start, end (null while running), status ("running", "complete" or "failed: …"),
 * jmh_version, jvm_flags (the parent's, which the forks inherit), settings ({@link
 * BenchSettings#toMap}) and the result file names (jmh, flops, log). Written at the start and again
 * at the end, atomically each time.
 */
public final class BenchEnvironment {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Map<String, Object> env;
  private final Map<String, Object> bench = new LinkedHashMap<>();
  private final boolean ownStamp;

  private BenchEnvironment(Path file, Map<String, Object> env, boolean ownStamp) {
    this.file = file;
    this.env = env;
    this.ownStamp = ownStamp;
  }

  /** Reads or creates {@code runDir/env.json}, adds the bench object and writes it. */
  public static BenchEnvironment start(
      Path runDir, String profile, Instant start, BenchSettings settings) {
    return start(runDir, profile, start, settings, null);
  }

  /**
   * The same for a new run folder whose machine stamp was collected elsewhere ({@code sideStamp},
   * e.g. by an interleaved side's own JVM, whose BLAS and flags are what its forks run), or here
   * when null.
   */
  public static BenchEnvironment start(
      Path runDir,
      String profile,
      Instant start,
      BenchSettings settings,
      Map<String, Object> sideStamp) {
    Path file = runDir.resolve(RunFolder.ENV);
    Map<String, Object> env;
    boolean own = !Files.exists(file);
    if (own) {
      env =
          sideStamp != null
              ? new LinkedHashMap<>(sideStamp)
              : EnvironmentStamp.collect(profile, start);
      env.put("profile", profile);
      env.put("start", start.toString());
      // the <machine> folder is the machine's name in this run (--machine may have chosen it)
      Path machineDir = runDir.toAbsolutePath().normalize().getParent();
      if (machineDir != null && machineDir.getFileName() != null) {
        env.put("machine", machineDir.getFileName().toString());
      }
    } else {
      try {
        env = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
      } catch (IOException e) {
        throw new BadInputException(
            file + " is not a readable env.json (" + e.getMessage() + "): use a run folder of ftc");
      }
      Map<String, Object> stamp = EnvironmentStamp.collect(profile, start);
      for (String key :
          List.of(
              "blas",
              "blas_libraries",
              "openblas_core",
              "blas_config",
              "openblas_coretype_env",
              "ld_preload")) {
        env.putIfAbsent(key, stamp.get(key));
      }
    }
    BenchEnvironment b = new BenchEnvironment(file, env, own);
    b.bench.put("profile", profile);
    b.bench.put("start", start.toString());
    b.bench.put("end", null);
    b.bench.put("status", "running");
    b.bench.put("jmh_version", Version.getPlainVersion());
    b.bench.put("jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
    b.bench.put("settings", settings.toMap());
    b.bench.put(
        "files", Map.of("jmh", RunFolder.JMH, "flops", RunFolder.FLOPS, "log", BenchRunner.LOG));
    env.put("bench", b.bench);
    b.write();
    return b;
  }

  /** Adds a field to the bench object (e.g. {@code interleaved}) and writes env.json. */
  public void record(String key, Object value) {
    bench.put(key, value);
    write();
  }

  /** Records the end time and status and writes env.json again. */
  public void finish(String status) {
    Instant end = Instant.now();
    bench.put("end", end.toString());
    bench.put("status", status);
    if (ownStamp) {
      env.put("end", end.toString());
      env.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
    write();
  }

  private void write() {
    try {
      AtomicFiles.writeString(file, JSON.writeValueAsString(env) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
