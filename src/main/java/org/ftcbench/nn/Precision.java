package org.ftcbench.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * The floating-point precision of training and kernel benchmarks. Certificates never use it: they
 * are exact (double-double) whatever this says.
 */
public enum Precision {
  /** IEEE double: 53-bit significand, BLAS dgemm. */
  FLOAT64,
  /** IEEE single: 24-bit significand, BLAS sgemm, twice the SIMD width and half the bytes. */
  FLOAT32;

  /** The name used in files and on the command line: {@code float64} or {@code float32}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Bytes per number: 8 or 4. */
  public int bytes() {
    return this == FLOAT64 ? 8 : 4;
  }

  /** The kernels of this precision; the array type is {@code double[]} or {@code float[]}. */
  public Kernels<?> kernels() {
    return this == FLOAT64 ? Float64Kernels.INSTANCE : Float32Kernels.INSTANCE;
  }

  /** Parses {@code float64} or {@code float32} (any case). */
  public static Precision parse(String text) {
    for (Precision p : values()) {
      if (p.label().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown precision '"
            + text
            + "': choose one of "
            + Arrays.stream(values()).map(Precision::label).toList());
  }
}
