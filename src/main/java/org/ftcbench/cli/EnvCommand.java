package org.ftcbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import org.ftcbench.bench.EnvironmentStamp;
import picocli.CommandLine.Command;

/** {@code ftc-bench env}: prints the environment stamp (the content of a run's env.json). */
@Command(
    name = "env",
    description = "Print the environment stamp (machine, JVM, jblas, git commit) as JSON.")
final class EnvCommand extends CliCommand {
  @Override
  public Integer call() throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    out().println(json.writeValueAsString(EnvironmentStamp.collect("none", Instant.now())));
    return 0;
  }
}
