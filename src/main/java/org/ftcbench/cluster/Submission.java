package org.ftcbench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ftcbench.data.BadInputException;
import org.ftcbench.results.AtomicFiles;

/**
 * One submission of a sweep to Slurm, {@code R/slurm/submission.json}: what its array tasks run and
 * what {@code sweep status} needs to report on it from the files alone.
 *
 * @param number 1 for the first submission of a run folder, then 2, … (a resubmission)
 * @param submitted when (ISO-8601 UTC)
 * @param profile the profile the tasks load (from {@code workdir})
 * @param overrides every sweep.* key of the profile as {@code key=value}, with the value the
 *     submitting command ran with (its overrides and a resumed run's settings applied)
 * @param workdir the submitting directory, every job's working directory
 * @param totalUnits the sweep's units, finished or not
 * @param units the unfinished units, in array order (heaviest first): array index i runs units[i]
 * @param costBefore the cost already done in {@code units} at submission (cells of cut-off units)
 * @param cellsBefore the cells already in the folders of {@code units} at submission
 * @param arrayJob the array's job id (null when every unit was finished: only the merge runs)
 * @param mergeJob the merge job's id
 */
public record Submission(
    int number,
    String submitted,
    String profile,
    List<String> overrides,
    String workdir,
    int totalUnits,
    List<Entry> units,
    double costBefore,
    int cellsBefore,
    String arrayJob,
    String mergeJob) {

  /** One array task: its unit and the unit's estimated cost ({@link Unit#cost}). */
  public record Entry(String id, double cost) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The same submission with its job ids. */
  Submission withJobs(String array, String merge) {
    return new Submission(
        number,
        submitted,
        profile,
        overrides,
        workdir,
        totalUnits,
        units,
        costBefore,
        cellsBefore,
        array,
        merge);
  }

  /** The job ids that belong to this submission (none if sbatch refused it). */
  List<String> jobs() {
    return java.util.stream.Stream.of(arrayJob, mergeJob).filter(j -> j != null).toList();
  }

  void write(Path runDir) {
    try {
      AtomicFiles.writeString(SlurmFiles.submission(runDir), JSON.writeValueAsString(this) + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Submission {@code number} of the run folder, for one of its jobs; exit 2 if the folder has
   * moved on to a later submission (a job left over from an earlier one has nothing to do).
   */
  public static Submission current(Path runDir, int number) {
    Submission s = read(runDir);
    if (s == null || s.number() != number) {
      throw new BadInputException(
          "a job of submission "
              + number
              + " of "
              + runDir
              + ", which is at submission "
              + (s == null ? "none" : s.number())
              + ": superseded, nothing to do");
    }
    return s;
  }

  /** The run folder's latest submission, or null if it was never submitted. */
  public static Submission read(Path runDir) {
    Path f = SlurmFiles.submission(runDir);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return JSON.readValue(f.toFile(), Submission.class);
    } catch (IOException e) {
      throw new BadInputException(
          f + " is not readable (" + e.getMessage() + "): resubmit the sweep to write it again");
    }
  }
}
