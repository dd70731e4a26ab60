package org.ftcbench.analysis;

/**
 * Something a reader of the report must know about the input: a result file that is missing, cut
 * short or does not parse, or data a figure needed and did not find. The report shows every notice
 * visibly; nothing about the input is dropped silently.
 *
 * @param file the file the notice is about (e.g. "cells.csv"), or "" for the run as a whole
 * @param message what is wrong and what the report did about it, one line
 */
public record Notice(String file, String message) {
  public Notice {
    file = file == null ? "" : file;
  }

  /** The notice as one line, e.g. "cells.csv: missing, the heatmap is left out". */
  public String oneLine() {
    return file.isEmpty() ? message : file + ": " + message;
  }
}
