package org.ftcbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.ftcbench.bench.EnvironmentStamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ftc-bench env}: prints the environment stamp (the content of a run's env.json). */
@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = "Print the environment stamp (machine, JVM, jblas, git commit) as JSON.")
final class EnvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    spec.commandLine()
        .getOut()
        .println(json.writeValueAsString(EnvironmentStamp.collect("none", Instant.now())));
    return 0;
  }
}
