package org.ftcbench.results;

/**
 * One column of a result file: its name, the type it is read as, and what a file without it means.
 *
 * @param name the header name
 * @param type the type the column is read as
 * @param required whether a file without this column is unusable
 * @param absent the value of every row when the header lacks the column (a column added later at
 *     the end, e.g. {@code precision}: files written before it default to float64); null for a
 *     missing value
 */
public record Column(String name, Type type, boolean required, String absent) {

  /** The type a column is read as. */
  public enum Type {
    INT,
    LONG,
    DOUBLE,
    STRING
  }

  /** A column every file has; without it the file is unusable. */
  public static Column required(String name, Type type) {
    return new Column(name, type, true, null);
  }

  /** A column the analysis can do without: missing values where the header lacks it. */
  public static Column optional(String name, Type type) {
    return new Column(name, type, false, null);
  }

  /**
   * A newer trailing column (docs/design.md: columns are added at the end, never removed or
   * reordered): files written before it have no such column and read as {@code absent} in every
   * row.
   */
  public static Column trailing(String name, Type type, String absent) {
    return new Column(name, type, false, absent);
  }
}
