package org.ftcbench.analysis;

/** A series and its power-law fit. */
public record SeriesFit(ScalingSeries series, PowerLawFit fit) {
  /** The verdict on the whole range (analytic interval). */
  public Verdict verdict() {
    return fit.verdict();
  }

  /** The verdict on the upper decade, or null where it has fewer than 2 points. */
  public Verdict upperVerdict() {
    return fit.upper() == null ? null : fit.upper().verdict();
  }

  /** What the verdict rests on, e.g. "certify.csv, 7 N (10–10000), 21 samples; 2 ≤ 0 left out". */
  public String basis() {
    StringBuilder sb = new StringBuilder();
    sb.append(series.source()).append(", ").append(fit.points()).append(" N");
    if (fit.points() > 0) {
      sb.append(" (")
          .append(Format.count(fit.nMin()))
          .append("–")
          .append(Format.count(fit.nMax()))
          .append(")");
    }
    sb.append(", ").append(fit.samples()).append(fit.samples() == 1 ? " sample" : " samples");
    if (fit.nonPositive() > 0) {
      sb.append("; ").append(fit.nonPositive()).append(" ≤ 0 left out");
    }
    if (fit.missing() > 0) {
      sb.append("; ").append(fit.missing()).append(" missing left out");
    }
    return sb.toString();
  }
}
