package org.ftcbench.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.ftcbench.bench.BlasConfig;
import org.ftcbench.bench.BlasSelection;
import org.ftcbench.bench.ChildJvm;
import org.ftcbench.data.BadInputException;

/**
 * Starts the command in a JVM whose BLAS is the chosen configuration ({@link BlasSelection}: {@code
 * auto} unless {@code --blas} or $FTC_BLAS pins one). OpenBLAS reads its configuration from the
 * environment when its library loads, and a JVM cannot change its own environment, so when this
 * JVM's environment is not the chosen one the command runs in a child JVM that has it (the same
 * Java, JVM options and arguments, its input and output inherited) and this JVM waits for it and
 * exits with its code. Everything the child starts (sweep workers, JMH forks, probes) inherits the
 * environment, so the choice holds wherever the suite runs BLAS.
 */
final class Launcher {
  /** Set in a child to the launcher's process id: the child stops when the launcher is gone. */
  static final String PARENT = BlasConfig.LAUNCHER_PID;

  /** $FTC_BLAS: the configuration when --blas is not given (run-benchmarks.sh sets it). */
  static final String REQUESTED = BlasConfig.REQUESTED;

  /** Commands that never call BLAS: they run at once in this JVM. */
  private static final Set<String> WITHOUT_BLAS = Set.of("report", "compare", "blas");

  private Launcher() {}

  /**
   * Runs the command in a child JVM with the chosen BLAS configuration when this JVM does not have
   * it, and returns the child's exit code; empty when the command should run here.
   */
  static OptionalInt relaunch(String[] args, PrintWriter err) {
    if (System.getenv(BlasConfig.APPLIED) != null
        || System.getProperty(BlasConfig.APPLIED) != null
        || needsNoBlas(args)) {
      return OptionalInt.empty(); // already chosen (a child, a worker), or no BLAS at all
    }
    String requested = requested(args);
    BlasConfig config;
    try {
      config = BlasSelection.choose(requested, err::println).config();
    } catch (BadInputException e) {
      err.println("ftc-bench: " + Main.oneLine(e.getMessage()));
      return OptionalInt.of(Main.EXIT_BAD_INPUT);
    }
    List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (config.isApplied(System.getenv(), jvmArgs)) {
      System.setProperty(BlasConfig.APPLIED, config.name());
      return OptionalInt.empty();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(ChildJvm.java());
    cmd.addAll(jvmArgs);
    config.jvmArgs().stream().filter(a -> !jvmArgs.contains(a)).forEach(cmd::add);
    // after the inherited flags, in the order env.json's jvm_flags has always recorded
    cmd.add(ChildJvm.NATIVE_ACCESS);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(config.environment(System.getenv()));
    env.put(PARENT, Long.toString(ProcessHandle.current().pid()));
    env.put(REQUESTED, requested); // what a batch job on another node chooses from
    try {
      Process child = pb.start();
      // Ctrl-C or kill of this JVM stops the command too (SIGKILL: the child's ParentWatch)
      Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "ftc-bench stop child"));
      return OptionalInt.of(child.waitFor());
    } catch (java.io.IOException e) {
      err.println("ftc-bench: could not start " + cmd.get(0) + ": " + e.getMessage());
      return OptionalInt.of(Main.EXIT_INTERNAL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(Main.EXIT_INTERNAL);
    }
  }

  /** --blas X or --blas=X anywhere on the command line, else $FTC_BLAS, else auto. */
  static String requested(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--blas") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--blas=")) {
        return args[i].substring("--blas=".length());
      }
    }
    String env = System.getenv(REQUESTED);
    return env == null || env.isBlank() ? "auto" : env.strip();
  }

  /** Help, version, no command, or a command of {@link #WITHOUT_BLAS}. */
  static boolean needsNoBlas(String[] args) {
    if (List.of(args).stream().anyMatch(Set.of("-h", "--help", "-V", "--version")::contains)) {
      return true;
    }
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--blas")) {
        i++; // its value
      } else if (!a.startsWith("-")) {
        return WITHOUT_BLAS.contains(a);
      }
    }
    return true;
  }
}
