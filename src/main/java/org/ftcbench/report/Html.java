package org.ftcbench.report;

import java.util.List;

/** Small HTML helpers: escaping and tables. */
final class Html {
  private Html() {}

  /** Text for an HTML element or attribute. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A table with a header row; cells are already HTML. */
  static String table(String cssClass, List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("<table class=\"").append(cssClass).append("\">\n<thead><tr>");
    for (String h : header) {
      sb.append("<th>").append(h).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : rows) {
      sb.append("<tr>");
      for (String c : r) {
        sb.append("<td>").append(c).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table>\n");
    return sb.toString();
  }

  /** A link; href and text are escaped. */
  static String link(String href, String text) {
    return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
  }

  /**
   * The paragraph that stands where a table or figure would be when its data is missing; {@code id}
   * is the missing element's (tests and links find it), {@code html} is written as it is.
   */
  static String absent(String id, String html) {
    return "<p class=\"absent\" id=\"" + id + "\">" + html + "</p>\n";
  }
}
