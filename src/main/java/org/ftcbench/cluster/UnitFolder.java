package org.ftcbench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ftcbench.capacity.CapacityRow;
import org.ftcbench.capacity.Criterion;
import org.ftcbench.capacity.SweepItem;
import org.ftcbench.construct.CertifySweep;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFile;
import org.ftcbench.results.ResultFiles;

/**
 * The files of one {@link Unit} in a run folder, {@code R/slurm/units/<id>/}: the same result files
 * a run folder has (cells.csv, failures.csv, capacity.csv, or certify.csv), written only by the
 * unit's array task, and {@code state}, one line the task rewrites: {@code running HOST PID START},
 * {@code done END}, or {@code failed REASON}. A running task touches {@code state} every {@link
 * #HEARTBEAT}, so a task that vanished without a word (SIGKILL, a lost node) shows as lost once its
 * heartbeat is {@link #STALE} old.
 */
public final class UnitFolder {
  /** How often a running task touches its state file. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** A running task whose state file is older than this is lost. */
  public static final Duration STALE = Duration.ofMinutes(2);

  static final String STATE = "state";

  /** What the files say about a unit. */
  public enum State {
    /** No state file: not started (in this submission, or ever). */
    PENDING,
    RUNNING,
    DONE,
    /** The task said it failed, or was stopped by a signal. */
    FAILED,
    /** Said it was running, but its heartbeat stopped. */
    LOST
  }

  private final Path dir;

  UnitFolder(Path runDir, String unitId) {
    this.dir = SlurmFiles.units(runDir).resolve(unitId);
  }

  public Path dir() {
    return dir;
  }

  /** The state line, or null before the unit's first start. */
  String stateLine() {
    try {
      Path f = dir.resolve(STATE);
      return Files.exists(f) ? Files.readString(f).strip() : null;
    } catch (IOException e) {
      return null; // being replaced at this moment: read again at the next poll
    }
  }

  State state(Instant now) {
    String line = stateLine();
    if (line == null) {
      return State.PENDING;
    }
    if (line.startsWith("done")) {
      return State.DONE;
    }
    if (line.startsWith("failed")) {
      return State.FAILED;
    }
    try {
      Instant beat = Files.getLastModifiedTime(dir.resolve(STATE)).toInstant();
      return Duration.between(beat, now).compareTo(STALE) > 0 ? State.LOST : State.RUNNING;
    } catch (IOException e) {
      return State.RUNNING;
    }
  }

  void writeState(String line) {
    AtomicFiles.writeString(dir.resolve(STATE), line + "\n");
  }

  void heartbeat() {
    try {
      Files.setLastModifiedTime(dir.resolve(STATE), FileTime.from(Instant.now()));
    } catch (IOException e) {
      // the next beat tries again; a missed one only ages the file
    }
  }

  /** Forgets the unit's last state (before it is submitted again); its results stay. */
  void clearState() {
    try {
      Files.deleteIfExists(dir.resolve(STATE));
    } catch (IOException e) {
      throw new UncheckedIOException("could not reset " + dir.resolve(STATE), e);
    }
  }

  /**
   * Whether the unit's work is finished: its task said so, or every row it produces is already in
   * its own files or in the run folder's (a run that a local sweep did, or a merged one). A
   * certified point whose constructions were all verified has a row each; one with constructions
   * above the verification cap is finished only when its task said so.
   */
  boolean finished(Unit unit, Path runDir) {
    if (state(Instant.now()) == State.DONE) {
      return true;
    }
    if (unit instanceof Unit.Trained t) {
      Set<String> have = keys(ResultFiles.CAPACITY, runDir);
      SweepItem item = t.item();
      for (Criterion c : item.criteria()) {
        if (!have.contains(CapacityRow.key(item.task(), c.label()))) {
          return false;
        }
      }
      return true;
    }
    CertifySweep.Point p = ((Unit.Certified) unit).point();
    Set<String> have = keys(ResultFiles.CERTIFY, runDir);
    return CertifySweep.ALL.stream().allMatch(c -> have.contains(CertifySweep.key(c, p)));
  }

  /** The row keys ({@link ResultFile#keyOf}) of {@code file} in this folder and the run folder. */
  private Set<String> keys(ResultFile file, Path runDir) {
    Set<String> keys = new HashSet<>();
    for (Path folder : List.of(dir, runDir)) {
      for (Map<String, String> row : CsvLog.read(folder, file)) {
        keys.add(file.keyOf(row));
      }
    }
    return keys;
  }

  /** The cells this unit's folder holds. */
  List<Map<String, String>> cells() {
    return CsvLog.read(dir, ResultFiles.CELLS);
  }

  /** The certify.csv rows this unit's folder holds. */
  List<Map<String, String>> certifyRows() {
    return CsvLog.read(dir, ResultFiles.CERTIFY);
  }
}
