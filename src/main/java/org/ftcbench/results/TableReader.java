package org.ftcbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ftcbench.results.Column.Type;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads one result CSV into a typed Tablesaw table ({@link ResultFile#read}), tolerating what a
 * real run leaves behind:
 *
 * <ul>
 *   <li>a missing file: no table (whether that matters is the caller's to say);
 *   <li>a torn last line (a run still writing, or killed mid-row; {@code CsvLog} always ends rows
 *       with a line break): the line is left out, with a problem;
 *   <li>a row that does not parse (wrong field count, a number that is not one): the row is left
 *       out; one problem names the first such line and how many there were;
 *   <li>a header without a required column: the whole file is unusable, with a problem naming the
 *       missing columns.
 * </ul>
 *
 * Columns the model does not know are ignored; a column the header lacks reads as its {@link
 * Column#absent} value. Empty fields and "NaN" are missing values (Tablesaw's markers).
 */
public final class TableReader {
  private TableReader() {}

  static Optional<Table> read(Path file, ResultFile model, Consumer<String> problems) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      problems.accept("could not be read (" + e.getMessage() + "); left out");
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (!text.isEmpty() && !text.endsWith("\n") && lines.size() > 1) {
      String torn = lines.remove(lines.size() - 1);
      problems.accept(
          "the last line is incomplete (a run still writing, or one that was killed) and was"
              + " left out: '"
              + abbreviate(torn)
              + "'");
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      problems.accept("is empty (no header line); left out");
      return Optional.empty();
    }
    List<String> header = Csv.parse(lines.get(0).strip());
    List<String> absent = model.required().stream().filter(c -> !header.contains(c)).toList();
    if (!absent.isEmpty()) {
      problems.accept(
          "does not parse: its header '"
              + abbreviate(lines.get(0))
              + "' lacks the column(s) "
              + String.join(", ", absent)
              + "; the file is left out");
      return Optional.empty();
    }
    List<Column> columns = model.columns();
    Map<String, tech.tablesaw.columns.Column<?>> cols = new LinkedHashMap<>();
    for (Column c : columns) {
      cols.put(c.name(), newColumn(c));
    }
    int bad = 0;
    String firstBad = null;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = Csv.parse(line);
      String problem = null;
      Object[] values = new Object[columns.size()];
      if (fields.size() != header.size()) {
        problem = "has " + fields.size() + " fields, the header has " + header.size();
      } else {
        for (int j = 0; j < columns.size() && problem == null; j++) {
          Column c = columns.get(j);
          int at = header.indexOf(c.name());
          String raw = at >= 0 ? fields.get(at).strip() : c.absent() == null ? "" : c.absent();
          try {
            values[j] = parse(c.type(), raw);
          } catch (NumberFormatException e) {
            problem = c.name() + " = '" + abbreviate(raw) + "' is not " + article(c.type());
          }
        }
      }
      if (problem != null) {
        bad++;
        if (firstBad == null) {
          firstBad = "line " + (i + 1) + ": " + problem;
        }
        continue;
      }
      for (int j = 0; j < columns.size(); j++) {
        append(cols.get(columns.get(j).name()), values[j]);
      }
    }
    if (bad > 0) {
      problems.accept(
          bad
              + (bad == 1 ? " row does" : " rows do")
              + " not parse and "
              + (bad == 1 ? "was" : "were")
              + " left out (first: "
              + firstBad
              + ")");
    }
    Table t = Table.create(model.name());
    cols.values().forEach(t::addColumns);
    return Optional.of(t);
  }

  private static tech.tablesaw.columns.Column<?> newColumn(Column c) {
    return switch (c.type()) {
      case INT -> IntColumn.create(c.name());
      case LONG -> LongColumn.create(c.name());
      case DOUBLE -> DoubleColumn.create(c.name());
      case STRING -> StringColumn.create(c.name());
    };
  }

  /** A parsed value, or null for a missing one. */
  private static Object parse(Type type, String raw) {
    boolean missing = raw.isEmpty() || raw.equalsIgnoreCase("nan") || raw.equalsIgnoreCase("na");
    return switch (type) {
      case STRING -> raw;
      case DOUBLE -> missing ? null : Double.parseDouble(raw);
      case INT -> missing ? null : intRange(integral(raw));
      case LONG -> missing ? null : integral(raw);
    };
  }

  private static long intRange(long v) {
    if (v < Integer.MIN_VALUE + 1 || v > Integer.MAX_VALUE) {
      throw new NumberFormatException(String.valueOf(v));
    }
    return v;
  }

  /** "12" or "12.0" as 12; anything else is not an integer. */
  private static long integral(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      double v = Double.parseDouble(raw);
      if (v != Math.rint(v) || Math.abs(v) > 9.0e15) {
        throw new NumberFormatException(raw);
      }
      return (long) v;
    }
  }

  private static void append(tech.tablesaw.columns.Column<?> col, Object v) {
    if (v == null) {
      col.appendMissing();
    } else if (col instanceof IntColumn c) {
      c.append(((Long) v).intValue());
    } else if (col instanceof LongColumn c) {
      c.append((Long) v);
    } else if (col instanceof DoubleColumn c) {
      c.append((Double) v);
    } else if (col instanceof StringColumn c) {
      c.append((String) v);
    }
  }

  private static String article(Type t) {
    return switch (t) {
      case INT, LONG -> "an integer";
      case DOUBLE -> "a number";
      case STRING -> "text";
    };
  }

  /** One line of at most 60 characters, for a message. */
  public static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
