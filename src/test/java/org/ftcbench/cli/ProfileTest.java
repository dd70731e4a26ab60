package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in profiles, files that override them, and a sweep started from another folder. */
class ProfileTest {
  @TempDir Path tmp;

  @Test
  void theBuiltInProfilesLoadWithoutAProfilesFolder() {
    Path none = tmp.resolve("no/such/folder");
    for (String name : List.of("quick", "standard", "full")) {
      Profile p = Profile.load(none, name, Map.of());
      assertThat(p.source()).isEqualTo("the built-in profile " + name);
      assertThat(p.list("sweep.certify.n")).isNotEmpty();
    }
    assertThat(Profile.names(none)).containsExactly("quick", "standard", "full");
  }

  @Test
  void aFileOfTheSameNameOverridesAndANewNameAdds() throws Exception {
    String quick = Files.readString(Profile.FOLDER.resolve("quick.properties"));
    Files.writeString(
        tmp.resolve("quick.properties"),
        quick.replace("sweep.certify.seeds = 1", "sweep.certify.seeds = 7"));
    Files.writeString(tmp.resolve("mine.properties"), quick);
    assertThat(Profile.load(tmp, "quick", Map.of()).string("sweep.certify.seeds")).isEqualTo("7");
    assertThat(Profile.load(tmp, "quick", Map.of()).source()).endsWith("quick.properties");
    assertThat(Profile.load(tmp, "mine", Map.of()).string("sweep.certify.seeds")).isEqualTo("1");
    assertThat(Profile.names(tmp)).containsExactly("quick", "standard", "full", "mine");
  }

  @Test
  void anUnknownProfileNamesTheOnesThereAre() {
    assertThatThrownBy(() -> Profile.load(tmp, "quik", Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("profile 'quik' not found")
        .hasMessageContaining("quick, standard, full");
    assertThatThrownBy(() -> Profile.load(tmp, "../quick", Map.of()))
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void typedValuesNameTheProfileAndTheKeyWhenTheyDoNotParse() {
    Profile p =
        Profile.load(
            tmp,
            "quick",
            Map.of(
                "bench.gcProfiler", "yes",
                "bench.forks", "two",
                "bench.precision", "float32, float16",
                "sweep.fig9.enabled", "true"));
    assertThat(p.bool("sweep.fig9.enabled")).isTrue();
    assertThatThrownBy(() -> p.bool("bench.gcProfiler"))
        .hasMessage("profile quick: bench.gcProfiler = 'yes' is not true or false");
    assertThatThrownBy(() -> p.integer("bench.forks"))
        .hasMessage("profile quick: bench.forks = 'two' is not an integer");
    assertThat(p.values("bench.precision", s -> s.length())).containsExactly(7, 7);
    assertThatThrownBy(() -> p.values("bench.precision", Precision::parse))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("profile quick: bench.precision: ")
        .hasMessageContaining("float16");
  }

  @Test
  void theProfilesCommandListsThem() {
    MainTest.Result r = MainTest.run("profiles");
    assertThat(r.code()).isZero();
    // run from the repository: its benchmarks/profiles files override the built-in ones
    assertThat(r.out().lines().map(l -> l.split("\t")[0])).startsWith("quick", "standard", "full");
    assertThat(r.out()).contains("quick\tbenchmarks/profiles/quick.properties (overrides");
  }

  /**
   * What `java -jar ftc-bench.jar sweep --profile quick` does from another folder: a JVM whose
   * working folder has no benchmarks/profiles finds the built-in profile on its class path.
   */
  @Test
  void aSweepStartedFromAnotherFolderUsesTheBuiltInProfile() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    List<String> cmd = new ArrayList<>(SweepWorkerCommand.java());
    cmd.addAll(List.of("sweep", "--profile", "quick", "--run", "run"));
    cmd.addAll(SweepCommandTest.TINY);
    cmd.addAll(List.of("sweep.threads=1", "sweep.certify.n=3", "sweep.certify.k=30"));
    Path log = tmp.resolve("sweep.log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(elsewhere.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(elsewhere.resolve("run/certify.csv")).isRegularFile();
    assertThat(elsewhere.resolve("run/capacity.csv")).isRegularFile();
  }
}
