package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ftcbench.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --out DIR} (and {@code compare --out DIR}) write a site that can be published as it
 * is: the folder is copied to a new place (as a deployment would: files with their permissions),
 * the results it was made from are deleted, and a static web server ({@link StaticServer}: 403 for
 * files others cannot read, like a server running as another user) serves the copy. Headless
 * Chromium then loads every page over HTTP (every figure drawn, no JavaScript error) and, from a
 * checker page on the same server, fetches every link, script and data file of every page: all must
 * answer 200.
 */
class PublishedSiteTest {
  @TempDir Path tmp;

  @Test
  void theReportFolderIsASiteThatWorksWhereverItIsServed() throws Exception {
    BrowserTest.requireChromium();
    BrowserTest.tmp = tmp; // Chromium's profiles go here too
    Path[] runs = ComparisonFixture.write(tmp.resolve("results"));
    Path site = tmp.resolve("site");
    run("compare", runs[0].toString(), runs[1].toString(), "--out", site.toString());
    run("report", runs[0].toString(), runs[1].toString(), "--out", site.toString());

    // readable by all: files 0644, folders 0755 (under the usual umask 022)
    List<Path> written = walk(site);
    for (Path p : written) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      assertThat(perms)
          .as(site.relativize(p) + " readable by others")
          .contains(PosixFilePermission.OTHERS_READ);
      if (Files.isDirectory(p)) {
        assertThat(perms)
            .as(site.relativize(p) + " enterable")
            .contains(PosixFilePermission.OTHERS_EXECUTE);
      }
    }
    assertThat(site.resolve("assets/" + PlotlyAsset.fileName())).isRegularFile();
    assertThat(Files.size(site.resolve("assets/" + PlotlyAsset.fileName()))).isLessThan(5_000_000);

    // publish: copy elsewhere, then remove what the report was made from
    Path published = tmp.resolve("elsewhere/www");
    copyTree(site, published);
    deleteTree(tmp.resolve("results"));
    deleteTree(site);

    List<String> pages = new ArrayList<>();
    for (Path p : walk(published)) {
      if (p.toString().endsWith(".html")) {
        pages.add(published.relativize(p).toString());
      }
    }
    assertThat(pages)
        .contains("index.html", "capacity.html", "kernels.html")
        .anyMatch(p -> p.startsWith("compare/"))
        .anyMatch(p -> p.startsWith("runs/"));
    Files.writeString(published.resolve("linkcheck.html"), checker(pages));

