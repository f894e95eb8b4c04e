package io.docpulse.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** The {@code links} fixture: known defects of every kind, and tricky links that must not be reported. */
class LinkCheckTest {
    @TempDir
    static Path dir;
    static JsonNode report;
    static TestSites.Run build;

    @BeforeAll
    static void build() throws IOException {
        Path content = TestSites.copy("links", dir);
        build = TestSites.build(dir, content);
        report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    private static List<JsonNode> findings(String file) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            // only the link checker's findings: freshness and findability have tests of their own
            if (f.get("file").asText().equals(file) && (!TestSites.BACKGROUND_RULES.contains(f.get("rule").asText())
                    || f.get("rule").asText().equals("orphan-page"))) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void reportsEachDefectOnceWithLineColumnTextAndTarget() {
        assertThat(findings("README.md")).extracting(f -> f.get("rule").asText(), f -> f.get("line").asInt(),
                        f -> f.get("column").asInt(), f -> f.get("details").get("target").asText())
                .containsExactly(
                        tuple("broken-link", 25, 3, "guide/setpu.md"),
                        tuple("missing-anchor", 26, 3, "guide/setup.md#install-on-linx"),
                        tuple("missing-asset", 27, 3, "img/logo.jpg"),
                        tuple("missing-asset", 28, 3, "img/missing.png"),
                        tuple("link-outside-content", 29, 3, "../../outside.md"),
                        tuple("case-mismatch", 30, 3, "Guide/Setup.md"),
                        tuple("missing-anchor", 31, 3, "#no-such-heading"),
                        tuple("broken-link", 32, 3, "guide/nothing.md"),
                        tuple("broken-link", 36, 3, "guide/also-missing.md"),
                        tuple("missing-asset", 38, 17, "img/nope.png"));
        assertThat(findings("README.md").get(0).get("details").get("text").asText()).isEqualTo("missing page");
    }

    @Test
    void suggestsTheClosestPathAndAnchor() {
        List<JsonNode> f = findings("README.md");
        assertThat(f.get(0).get("hint").asText()).isEqualTo("did you mean `guide/setup.md`?");
        assertThat(f.get(1).get("hint").asText()).isEqualTo("did you mean `#install-on-linux`?");
        assertThat(f.get(2).get("hint").asText()).isEqualTo("did you mean `img/logo.png`?");
        assertThat(f.get(1).get("severity").asText()).isEqualTo("error");
        assertThat(f.get(5).get("severity").asText()).isEqualTo("note");
    }

    /** A missing code file is not a misspelt page: detail.cpp beside detail.md suggests nothing. */
    @Test
    void suggestsOnlyFilesOfTheSameKind() {
        List<JsonNode> f = findings("guide/topic/detail.md").stream()
                .filter(x -> x.get("rule").asText().equals("missing-asset")).toList();
        assertThat(f).extracting(x -> x.get("line").asInt()).containsExactly(5);
        assertThat(f.get(0).get("details").has("suggestion")).isFalse();
        assertThat(f.get(0).get("hint").asText()).startsWith("add the file");
    }

    @Test
    void srcsetIsCheckedAndRewritten() {
        assertThat(TestSites.read(dir.resolve("out/guide/topic/index.html")))
                .contains("srcset=\"../../img/logo.png 2x\"").contains("src=\"../../img/logo.png\"");
    }

    @Test
    void aPageBesideAFolderOfTheSameNameIsTheFoldersIndex() {
        String topic = TestSites.read(dir.resolve("out/guide/topic/index.html"));
        assertThat(topic).contains("The topic page, beside its folder.");
        assertThat(topic).contains(">Topic detail</a>");
        assertThat(dir.resolve("out/guide/topic/detail/index.html")).exists();
    }

    @Test
    void wrongCaseStillLinksToTheRealPageInTheSite() {
        assertThat(TestSites.read(dir.resolve("out/index.html"))).contains("href=\"guide/setup/\">wrong case</a>");
    }

    @Test
    void linkGraphOrphansAndClickDepthAreInTheReport() {
        JsonNode setup = page("guide/setup.md");
        assertThat(setup.get("links").get("inbound")).extracting(JsonNode::asText).containsExactly("README.md");
        assertThat(setup.get("links").get("outbound")).extracting(JsonNode::asText).containsExactly("README.md");
        assertThat(setup.get("links").get("clickDepth").asInt()).isEqualTo(1);
        assertThat(page("README.md").get("links").get("clickDepth").asInt()).isZero();
        JsonNode orphan = page("guide/orphan.md");
        assertThat(orphan.get("links").get("orphan").asBoolean()).isTrue();
        // reachable through the navigation: home -> Guide -> Orphan
        assertThat(orphan.get("links").get("clickDepth").asInt()).isEqualTo(2);
        assertThat(findings("guide/orphan.md")).extracting(f -> f.get("rule").asText()).containsExactly("orphan-page");
        assertThat(findings("guide/setup.md")).isEmpty();
        assertThat(findings("guide/README.md")).extracting(f -> f.get("rule").asText(), f -> f.get("line").asInt())
                .containsExactly(tuple("link-to-draft", 5));
        assertThat(findings("my folder/page one.md")).isEmpty();
    }

    private static JsonNode page(String path) {
        for (JsonNode p : report.get("pages")) if (p.get("path").asText().equals(path)) return p;
        throw new AssertionError("no page " + path);
    }

    @Test
    void consoleGroupsFindingsByFile() {
        String err = build.err();
        assertThat(err).contains("README.md:25:3: error: `guide/setpu.md` is not in the content [broken-link]")
                .contains("  hint: did you mean `guide/setup.md`?");
        // notes (the orphan page) are listed only with -v
        assertThat(err).doesNotContain("orphan-page");
    }

    @Test
    void checkCommandExitsOneOnErrorsAndWritesNothing() {
        Path content = dir.resolve("content");
        TestSites.Run run = TestSites.run("check", "--content", content.toString(), "--cache-dir",
                dir.resolve("cache2").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Checked 8 pages and ");
        assertThat(run.err()).contains("error: 9 errors found");
        assertThat(dir.resolve("site-output")).doesNotExist();
    }

    @Test
    void checkCommandExitsZeroOnCleanContent() throws IOException {
        Path clean = TestSites.write(dir.resolve("clean"), java.util.Map.of("README.md", "# Home\n\n[a](a.md)\n",
                "a.md", "# A\n\n[home](README.md#home)\n"));
        TestSites.Run run = TestSites.run("check", "--content", clean.toString(), "--cache-dir",
                dir.resolve("cache3").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** Images need alt text; alt="" on an HTML image marks decoration on purpose. */
    @Test
    void imagesWithoutAltText(@TempDir Path tmp) throws IOException {
        Path content = TestSites.write(tmp.resolve("c"), java.util.Map.of("README.md",
                "# Alt\n\n![](img.png)\n\n![Logo](img.png)\n\n<img src=\"img.png\">\n\n<img alt=\"\" src=\"img.png\">\n\n"
                        + "<img src=\"img.png\" alt=\"The logo\">\n\n![][r]\n\n[r]: img.png\n", "img.png", "png"));
        TestSites.Run run = TestSites.build(tmp, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
        List<Integer> lines = new ArrayList<>();
        for (JsonNode f : r.get("findings")) if (f.get("rule").asText().equals("missing-alt-text")) lines.add(f.get("line").asInt());
        assertThat(lines).containsExactly(3, 7, 13);
    }
}
