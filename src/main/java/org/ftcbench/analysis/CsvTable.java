package org.ftcbench.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.results.Csv;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads one result CSV (certify.csv, capacity.csv, cells.csv, failures.csv) into a typed Tablesaw
 * table, tolerating what a real run leaves behind:
 *
 * <ul>
 *   <li>a missing file: no table, notice "missing";
 *   <li>a torn last line (a run still writing, or killed mid-row; {@code CsvLog} always ends rows
 *       with a line break): the line is left out, with a notice;
 *   <li>a row that does not parse (wrong field count, a number that is not one): the row is left
 *       out; one notice names the first such line and how many there were;
 *   <li>a header without a column the analysis needs: the whole file is unusable, with a notice
 *       naming the missing columns.
 * </ul>
 *
 * Columns the schema does not know are ignored; optional columns that are absent become missing
 * values. Empty fields and "NaN" are missing values (Tablesaw's missing-value markers).
 */
public final class CsvTable {
  private CsvTable() {}

  /** The type a column is read as. */
  public enum Type {
    INT,
    LONG,
    DOUBLE,
    STRING
  }

  /** One column of a schema; a required column must be in the header. */
  public record Col(String name, Type type, boolean required) {}

  /** The columns of one result file. */
  public record Schema(String file, List<Col> columns) {
    public List<String> required() {
      return columns.stream().filter(Col::required).map(Col::name).toList();
    }
  }

  /**
   * Reads {@code dir/schema.file()}; every problem becomes a notice in {@code notices}. Returns
   * empty when the file is missing or unusable.
   */
  public static Optional<Table> read(Path dir, Schema schema, List<Notice> notices) {
    Path file = dir.resolve(schema.file());
    String name = schema.file();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      notices.add(new Notice(name, "could not be read (" + e.getMessage() + "); left out"));
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (!text.isEmpty() && !text.endsWith("\n") && lines.size() > 1) {
      String torn = lines.remove(lines.size() - 1);
      notices.add(
          new Notice(
              name,
              "the last line is incomplete (a run still writing, or one that was killed) and was"
                  + " left out: '"
                  + abbreviate(torn)
                  + "'"));
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      notices.add(new Notice(name, "is empty (no header line); left out"));
      return Optional.empty();
    }
    List<String> header = Csv.parse(lines.get(0).strip());
    List<String> absent = schema.required().stream().filter(c -> !header.contains(c)).toList();
    if (!absent.isEmpty()) {
      notices.add(
          new Notice(
              name,
              "does not parse: its header '"
                  + abbreviate(lines.get(0))
                  + "' lacks the column(s) "
                  + String.join(", ", absent)
                  + "; the file is left out"));
      return Optional.empty();
    }
    Map<String, Column<?>> cols = new LinkedHashMap<>();
    for (Col c : schema.columns()) {
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
      Object[] values = new Object[schema.columns().size()];
      if (fields.size() != header.size()) {
        problem = "has " + fields.size() + " fields, the header has " + header.size();
      } else {
        for (int j = 0; j < schema.columns().size() && problem == null; j++) {
          Col c = schema.columns().get(j);
          int at = header.indexOf(c.name());
          String raw = at < 0 ? "" : fields.get(at).strip();
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
      for (int j = 0; j < schema.columns().size(); j++) {
        append(cols.get(schema.columns().get(j).name()), values[j]);
      }
    }
    if (bad > 0) {
      notices.add(
          new Notice(
              name,
              bad
                  + (bad == 1 ? " row does" : " rows do")
                  + " not parse and "
                  + (bad == 1 ? "was" : "were")
                  + " left out (first: "
                  + firstBad
                  + ")"));
    }
    Table t = Table.create(name);
    cols.values().forEach(t::addColumns);
    return Optional.of(t);
  }

  /**
   * Reads a CSV whose columns are not fixed (failures.csv) with every column as text; the same
   * tolerance as {@link #read}.
   */
  public static Optional<Table> readText(Path dir, String fileName, List<Notice> notices) {
    Path file = dir.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String first =
          Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      List<Col> cols =
          Csv.parse(first.strip()).stream()
              .filter(c -> !c.isBlank())
              .map(c -> new Col(c, Type.STRING, false))
              .toList();
      return read(dir, new Schema(fileName, cols), notices);
    } catch (IOException | RuntimeException e) {
      notices.add(new Notice(fileName, "could not be read (" + e.getMessage() + "); left out"));
      return Optional.empty();
    }
  }

  private static Column<?> newColumn(Col c) {
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

  private static void append(Column<?> col, Object v) {
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

  static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
