package org.ftcbench.bench;

import java.util.List;

/**
 * jmh.json from JMH's own result files. A bench run runs JMH once per point (so that a failure
 * keeps every earlier point and progress can be shown per point); each run writes a JSON array of
 * its result records. jmh.json is the array of all those records, each byte for byte as JMH wrote
 * it, in run order: the same format as one JMH run over all points ({@code -rf json}).
 */
final class JmhJson {
  private JmhJson() {}

  /** The records of one JMH result file: the text between its outer brackets, trimmed. */
  static String records(String jmhResultFile) {
    int open = jmhResultFile.indexOf('[');
    int close = jmhResultFile.lastIndexOf(']');
    if (open < 0 || close < open) {
      throw new IllegalStateException(
          "JMH's result file is not a JSON array: "
              + jmhResultFile.substring(0, Math.min(80, jmhResultFile.length())));
    }
    return jmhResultFile.substring(open + 1, close).strip();
  }

  /** One JSON array of the given records, laid out as JMH lays out its own. */
  static String array(List<String> records) {
    StringBuilder sb = new StringBuilder("[\n");
    boolean first = true;
    for (String r : records) {
      if (r.isEmpty()) {
        continue;
      }
      if (!first) {
        sb.append(",\n");
      }
      sb.append("    ").append(r);
      first = false;
    }
    return sb.append("\n]\n").toString();
  }
}
