package org.ftcbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The folder of one run, {@code benchmarks/results/<machine>/<run>/} (docs/design.md): {@code
 * <machine>} a slug of host and CPU, {@code <run>} a UTC timestamp {@code YYYYMMDDTHHMMSSZ}.
 */
public final class RunFolder {
  /** The result files of a run, named in one place. */
  public static final String ENV = "env.json";

  public static final String CERTIFY = "certify.csv";
  public static final String CAPACITY = "capacity.csv";
  public static final String CELLS = "cells.csv";
  public static final String JMH = "jmh.json";

  /** FLOPs per operation of every benchmark point in jmh.json (bench.BenchPlan). */
  public static final String FLOPS = "flops.csv";

  /** Why cells failed (capacity.CellStore), beside cells.csv. */
  public static final String FAILURES = "failures.csv";

  public static final String ADAPTERS = "adapters";

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunFolder() {}

  /** The run id for an instant, e.g. 20261126T235748Z. */
  public static String runId(Instant t) {
    return RUN_ID.format(t);
  }

  /** Creates {@code root/machine/runId(now)} and returns it. */
  public static Path create(Path root, String machine, Instant now) {
    Path dir = root.resolve(machine).resolve(runId(now));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the run folder " + dir, e);
    }
    return dir;
  }

  /** Whether {@code dir} looks like a run folder: it has an env.json. */
  public static boolean isRunFolder(Path dir) {
    return Files.isRegularFile(dir.resolve(ENV));
  }
}
