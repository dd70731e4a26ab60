package org.ftcbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file writes that a crash cannot leave half done: write a temporary file beside the target,
 * then rename it over the target in one atomic step (docs/design.md, "Results of one run").
 *
 * <p>The temporary file is created like any new file, with the permissions the user's umask gives
 * (0644 under the usual 022), not with {@link Files#createTempFile}'s private 0600: the file keeps
 * them after the rename, and reports must be readable by a web server serving the folder.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the file's content to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code content} (UTF-8) to {@code target} atomically, creating parent folders. */
  public static void writeString(Path target, String content) {
    writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code value} as indented JSON (Jackson) with a final newline to {@code target}
   * atomically, creating parent folders.
   */
  public static void writeJson(Path target, Object value) {
    try {
      writeString(
          target,
          new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise " + target.getFileName(), e);
    }
  }

  /** Writes {@code bytes} to {@code target} atomically, creating parent folders. */
  public static void writeBytes(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /** Copies {@code source} to {@code target} atomically, creating parent folders. */
  public static void copy(Path source, Path target) {
    write(target, out -> Files.copy(source, out));
  }

  /** Writes whatever {@code content} writes to {@code target} atomically, creating parents. */
  public static void write(Path target, Content content) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp =
          dir.resolve(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
          content.writeTo(out);
        }
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    }
  }
}
