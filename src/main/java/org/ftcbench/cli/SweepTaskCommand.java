package org.ftcbench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.ftcbench.cluster.Submission;
import org.ftcbench.cluster.Unit;
import org.ftcbench.cluster.UnitRunner;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ftc-bench sweep task R S I} (hidden): array task I of submission S of run folder R. It
 * reads the profile and overrides the submission recorded, plans the sweep as the submitting
 * command did, and runs unit I into its own folder ({@link UnitRunner}).
 */
@Command(name = "task", hidden = true, description = "Run one array task of a sweep on Slurm.")
final class SweepTaskCommand extends CliCommand {
  @Mixin SubmissionArguments submission;

  @Parameters(index = "2", paramLabel = "INDEX")
  int index;

  @Override
  public Integer call() {
    PrintWriter err = err();
    Submission s = submission.read();
    if (index < 0 || index >= s.units().size()) {
      throw new BadInputException(
          "array index "
              + index
              + " is outside submission "
              + submission.number
              + "'s "
              + s.units().size()
              + " tasks");
    }
    String id = s.units().get(index).id();
    Profile profile =
        Profile.load(Profile.FOLDER, s.profile(), Overrides.SWEEP.parse(s.overrides()));
    SweepWork work = SweepWork.read(profile);
    List<Unit> units = Unit.of(work.plan(), work.certifyPoints(), work.certifyCap());
    Unit unit =
        units.stream()
            .filter(u -> u.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new BadInputException(
                        "unit "
                            + id
                            + " is not in profile "
                            + s.profile()
                            + " "
                            + s.overrides()
                            + " any more: the profile changed since the submission; submit again"));
    err.println(
        "sweep task: "
            + id
            + " (array index "
            + index
            + " of submission "
            + submission.number
            + ")");
    UnitRunner.Summary summary =
        UnitRunner.run(
            submission.run,
            unit,
            work.settings().training(),
            Progress.trained(err),
            Progress.certified(err));
    err.println("sweep task: " + id + " done: " + summary.text());
    return 0;
  }
}
