package org.ftcbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One side of an interleaved A/B bench run: a name and the command line that starts its forked JVMs
 * (environment variables, the java binary, JVM flags), optionally with another jar (another commit)
 * on the fork's class path. JMH starts each fork as {@code JVM ARGS… -cp CLASSPATH ForkedMain HOST
 * PORT}; this side's {@link #launcher} script stands in for JVM:
 *
 * <pre>
 *   exec COMMAND ARGS… -cp CLASSPATH ForkedMain HOST PORT        (CLASSPATH → JAR with a jar)
 * </pre>
 *
 * so COMMAND is a shell command prefix, e.g. {@code env -u OPENBLAS_CORETYPE java} or {@code env
 * LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libopenblas.so.0 /opt/jdk-25/bin/java -Xmx2g}. The fork
 * connects back to this process over JMH's link, so a jar must carry the same JMH version.
 *
 * @param name the side's name, also the suffix of its run folder
 * @param command the shell command prefix that runs the forked JVM
 * @param jar the jar to put on the fork's class path instead of this one's, or null
 * @param launcher the generated launcher script
 */
public record ForkSide(String name, String command, Path jar, Path launcher) {

  /** Writes the launcher of side {@code name} into {@code dir} and returns the side. */
  public static ForkSide write(Path dir, String name, String command, Path jar) {
    Path launcher = dir.resolve("side-" + name + ".sh");
    StringBuilder s = new StringBuilder("#!/bin/sh\n");
    s.append("# side '")
        .append(name)
        .append("' of an interleaved bench run: starts one JMH fork (ftc-bench bench --side)\n");
    if (jar != null) {
      // the argument after -cp (JMH's class path, this jar) becomes the side's jar
      s.append("jar=").append(quote(jar.toAbsolutePath().toString())).append('\n');
      s.append("n=$#\nprev=\n");
      s.append("for a do\n");
      s.append("  if [ \"$prev\" = -cp ] || [ \"$prev\" = -classpath ]; then a=$jar; fi\n");
      s.append("  set -- \"$@\" \"$a\"\n  prev=$a\ndone\n");
      s.append("shift \"$n\"\n");
    }
    s.append("exec ").append(command).append(" \"$@\"\n");
    try {
      Files.writeString(launcher, s.toString());
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the launcher " + launcher, e);
    }
    return new ForkSide(name, command, jar, launcher);
  }

  /** The command as recorded in env.json: the prefix, and the jar when there is one. */
  public String description() {
    return jar == null ? command : command + " (class path: " + jar.toAbsolutePath() + ")";
  }

  /** A POSIX shell single-quoted word. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
