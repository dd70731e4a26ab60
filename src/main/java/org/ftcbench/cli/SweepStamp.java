package org.ftcbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.ftcbench.analysis.RunProgress;
import org.ftcbench.bench.EnvironmentStamp;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.RunFolder;

/**
 * A sweep's env.json (docs/design.md): this start's environment stamp with the run's machine, its
 * first start and every sweep.* setting of the profile, all of them read and checked, so that a
 * resume ({@link ResumedRun}) can keep them. Written at the start ({@code "end": null} until the
 * sweep finishes) and again at the end.
 */
final class SweepStamp {
  /** env.json's entry for the first start of a run (a resume writes a new "start"). */
  private static final String FIRST_START_ENTRY = "first_start";

  private SweepStamp() {}

  /**
   * Writes env.json; entries of the {@code previous} env.json that the stamp lacks (a bench run's
   * object) are kept.
   */
  static void write(
      Path runDir,
      Profile profile,
      String machineName,
      Instant start,
      Map<String, Object> previous,
      boolean finished)
      throws IOException {
    Map<String, Object> env = EnvironmentStamp.collect(profile.name(), start);
    if (!finished) {
      env.put("end", null); // still running, or interrupted
    }
    env.put("machine", machineName);
    Object first = previous.getOrDefault(FIRST_START_ENTRY, previous.get("start"));
    env.put(FIRST_START_ENTRY, first != null ? first : start.toString());
    previous.forEach(env::putIfAbsent);
    env.put(RunProgress.SWEEP_SETTINGS, profile.entries("sweep."));
    AtomicFiles.writeString(
        runDir.resolve(RunFolder.ENV),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(env)
            + "\n");
  }
}
