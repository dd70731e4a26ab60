package org.ftcbench.report;

/**
 * A run file a figure or table was made from, linked from the page so that every number can be
 * traced.
 *
 * @param file the file name in the run folder ("certify.csv")
 * @param href the link from the page to it (relative, works offline)
 */
public record Source(String file, String href) {}
