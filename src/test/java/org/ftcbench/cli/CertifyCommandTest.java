package org.ftcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftcbench.cli.MainTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftcbench.cli.MainTest.Result;
import org.ftcbench.construct.AdversarialTasks;
import org.ftcbench.data.DataFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertifyCommandTest {
  @TempDir Path dir;

  @Test
  void depth2PrintsTheInterpolantAndItsBounds() {
    String out = run("certify", "--depth", "2", "--n", "10", "--k", "100").okOut();
    assertThat(out)
        .contains("two-layer-interpolant")
        .contains("Theorem 4.1: 30 ≤ m* ≤ 31")
        .contains("Eq. 12")
        .contains("Corollary 4.2");
  }

  @Test
  void depth3PrintsAllThreeAndMarksTheSmallestThenExportsAndReadsBack() throws Exception {
    Path file = dir.resolve("u.json");
    String out =
        run(
                "certify",
                "--depth",
                "3",
                "--n",
                "5",
                "--k",
                "200",
                "--seed",
                "4",
                "--constructions",
                "u1,u2,u3",
                "--export",
                file.toString())
            .okOut();
    assertThat(out)
        .contains("three-layer-u1-yun")
        .contains("three-layer-u2-bump")
        .contains("three-layer-u3-kept-set")
        .contains("<- certified (smallest)")
        .contains("Theorem 5.1")
        .contains("rounded up")
        .contains("output layer rescaled by s =");
    assertThat(Files.readString(file)).startsWith("{\"format\":\"ftc-adapter/1\"");
    String againOut = run("certify", "--depth", "2", "--input", file.toString()).okOut();
    assertThat(againOut).contains("task from").contains("K = 200, N = 5");
  }

  /** By default only the construction that attains Theorem 5.1's bound is built. */
  @Test
  void depth3BuildsOnlyTheConstructionOfTheBoundByDefault() {
    String out = run("certify", "--depth", "3", "--n", "1000", "--k", "10000").okOut();
    assertThat(out)
        .containsPattern("three-layer-u3-kept-set .*\\(exact\\).*<- certified \\(smallest\\)")
        .doesNotContain("three-layer-u1-yun")
        .doesNotContain("three-layer-appendix-a")
        .contains("--constructions all compares U1, U2, U3 and Appendix A");
    // U1's bound 4⌈√K⌉ = 40 is Theorem 5.1's minimum when N is close to K
    String u1Out = run("certify", "--depth", "3", "--n", "90", "--k", "100").okOut();
    assertThat(u1Out).contains("three-layer-u1-yun").doesNotContain("three-layer-u3-kept-set");
  }

  /** At K = 10⁴ every construction, Appendix A included, is exact (exact check). */
  @Test
  void depth3AllConstructionsAreExactAtLargeK() {
    String out =
        run("certify", "--depth", "3", "--n", "1000", "--k", "10000", "--constructions", "all")
            .okOut();
    assertThat(out)
        .containsPattern("three-layer-u1-yun .*\\(exact\\)")
        .containsPattern("three-layer-u2-bump .*\\(exact\\)")
        .containsPattern("three-layer-u3-kept-set .*\\(exact\\).*<- certified \\(smallest\\)")
        .containsPattern("three-layer-appendix-a .*\\(exact\\).*for comparison")
        .doesNotContain("FAILED");
  }

  /**
   * The tight clusters (20 centres in d = 50, 25 points 1e−6 apart around each, 60 changed
   * labels) and the same at spread 1e−10: the certified U3 is printed and exported, every
   * construction of Theorem 5.1 is exact, and Appendix A is built or reported as FAILED with its
   * reason, never a stack trace.
   */
  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 1e-10})
  void tightClustersCertifyAtDepth3(double spread) throws Exception {
    Path task = dir.resolve("clusters.json");
    AdversarialTasks.write(AdversarialTasks.clusters(20, 25, 50, spread, 60, 2), task);
    Path export = dir.resolve("u3.json");
    Result r =
        run(
            "certify",
            "--depth",
            "3",
            "--input",
            task.toString(),
            "--constructions",
            "all",
            "--export",
            export.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("three-layer-u1-yun .*\\(exact\\)")
        .containsPattern("three-layer-u2-bump .*\\(exact\\)")
        .containsPattern("three-layer-u3-kept-set .*\\(exact\\).*<- certified \\(smallest\\)")
        .contains("three-layer-appendix-a")
        .contains("exported three-layer-u3-kept-set");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    if (spread < 1e-8) {
      // Appendix A's intervals cannot be placed here: FAILED with its reason, the others shown
      assertThat(r.out())
          .containsPattern("three-layer-appendix-a .*FAILED: could not be built: .+");
      assertThat(r.err())
          .contains("ftc-bench: comparison only, three-layer-appendix-a could not be built:");
    }
    assertThat(export).isRegularFile();
    String depth2Out = run("certify", "--depth", "2", "--input", task.toString()).okOut();
    assertThat(depth2Out).containsPattern("two-layer-interpolant .*\\(exact\\)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "certify --depth 3 --n 5 --k 50 --constructions u4",
        "certify --depth 3 --n 5 --k 50 --constructions interpolant",
        "certify --depth 2 --n 5 --k 50 --constructions u3",
        "certify --depth 3 --n 5 --k 50 --constructions ,",
      })
  void unknownOrMisplacedConstructionsAreOneLineAndExitCode2(String args) {
    assertThat(run(args.split(" ")).badInputLine()).startsWith("ftc-bench: --constructions");
  }

  @Test
  void constructionsChooseWhatIsBuiltInTheOrderGiven() {
    String out =
        run("certify", "--depth", "3", "--n", "5", "--k", "50", "--constructions", "u3,u1").okOut();
    assertThat(out).doesNotContain("three-layer-u2-bump").doesNotContain("appendix");
    assertThat(out.indexOf("three-layer-u3-kept-set"))
        .isLessThan(out.indexOf("three-layer-u1-yun"));
  }

  @Test
  void identicalInputsWithDifferentTargetsAreOneLineAndExitCode2() throws Exception {
    Path file = taskFile("clash.json", "{\"x\": [[1, 2], [1, 2], [0, 0]], \"z\": [0.5, -0.5, 0]}");
    assertThat(run("certify", "--depth", "2", "--input", file.toString()).badInputLine())
        .contains("samples 0 and 1 have the same input but different targets");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "certify --depth 4 --n 1 --k 10",
        "certify --depth 2 --n 20 --k 10",
        "certify --depth 2 --k 10",
        "certify --depth 2",
        "certify --n 1 --k 10",
        "certify --depth 2 --n 1 --k 10 --d 0",
        "certify --depth 2 --input nowhere.json",
        "certify --depth 2 --n 1 --k 5 --input nowhere.json",
      })
  void badInputIsOneLineAndExitCode2(String args) {
    run(args.split(" ")).badInputLine();
  }

  /**
   * A task file may name a data family instead of listing x and z (docs/certify.md): every family,
   * clusters down to spread 1e-12, at d = 1, 2, 10 certifies exactly at both depths, the 3-layer
   * one with all of U1, U2, U3.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gaussian|1",
        "gaussian|2",
        "gaussian|10",
        "line|1",
        "line|2",
        "line|10",
        "curve|1",
        "curve|2",
        "curve|10",
        "clusters:centres=24,sigma=1e-4|1",
        "clusters:centres=24,sigma=1e-4|2",
        "clusters:centres=24,sigma=1e-4|10",
        "clusters:centres=24,sigma=1e-12|1",
        "clusters:centres=24,sigma=1e-12|2",
        "clusters:centres=24,sigma=1e-12|10",
        "heavy:nu=2|1",
        "heavy:nu=2|2",
        "heavy:nu=2|10",
        "heavy:nu=1|2",
      })
  void everyDataFamilyCertifiesExactlyFromATaskFile(String spec, int d) throws Exception {
    Path task =
        taskFile(
            "family.json",
            "{\"data\": \"" + spec + "\", \"K\": 60, \"N\": 10, \"d\": " + d + ", \"seed\": 3}");
    String description = DataFamily.parse(spec).description();
    String twoOut = run("certify", "--depth", "2", "--input", task.toString()).okOut();
    assertThat(twoOut)
        .contains("generated task from " + task + " (" + description + ")")
        .contains("K = 60, N = 10, d = " + d + ", seed = 3")
        .containsPattern("two-layer-interpolant .*\\(exact\\)");
    String threeOut =
        run("certify", "--depth", "3", "--input", task.toString(), "--constructions", "u1,u2,u3")
            .okOut();
    assertThat(threeOut)
        .containsPattern("three-layer-u1-yun .*\\(exact\\)")
        .containsPattern("three-layer-u2-bump .*\\(exact\\)")
        .containsPattern("three-layer-u3-kept-set .*\\(exact\\)")
        .doesNotContain("FAILED");
  }

  /** The gaussian family's file draws the task that --n/--k/--d/--seed generate; --seed wins. */
  @Test
  void aGaussianTaskFileIsTheGeneratedTaskAndSeedOverridesTheFiles() throws Exception {
    Path task =
        taskFile(
            "gaussian.json",
            "{\"data\": \"gaussian\", \"K\": 80, \"N\": 7, \"d\": 3, \"seed\": 9}");
    String fileOut = run("certify", "--depth", "2", "--input", task.toString()).okOut();
    String generatedOut =
        run("certify", "--depth", "2", "--n", "7", "--k", "80", "--d", "3", "--seed", "9").okOut();
    assertThat(maxZ(fileOut)).isEqualTo(maxZ(generatedOut));
    assertThat(neurons(fileOut)).isEqualTo(neurons(generatedOut));
    Result reseeded = run("certify", "--depth", "2", "--input", task.toString(), "--seed", "10");
    assertThat(reseeded.out()).contains("seed = 10");
    Result generated10 =
        run("certify", "--depth", "2", "--n", "7", "--k", "80", "--d", "3", "--seed", "10");
    assertThat(maxZ(reseeded.out())).isEqualTo(maxZ(generated10.out())).isNotEqualTo(maxZ(fileOut));
  }

  private static String maxZ(String out) {
    return out.lines().findFirst().orElseThrow().replaceAll(".*max \\|z\\| = ", "");
  }

  private static String neurons(String out) {
    return out.lines()
        .filter(l -> l.contains("two-layer-interpolant"))
        .findFirst()
        .orElseThrow()
        .strip()
        .split(" +")[1];
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"data\": \"clusters:centres=24\", \"K\": 60, \"N\": 10}|data family 'clusters:centres=24' needs sigma",
        "{\"data\": \"blobs\", \"K\": 60, \"N\": 10}|data family 'blobs' is not one we know",
        "{\"data\": 3, \"K\": 60, \"N\": 10}|\"data\" = 3 is not a family name",
        "{\"data\": \"line\", \"N\": 10}|\"K\" = null is not a whole number",
        "{\"data\": \"line\", \"K\": 60, \"N\": 1.5}|\"N\" = 1.5 is not a whole number",
        "{\"data\": \"line\", \"K\": 60, \"N\": 10, \"seed\": \"x\"}|\"seed\" = \"x\" is not a whole number",
        "{\"data\": \"line\", \"K\": 6, \"N\": 10}|N = 10 is larger than K = 6",
        "{\"data\": \"line\", \"K\": 60, \"N\": 10, \"d\": 0}|d = 0 is not an input dimension",
        "{\"data\": \"line\", \"K\": 3, \"N\": 1, \"x\": [[1], [2], [3]]}|\"x\" cannot be given too",
        "{\"data\": \"clusters:centres=24,sigma=1e-20\", \"K\": 60, \"N\": 10, \"d\": 2}|the theorems need distinct inputs",
      })
  void aBadDataFamilyTaskIsOneLineAndExitCode2(String json, String message) throws Exception {
    Path task = taskFile("bad.json", json);
    assertThat(run("certify", "--depth", "2", "--input", task.toString()).badInputLine())
        .contains(message);
  }

  /** Writes {@code json} to the file {@code name} in the test's folder and returns its path. */
  private Path taskFile(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }
}
