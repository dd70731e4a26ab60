package org.ftcbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The bundled plotly.js: the minified build of the npm package plotly.js-dist-min (2.35.x: plotly 3
 * drops the string titles Tablesaw writes), 4.6 MB instead of the 10.8 MB readable build, kept in
 * the jar as {@code org/ftcbench/report/plotly-<version>.min.js} with its licence (the version is
 * the pom's {@code plotly.version}). The report writes it once beside the pages ({@code
 * reports/assets/plotly-<version>.min.js}) and never refers to a CDN, so pages open offline.
 */
public final class PlotlyAsset {
  private PlotlyAsset() {}

  /** The bundled version, e.g. "2.35.3". */
  public static String version() {
    try (InputStream in = PlotlyAsset.class.getResourceAsStream("/ftc-bench.properties")) {
      if (in == null) {
        throw new IllegalStateException("ftc-bench.properties is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("plotly.version");
      if (v == null || v.startsWith("${")) {
        throw new IllegalStateException("ftc-bench.properties names no plotly.version: " + v);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name under assets/, e.g. "plotly-2.35.3.min.js". */
  public static String fileName() {
    return "plotly-" + version() + ".min.js";
  }

  /** The script's bytes. */
  public static byte[] bytes() {
    String path = fileName();
    try (InputStream in = PlotlyAsset.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "plotly.js is missing from the classpath: org/ftcbench/report/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
