package org.ftcbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The model of one result CSV of a run folder (docs/design.md, "Results of one run"): its file
 * name, its columns in order with their types, and which columns identify a row. The writers write
 * its lines with {@link #line}, {@link CsvLog} appends them, and the analysis reads the file with
 * {@link #read}. The files themselves are declared in {@link ResultFiles}.
 *
 * @param name the file name in the run folder, e.g. cells.csv
 * @param columns the columns in file order
 * @param key the columns that identify a row: rows with equal keys are one result (a resumed run or
 *     a merge skips a row whose key is already there)
 */
public record ResultFile(String name, List<Column> columns, List<String> key) {
  public ResultFile {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
  }

  /** The header: the column names in order. */
  public List<String> header() {
    return columns.stream().map(Column::name).toList();
  }

  /** The names of the columns a file must have to be usable. */
  public List<String> required() {
    return columns.stream().filter(Column::required).map(Column::name).toList();
  }

  /**
   * One row as a CSV line without its line break (RFC 4180 quoting, {@link Csv#line}); the values
   * in column order, null as an empty field. Doubles are written by {@code Double.toString}, which
   * round-trips exactly.
   *
   * @throws IllegalArgumentException if the number of values is not the number of columns
   */
  public String line(List<?> values) {
    if (values.size() != columns.size()) {
      throw new IllegalArgumentException(
          name + " has " + columns.size() + " columns, got " + values.size() + " values");
    }
    return Csv.line(values);
  }

  /** The identity of a row ({@link #key}'s values joined by ','), e.g. "3,100,1000,10,1,paper". */
  public String keyOf(Map<String, String> row) {
    return key.stream().map(row::get).collect(Collectors.joining(","));
  }

  /**
   * Reads {@code dir/name} into a typed table, one column per declared column, tolerating what a
   * real run leaves behind ({@link TableReader}): each problem is one line for the reader, given to
   * {@code problems}. Empty when the file is missing or unusable.
   */
  public Optional<Table> read(Path dir, Consumer<String> problems) {
    return TableReader.read(dir.resolve(name), this, problems);
  }
}
