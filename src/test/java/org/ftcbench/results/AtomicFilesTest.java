package org.ftcbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic writes leave a file with the permissions of any new file (the umask's), not the private
 * 0600 of a temporary file, and no temporary file behind.
 */
class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void aWrittenFileHasTheUsualPermissionsAndNoLeftovers() throws Exception {
    Path plain = Files.createFile(tmp.resolve("plain"));
    Path target = tmp.resolve("sub/report.html");
    AtomicFiles.writeString(target, "<html></html>");
    assertThat(target).hasContent("<html></html>");
    assertThat(Files.getPosixFilePermissions(target))
        .isEqualTo(Files.getPosixFilePermissions(plain))
        .contains(PosixFilePermission.OTHERS_READ); // 0644 under the usual umask 022
    AtomicFiles.copy(target, tmp.resolve("sub/copy.html"));
    assertThat(tmp.resolve("sub/copy.html")).hasContent("<html></html>");
    try (var files = Files.list(tmp.resolve("sub"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.html", "copy.html");
    }
  }
}
