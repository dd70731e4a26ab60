package org.ftcbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The scratch folder of one bench run, {@code <java.io.tmpdir>/ftc-bench-forks-<pid>}: the forks'
 * java.io.tmpdir, JMH's per-point result files and the shared frozen model.
 *
 * <p>jblas unpacks its native library (about 30 MB) into a fresh {@code jblas*} folder under
 * java.io.tmpdir in every JVM and deletes it only in a shutdown hook, so a killed fork leaves it
 * behind. Pointing the forks' java.io.tmpdir here contains that: the folder's contents are deleted
 * after every point and the folder at the end, or at exit after Ctrl-C. Scratch folders of runs
 * whose process no longer exists (a parent killed with SIGKILL) are deleted when the next run
 * starts; nothing else in /tmp is touched.
 */
public final class ForkTempDir implements AutoCloseable {
  static final String PREFIX = "ftc-bench-forks-";

  private final Path dir;
  private final Path forks;
  private final Thread onExit;

  private ForkTempDir(Path dir) {
    this.dir = dir;
    this.forks = dir.resolve("forks");
    this.onExit = new Thread(this::deleteQuietly, "ftc-bench scratch cleanup");
    Runtime.getRuntime().addShutdownHook(onExit); // Ctrl-C: forks exit, their folders go with us
  }

  /** Deletes stale scratch folders under {@code tmp}, then creates this process's. */
  public static ForkTempDir create(Path tmp) {
    deleteStale(tmp);
    Path dir = tmp.resolve(PREFIX + ProcessHandle.current().pid());
    try {
      deleteRecursively(dir); // a stale one of a dead process that had our pid
      Files.createDirectories(dir.resolve("forks"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the bench scratch folder " + dir, e);
    }
    return new ForkTempDir(dir);
  }

  /** The scratch folder. */
  public Path dir() {
    return dir;
  }

  /** The forks' java.io.tmpdir. */
  public Path forks() {
    return forks;
  }

  /** Deletes what the forks left (their jblas folders, if a fork was killed). */
  public void cleanForks() {
    try (Stream<Path> s = Files.list(forks)) {
      for (Path p : s.toList()) {
        deleteRecursively(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clean " + forks, e);
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // already shutting down: the hook deletes the folder
    }
    try {
      deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the bench scratch folder " + dir, e);
    }
  }

  private void deleteQuietly() {
    try {
      deleteRecursively(dir);
    } catch (IOException | RuntimeException e) {
      // the next run deletes what is left
    }
  }

  static void deleteStale(Path tmp) {
    try (Stream<Path> s = Files.list(tmp)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(p)) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(name.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).isEmpty()) {
          deleteRecursively(p);
        }
      }
    } catch (IOException e) {
      // a folder we cannot list or delete is not worth failing the run for
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
