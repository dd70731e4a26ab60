package org.ftcbench.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ftcbench.bench.BlasConfig;
import org.ftcbench.bench.ChildJvm;
import org.ftcbench.bench.ForkSide;
import org.ftcbench.data.BadInputException;

/**
 * Runs ftc-bench commands through an interleaved side's launcher, the way its JMH forks will run:
 * the side's environment stamp ({@code env}, so env.json says what the side's forks ran: JVM,
 * flags, the BLAS and core it loaded) and the BLAS self-check ({@code blas-check}) against this
 * process's configuration, which refuses a side whose BLAS computes different results (as
 * run-benchmarks.sh does for --blas).
 */
final class SideProbe {
  private SideProbe() {}

  /** The side's stamp: {@code env} run by its launcher. */
  static Map<String, Object> stamp(ForkSide side) {
    String out = run(side, side.launcher().toString(), List.of("env"));
    try {
      return new ObjectMapper()
          .readValue(out, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new BadInputException(
          "side "
              + side.name()
              + "'s JVM printed no environment stamp ("
              + Main.oneLine(out.length() > 200 ? out.substring(0, 200) : out)
              + "): check --side "
              + side.name()
              + "=…");
    }
  }

  /** Refuses a side whose BLAS results differ from this process's (exit 2). */
  static void checkBlas(List<ForkSide> sides, Path scratch) {
    Path reference = scratch.resolve("blas-reference.json");
    run(null, ChildJvm.java(), List.of("blas-check", "--write", reference.toString()));
    for (ForkSide side : sides) {
      run(
          side,
          side.launcher().toString(),
          List.of("blas-check", "--against", reference.toString()));
    }
  }

  /**
   * Runs {@code jvm -cp CLASSPATH Main args…}, as this side's forks run: in the environment its
   * command sets, marked as chosen so that the launcher does not choose another ({@code side NAME}
   * unless the command names its configuration itself); a failure names the side and its first
   * line.
   */
  private static String run(ForkSide side, String jvm, List<String> args) {
    String chosen =
        side == null
            ? System.getenv()
                .getOrDefault(
                    BlasConfig.APPLIED, System.getProperty(BlasConfig.APPLIED, "this run's"))
            : "side " + side.name();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                jvm,
                BlasConfig.PROCESS_REAPER_STACK, // the stamp starts child processes
                "-D" + BlasConfig.APPLIED + "=" + chosen,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(args);
    try {
      Path err = Files.createTempFile("ftc-bench-side", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new BadInputException(
              who(side) + " did not finish '" + args.get(0) + "' in 5 minutes");
        }
        if (p.exitValue() != 0) {
          String message = Files.readString(err).strip();
          message = message.isEmpty() ? out.strip() : message;
          throw new BadInputException(
              who(side)
                  + " failed '"
                  + args.get(0)
                  + "' (exit "
                  + p.exitValue()
                  + ": "
                  + Main.oneLine(message.length() > 300 ? message.substring(0, 300) : message)
                  + ")"
                  + (side == null ? "" : ": check --side " + side.name() + "=…"));
        }
        return out;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new BadInputException(who(side) + " could not be started (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String who(ForkSide side) {
    return side == null ? "this JVM" : "side " + side.name() + "'s JVM";
  }
}
