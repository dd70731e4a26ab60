package org.ftcbench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ftcbench.results.ResultFiles;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrayStatusTest {
  @Test
  void theStateFilesSayWhatIsDoneRunningPendingFailedOrLost(@TempDir Path run) throws Exception {
    Instant now = Instant.now();
    List<String> ids = List.of("done", "running", "lost", "failed", "pending");
    Submission s =
        new Submission(
            2,
            now.minusSeconds(100).toString(),
            "quick",
            List.of(),
            "/",
            8, // three units were finished before this submission
            ids.stream().map(id -> new Submission.Entry(id, 1e6)).toList(),
            0,
            1,
            "10",
            "11");
    new UnitFolder(run, "done").writeState("done " + now);
    new UnitFolder(run, "running").writeState("running host 1 " + now);
    UnitFolder lost = new UnitFolder(run, "lost");
    lost.writeState("running host 2 " + now);
    Files.setLastModifiedTime(
        lost.dir().resolve(UnitFolder.STATE),
        FileTime.from(now.minus(UnitFolder.STALE).minusSeconds(1)));
    new UnitFolder(run, "failed").writeState("failed: stopped by a signal");
    // the running unit has one cell from before this submission and one new one
    MergeTest.append(
        new UnitFolder(run, "running").dir().resolve(RunFolder.CELLS),
        ResultFiles.CELLS.header(),
        MergeTest.cell(2, 1),
        MergeTest.cell(4, 1));

    ArrayStatus st = ArrayStatus.of(run, s, now);
    assertThat(List.of(st.total(), st.done(), st.running(), st.pending(), st.failed()))
        .containsExactly(8, 4, 1, 1, 2);
    assertThat(st.failedUnits())
        .containsExactly(
            "lost (lost: no heartbeat for 2 min)", "failed (failed: stopped by a signal)");
    assertThat(st.cellsTrained()).isEqualTo(1);
    assertThat(st.cellsBefore()).isEqualTo(1);
    assertThat(st.elapsed()).isEqualTo(Duration.ofSeconds(100));
    // one of five equal units done (plus the running one's cells) in 100 s: about 400 s left
    assertThat(st.eta()).isBetween(Duration.ofSeconds(300), Duration.ofSeconds(400));
    assertThat(st.progress().itemsDone()).isEqualTo(4);
  }

  @Test
  void aPendingArrayRangeCountsItsTasks() {
    assertThat(SlurmSweep.pendingTasks("12_[3-7,9]")).isEqualTo(6);
    assertThat(SlurmSweep.pendingTasks("12_[0-69%4]")).isEqualTo(70);
    assertThat(SlurmSweep.pendingTasks("12_4")).isEqualTo(1);
  }
}
