package org.ftcbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Linux's text files about the machine ({@code /proc/cpuinfo}, {@code /etc/os-release}, …). */
final class SystemFiles {
  private SystemFiles() {}

  /**
   * {@code read} of the first line of {@code file} that starts with {@code key}; {@code otherwise}
   * where there is no such line, the file cannot be read (not Linux, or /proc is hidden) or {@code
   * read} fails on the line.
   */
  static <T> T firstWith(Path file, String key, Function<String, T> read, T otherwise) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return read.apply(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return otherwise;
  }

  /** The value of a {@code key : value} line of /proc/cpuinfo, trimmed. */
  static String afterColon(String line) {
    return line.substring(line.indexOf(':') + 1).trim();
  }
}
