package org.ftcbench.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only CSV file that grows during a run (certify.csv, cells.csv, capacity.csv): each row
 * is written and flushed to disk as soon as it exists, so killing the process loses only rows not
 * yet appended. Reopening the file reads the rows already there, so a restarted run can skip them;
 * a torn last line (a crash mid-write) is cut off first. Rows are never rewritten.
 *
 * <p>Thread-safe: parallel workers append through one instance.
 */
public final class CsvLog implements AutoCloseable {
  private final Path file;
  private final List<String> columns;
  private final ResultFile model;
  private final List<Map<String, String>> rows = new ArrayList<>();
  private final FileChannel channel;

  private CsvLog(Path file, List<String> columns, FileChannel channel) {
    this.file = file;
    this.columns = List.copyOf(columns);
    this.model =
        new ResultFile(
            String.valueOf(file.getFileName()),
            columns.stream().map(c -> Column.optional(c, Column.Type.STRING)).toList(),
            List.of());
    this.channel = channel;
  }

  /**
   * Opens (or creates) {@code dir/file.name()}, a result file of a run or unit folder. A file
   * written before the model's newest trailing columns ({@link Column#trailing}) is brought up to
   * date first: its header gains them and each of its rows the value that such files mean, so a run
   * folder of an older version resumes.
   */
  public static CsvLog open(Path dir, ResultFile file) {
    Path path = dir.resolve(file.name());
    addTrailingColumns(path, file);
    return open(path, file.header());
  }

  /**
   * Rewrites {@code path} (atomically) with the trailing columns its header lacks, if its header is
   * the model's first columns and every missing one is trailing; otherwise leaves it alone (open
   * then reports the header it found).
   */
  private static void addTrailingColumns(Path path, ResultFile file) {
    try {
      if (!Files.isRegularFile(path) || Files.size(path) == 0) {
        return;
      }
      List<String> old;
      try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        old = Csv.parse(in.readLine()); // the header alone: an up-to-date file is not read twice
      }
      List<Column> columns = file.columns();
      if (old.size() >= columns.size()
          || !old.equals(file.header().subList(0, old.size()))
          || columns.subList(old.size(), columns.size()).stream()
              .anyMatch(c -> c.absent() == null)) {
        return;
      }
      String text = Files.readString(path, StandardCharsets.UTF_8);
      List<String> lines = text.lines().toList();
      String added =
          Csv.line(
              columns.subList(old.size(), columns.size()).stream().map(Column::absent).toList());
      StringBuilder out = new StringBuilder(Csv.line(file.header())).append('\n');
      boolean torn = !text.endsWith("\n");
      for (int i = 1; i < lines.size() - (torn ? 1 : 0); i++) {
        out.append(lines.get(i)).append(',').append(added).append('\n');
      }
      AtomicFiles.writeString(path, out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }

  /** The complete rows of {@code dir/file.name()} ({@link #read(Path, List)}). */
  public static List<Map<String, String>> read(Path dir, ResultFile file) {
    return read(dir.resolve(file.name()), file.header());
  }

  /**
   * Opens (or creates, with a header line) the CSV file with these columns.
   *
   * @throws IllegalStateException if the file exists with another header
   */
  public static CsvLog open(Path file, List<String> columns) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      String header = Csv.line(columns);
      List<Map<String, String>> existing = new ArrayList<>();
      if (Files.exists(file) && Files.size(file) > 0) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int complete = text.lastIndexOf('\n') + 1;
        if (complete < text.length()) {
          // a torn last line from a crash: drop it, it will be recomputed
          try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length);
          }
          text = text.substring(0, complete);
        }
        existing.addAll(parse(file, text, columns));
      }
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      CsvLog log = new CsvLog(file, columns, channel);
      log.rows.addAll(existing);
      if (channel.size() == 0) {
        log.write(header);
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("could not open " + file, e);
    }
  }

  /**
   * The complete rows of a log without opening it for writing (a file another process may still
   * append to: its torn last line, if any, is left alone and not returned); none if the file does
   * not exist.
   *
   * @throws IllegalStateException if the file has another header
   */
  public static List<Map<String, String>> read(Path file, List<String> columns) {
    try {
      if (!Files.exists(file) || Files.size(file) == 0) {
        return List.of();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String complete = text.substring(0, text.lastIndexOf('\n') + 1);
      return complete.isEmpty() ? List.of() : parse(file, complete, columns);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /** The rows of complete lines {@code text}, after checking its header. */
  private static List<Map<String, String>> parse(Path file, String text, List<String> columns) {
    String header = Csv.line(columns);
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(header)) {
      throw new IllegalStateException(
          file
              + " has header '"
              + (lines.isEmpty() ? "" : lines.get(0))
              + "', expected '"
              + header
              + "'");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = Csv.parse(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), i < f.size() ? f.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /** Appends one row (values in column order) and forces it to disk. */
  public synchronized void append(List<?> values) {
    String line = model.line(values);
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      row.put(columns.get(i), values.get(i) == null ? "" : String.valueOf(values.get(i)));
    }
    write(line);
    rows.add(row);
  }

  private void write(String line) {
    try {
      ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("could not append to " + file, e);
    }
  }

  /** Every row so far (read at open, then appended), as column → value maps. */
  public synchronized List<Map<String, String>> rows() {
    return Collections.unmodifiableList(new ArrayList<>(rows));
  }

  public List<String> columns() {
    return columns;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
