package org.ftcbench.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a JVM this one starts (the relaunch under the chosen BLAS, sweep workers and
 * Slurm jobs, BLAS probes): this JVM's java binary and class path, with jblas's native code allowed
 * ({@code --enable-native-access}: JDK 22+ warns when jblas loads its library unless told, and the
 * jar's manifest says it only for {@code java -jar}).
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** Lets jblas load its native library without JDK 22+'s restricted-method warning. */
  public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

  /** This JVM's java binary. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * {@code java --enable-native-access=… OPTIONS… -cp CLASSPATH MAIN}; the class path is made
   * absolute, so that a job started in another directory finds the same classes.
   */
  public static List<String> command(Collection<String> jvmOptions, String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add(NATIVE_ACCESS);
    cmd.addAll(jvmOptions);
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(p -> Path.of(p).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    cmd.addAll(List.of("-cp", classPath, mainClass));
    return cmd;
  }
}
