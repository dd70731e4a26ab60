package org.ftcbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.bench.BlasConfig;
import org.ftcbench.bench.BlasSelection;
import org.ftcbench.bench.ChildJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ftc-bench blas}: the BLAS configurations this machine has, as {@code --blas auto} measured
 * them (measuring now if it has not), and which one it runs; {@code --again} measures again; {@code
 * --command CONFIG} prints the command line that starts a JVM under CONFIG, for {@code bench --side
 * NAME=COMMAND}.
 */
@Command(
    name = "blas",
    description = "Show the BLAS configurations measured on this machine and the one auto runs.")
final class BlasCommand extends CliCommand {
  @Option(names = "--again", description = "forget the measurements and measure again")
  boolean again;

  @Option(
      names = "--command",
      paramLabel = "CONFIG",
      description = "print the command that starts a JVM under CONFIG (for bench --side)")
  String command;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = out();
    if (command != null) {
      BlasConfig c = BlasSelection.choose(command, err()::println).config();
      out.println(String.join(" ", commandLine(c)));
      return 0;
    }
    if (again) {
      BlasSelection.forget();
    }
    BlasSelection.Choice auto = BlasSelection.choose("auto", err()::println);
    for (BlasSelection.Measured m : auto.measured()) {
      out.println(m.describe());
    }
    out.println("auto runs: " + auto.config().name());
    return 0;
  }

  /** env -u KNOB… VAR=VALUE… JAVA JVM-ARGS…: a JVM under {@code c}, whatever the shell has. */
  static List<String> commandLine(BlasConfig c) {
    List<String> cmd = new ArrayList<>(List.of("env"));
    Map<String, String> env = c.environment(Map.of());
    if (!c.name().equals("bundled")) {
      for (String knob : List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "LD_PRELOAD")) {
        if (!env.containsKey(knob)) {
          cmd.addAll(List.of("-u", knob));
        }
      }
    }
    env.forEach((k, v) -> cmd.add(k + "=" + v));
    cmd.add(ChildJvm.java());
    cmd.addAll(c.jvmArgs());
    return cmd;
  }
}