    try (StaticServer server = new StaticServer(published)) {
      String dom = BrowserTest.chromium(server.base() + "linkcheck.html", "--dump-dom");
      String json = BrowserTest.between(dom, "<pre id=\"result\">", "</pre>");
      assertThat(json).as("the checker finished: " + json).startsWith("<pre id=\"result\">{");
      JsonNode result =
          new ObjectMapper()
              .readTree(
                  json.substring("<pre id=\"result\">".length())
                      .replace("&quot;", "\"")
                      .replace("&amp;", "&"));
      assertThat(result.get("pages")).hasSize(pages.size());
      for (JsonNode page : result.get("pages")) {
        String name = page.get("page").asText();
        assertThat(page.get("errors").asText()).as(name + ": JavaScript errors").isEqualTo("0");
        // the experiment pages of a run without their rows are one line saying so
        // (ExperimentPagesBrowserTest draws them with rows)
        boolean experiment = name.endsWith(Page.FRACTION) || name.endsWith(Page.STRUCTURE);
        int least =
            experiment ? 0 : name.endsWith("index.html") && !name.startsWith("compare/") ? 1 : 6;
        assertThat(page.get("figures").asInt())
            .as(name + ": figures")
            .isGreaterThanOrEqualTo(least);
        assertThat(page.get("drawn").asInt())
            .as(name + ": figures drawn")
            .isEqualTo(page.get("figures").asInt());
      }
      Set<String> dataLinked = new java.util.TreeSet<>();
      for (JsonNode r : result.get("links")) {
        assertThat(r.get("status").asText())
            .as(r.get("from").asText() + " → " + r.get("url").asText())
            .isEqualTo("200");
        if (r.get("url").asText().startsWith("/" + SiteData.FOLDER + "/")) {
          dataLinked.add(r.get("url").asText().substring(1));
        }
      }
      // every run file copied into the site is linked from a page, and loads
      Set<String> copied = new java.util.TreeSet<>();
      for (Path p : walk(published.resolve(SiteData.FOLDER))) {
        if (Files.isRegularFile(p)) {
          copied.add(published.relativize(p).toString());
        }
      }
      assertThat(copied).hasSizeGreaterThanOrEqualTo(10);
      assertThat(dataLinked).as("data links checked").isEqualTo(copied);
      assertThat(server.hits())
          .as("every request of every page load and check (but the browser's own favicon probe)")
          .isNotEmpty()
          .filteredOn(h -> !h.path().equals("/favicon.ico"))
          .allSatisfy(h -> assertThat(h.status()).as(h.path()).isEqualTo(200));
      assertThat(server.hits())
          .as("plotly came from the site")
          .anyMatch(h -> h.path().endsWith("/assets/" + PlotlyAsset.fileName()));
    }
  }

  /**
   * A page that loads every page of the site in a frame (counting its figures, those plotly drew
   * and its JavaScript errors), then fetches every link, script and stylesheet of every page, and
   * writes what it found as JSON into {@code <pre id="result">}.
   */
  private static String checker(List<String> pages) throws IOException {
    String list = new ObjectMapper().writeValueAsString(pages);
    return "<!doctype html><html><body><pre id=\"result\">running</pre><script>\n"
        + "const pages = "
        + list
        + ";\n"
        + "const sleep = ms => new Promise(r => setTimeout(r, ms));\n"
        + "async function render(page) {\n"
        + "  const f = document.createElement('iframe');\n"
        + "  f.style.width = '1250px'; f.style.height = '900px';\n"
        + "  await new Promise(r => { f.onload = r; f.src = page; document.body.appendChild(f); });\n"
        + "  const doc = f.contentDocument;\n"
        + "  const plots = [...doc.querySelectorAll('div[id^=\"fig_\"][class^=\"plot\"]')];\n"
        + "  const drawn = () => plots.filter(p => p.querySelector('.main-svg')).length;\n"
        + "  for (let i = 0; i < 200 && drawn() < plots.length; i++) await sleep(100);\n"
        + "  const errors = doc.body.getAttribute('data-js-errors');\n"
        + "  f.remove();\n"
        + "  return {page, figures: plots.length, drawn: drawn(), errors: String(errors)};\n"
        + "}\n"
        + "async function check() {\n"
        + "  const rendered = [];\n"
        + "  for (const page of pages) rendered.push(await render(page));\n"
        + "  const links = []; const seen = new Set();\n"
        + "  for (const page of pages) {\n"
        + "    const url = new URL(page, location.href);\n"
        + "    const r = await fetch(url);\n"
        + "    links.push({from: 'site', url: url.pathname, status: String(r.status)});\n"
        + "    const doc = new DOMParser().parseFromString(await r.text(), 'text/html');\n"
        + "    for (const e of doc.querySelectorAll('a[href], script[src], link[href]')) {\n"
        + "      const l = e.getAttribute('href') || e.getAttribute('src');\n"
        + "      if (l.startsWith('#')) continue;\n"
        + "      const t = new URL(l, url);\n"
        + "      if (t.origin !== location.origin) {\n"
        + "        links.push({from: page, url: l, status: 'outside the site'}); continue;\n"
        + "      }\n"
        + "      if (seen.has(t.pathname)) continue;\n"
        + "      seen.add(t.pathname);\n"
        + "      const g = await fetch(t);\n"
        + "      links.push({from: page, url: t.pathname, status: String(g.status)});\n"
        + "    }\n"
        + "  }\n"
        + "  document.getElementById('result').textContent = JSON.stringify({pages: rendered, links});\n"
        + "}\n"
        + "check().catch(e => document.getElementById('result').textContent = 'error ' + e);\n"
        + "</script></body></html>\n";
  }

  private static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
  }

  private static List<Path> walk(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.sorted().toList();
    }
  }

  /** Copies a folder as a deployment would (cp -a): files with their permissions and times. */
  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    for (Path p : walk(from)) {
      Path target = to.resolve(from.relativize(p).toString());
      Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
