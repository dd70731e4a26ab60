package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ftc-bench profiles}: the profiles that {@code sweep} and {@code bench} accept here, one a
 * line, name first: the built-in ones (inside the jar) and the files of benchmarks/profiles below
 * the working folder, which override a built-in profile of the same name or add one.
 */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description = {
      "List the profiles: built into the jar, or files in benchmarks/profiles (relative to the"
          + " working folder) that override or add to them."
    })
final class ProfilesCommand implements Callable<Integer> {
  private static final Path DIR = Profile.FOLDER;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String name : Profile.names(DIR)) {
      boolean builtIn = Profile.BUILT_IN_NAMES.contains(name);
      boolean file = Profile.isFile(DIR, name);
      String where =
          !file
              ? "built in"
              : DIR.resolve(name + ".properties")
                  + (builtIn ? " (overrides the built-in one)" : "");
      out.println(name + "\t" + where);
    }
    return 0;
  }
}
