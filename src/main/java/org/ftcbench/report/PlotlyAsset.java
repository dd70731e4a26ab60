package org.ftcbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The bundled plotly.js, from the Maven Central webjar {@code org.webjars.npm:plotly.js-dist}
 * (2.35.x: plotly 3 drops the string titles Tablesaw writes). The report writes it once beside the
 * pages ({@code reports/assets/plotly-<version>.js}) and never refers to a CDN, so pages open
 * offline.
 */
public final class PlotlyAsset {
  private static final String WEBJAR = "META-INF/resources/webjars/plotly.js-dist/";
  private static final String POM = "/META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";

  private PlotlyAsset() {}

  /** The bundled version, e.g. "2.35.3". */
  public static String version() {
    try (InputStream in = PlotlyAsset.class.getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("plotly.js-dist is not on the classpath (" + POM + ")");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name under assets/, e.g. "plotly-2.35.3.js". */
  public static String fileName() {
    return "plotly-" + version() + ".js";
  }

  /** The script's bytes. */
  public static byte[] bytes() {
    String path = "/" + WEBJAR + version() + "/plotly.js";
    try (InputStream in = PlotlyAsset.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("plotly.js is missing from the classpath: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
