package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code ftc-bench profiles}: the profiles that {@code sweep} and {@code bench} accept here, one a
 * line, name first: the built-in ones (inside the jar) and the files of benchmarks/profiles below
 * the working folder, which override a built-in profile of the same name or add one.
 */
@Command(
    name = "profiles",
    description = {
      "List the profiles: built into the jar, or files in benchmarks/profiles (relative to the"
          + " working folder) that override or add to them."
    })
final class ProfilesCommand extends CliCommand {
  private static final Path DIR = Profile.FOLDER;

  @Override
  public Integer call() {
    PrintWriter out = out();
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
