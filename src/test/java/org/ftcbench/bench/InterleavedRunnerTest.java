package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.compare.JmhRun;
import org.ftcbench.results.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JMH forks, started by real launcher scripts, interleaved into two run folders. */
class InterleavedRunnerTest {
  @BeforeAll
  static void allowConcurrentJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  /** A side whose command notes each JMH fork it starts in {@code marker}, then runs java. */
  private static ForkSide side(Path dir, String name, Path marker) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return ForkSide.write(
        dir,
        name,
        "sh -c 'case \"$*\" in *ForkedMain*) echo "
            + name
            + " >> "
            + marker
            + ";; esac; exec \"$0\" \"$@\"' "
            + java,
        null);
  }

  @Test
  void bothSidesForksRunInTheSeededOrderAndComparesReadTheirFolders(@TempDir Path tmp)
      throws Exception {
    BenchSettings s = tinyTwoForks();
    Path marker = tmp.resolve("started.txt");
    Path a = Files.createDirectories(tmp.resolve("m/run-a"));
    Path b = Files.createDirectories(tmp.resolve("m/run-b"));
    List<ForkSide> sides = List.of(side(tmp, "a", marker), side(tmp, "b", marker));
    List<String> progress = new ArrayList<>();
    new InterleavedRunner(s, sides, List.of(a, b), tmp, 11, progress::add).run();

    List<BenchPoint> points = BenchPlan.points(s);
    List<ForkOrder.Slot> order = ForkOrder.of(points.size(), 2, 11);
    // every fork started through its side's command, in exactly the seeded order
    List<String> started = Files.readAllLines(marker);
    List<String> expected = order.stream().map(slot -> slot.side() == 0 ? "a" : "b").toList();
    assertThat(started).isEqualTo(expected);
    assertThat(progress.stream().filter(l -> l.startsWith("bench [")).toList())
        .hasSize(order.size());

    for (Path dir : List.of(a, b)) {
      JsonNode jmh = new ObjectMapper().readTree(dir.resolve(RunFolder.JMH).toFile());
      assertThat(jmh).hasSize(points.size());
      for (int i = 0; i < points.size(); i++) {
        JsonNode r = jmh.get(i);
        assertThat(r.get("benchmark").asText()).isEqualTo(points.get(i).jmhName());
        assertThat(r.get("forks").asInt()).isEqualTo(2);
        assertThat(r.get("jvm").asText())
            .endsWith("side-" + dir.getFileName().toString().substring(4) + ".sh");
        JsonNode raw = r.at("/primaryMetric/rawData");
        assertThat(raw).hasSize(2);
        // JMH's own statistics over both forks: the score is the mean of every raw sample
        double sum = 0;
        int n = 0;
        for (JsonNode fork : raw) {
          for (JsonNode v : fork) {
            sum += v.asDouble();
            n++;
          }
        }
        assertThat(r.at("/primaryMetric/score").asDouble())
            .isCloseTo(sum / n, org.assertj.core.api.Assertions.within(1e-9 * sum));
      }
      assertThat(Files.readString(dir.resolve(RunFolder.FLOPS)))
          .isEqualTo(BenchPlan.flopsCsv(points));
      assertThat(Files.readString(dir.resolve(BenchRunner.LOG))).contains("# Fork: 1 of 1");
      assertThat(JmhRun.load(dir).forks().values()).allMatch(f -> f.length == 2);
    }
    // the scratch folder is gone
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.startsWith(ForkTempDir.PREFIX));
  }

  @Test
  void aSideJarReplacesTheForksClassPath(@TempDir Path tmp) throws Exception {
    Path jar = Files.writeString(tmp.resolve("other.jar"), "");
    ForkSide side = ForkSide.write(tmp, "old", "printf '%s\\n'", jar);
    Process p =
        new ProcessBuilder(side.launcher().toString(), "-Xmx1g", "-cp", "this.jar", "Main", "it's")
            .start();
    List<String> args = new String(p.getInputStream().readAllBytes()).lines().toList();
    assertThat(p.waitFor()).isZero();
    assertThat(args)
        .containsExactly("-Xmx1g", "-cp", jar.toAbsolutePath().toString(), "Main", "it's");
    assertThat(side.description()).contains("class path: " + jar.toAbsolutePath());
  }

  private static BenchSettings tinyTwoForks() {
    return new TinySettings(List.of(BenchmarkName.GEMM)).forks(2).build();
  }
}
