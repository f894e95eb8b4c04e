package io.docpulse.render;

import static io.docpulse.TestSites.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** Builds the {@code nav-list} fixture, whose docpulse.yml orders the sidebar with a MkDocs-style nav: list. */
class NavListBuildTest {
    @TempDir
    static Path dir;
    static Path out;
    static TestSites.Run run;

    @BeforeAll
    static void build() throws IOException {
        Path content = TestSites.copy("nav-list", dir);
        run = TestSites.build(dir, content);
        out = dir.resolve("out");
    }

    private static Document html(String path) {
        return Jsoup.parse(read(out.resolve(path)));
    }

    private static JsonNode report() throws IOException {
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    /** The sidebar's top-level entries, as "title -> href". */
    private static List<String> topLevel(Document d) {
        return d.select("nav.sidebar > ul > li > a").eachText();
    }

    @Test
    void sidebarFollowsTheListWithItsTitlesAndLinks() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        Document ci = html("guides/ci/index.html");
        assertThat(topLevel(ci)).containsExactly("Home", "Getting started", "Guides", "Reference", "External");
        assertThat(ci.select("nav.sidebar > ul > li > a").eachAttr("href"))
                .containsExactly("../../", "../../getting-started/", "../", "../../reference/", "https://example.com/");
        // the open section holds the listed pages in list order (weight would put Writing first)
        assertThat(ci.select("nav.sidebar li.nav-section.active > ul > li > a").eachText())
                .containsExactly("Continuous integration", "Writing");
        assertThat(ci.select("nav.sidebar a[aria-current=page]").eachText()).containsExactly("Continuous integration");
        assertThat(ci.select("nav.breadcrumbs a").eachText()).containsExactly("Home", "Guides");
        // on the home page only the Home entry is current, and nothing is open
        Document home = html("index.html");
        assertThat(home.select("nav.sidebar a[aria-current=page]").eachText()).containsExactly("Home");
        assertThat(home.select("nav.sidebar li.active")).isEmpty();
    }

    @Test
    void aListedFolderKeepsTheWeightOrder() {
        Document alpha = html("reference/alpha/index.html");
        assertThat(alpha.select("nav.sidebar li.nav-section.active > ul > li > a").eachText())
                .containsExactly("Zebra options", "Alpha options");
    }

    @Test
    void aSectionWithoutIndexPageGetsAPageOfItsEntries() {
        Document guides = html("guides/index.html");
        assertThat(guides.select("article .section-list a").eachText()).containsExactly("Continuous integration", "Writing");
    }

    @Test
    void previousAndNextFollowTheList() {
        Document ci = html("guides/ci/index.html");
        assertThat(ci.select("a[rel=prev]").first().ownText()).isEqualTo("Start here");
        assertThat(ci.select("a[rel=next]").first().ownText()).isEqualTo("Writing pages");
        assertThat(html("guides/writing/index.html").select("a[rel=next]").first().ownText()).isEqualTo("Reference");
    }

    @Test
    void pagesLeftOutAreBuiltAndNotedButNotInTheSidebar() throws IOException {
        Document unlisted = html("guides/unlisted/index.html");
        assertThat(unlisted.select("article h1").text()).isEqualTo("Unlisted guide");
        assertThat(unlisted.select("nav.sidebar a").eachText()).doesNotContain("Unlisted guide");
        assertThat(unlisted.select("nav.sidebar a[aria-current=page]")).isEmpty();
        // a folder the list leaves out still has its section page, so links to it keep working
        assertThat(out.resolve("old/index.html")).exists();
        assertThat(html("guides/ci/index.html").select("nav.sidebar a").eachText()).doesNotContain("Unlisted guide", "Old");

        List<JsonNode> notes = new java.util.ArrayList<>();
        report().get("findings").forEach(f -> {
            if (f.get("rule").asText().equals("not-in-nav")) notes.add(f);
        });
        assertThat(notes).extracting(f -> f.get("file").asText(), f -> f.get("line").asInt(), f -> f.get("severity").asText())
                .containsExactly(tuple("guides/unlisted.md", 1, "note"), tuple("old/notes.md", 1, "note"));
        assertThat(notes.get(0).get("message").asText())
                .isEqualTo("the page is not in the nav: list of docpulse.yml, so the sidebar does not show it"
                        + " (it is built and found by search)");
        assertThat(notes.get(0).get("hint").asText()).contains("`- guides/unlisted.md`").contains("`- guides/`");
        // and search finds it
        TestSites.Run search = TestSites.run("search", "--content", dir.resolve("content").toString(),
                "--cache-dir", dir.resolve("cache").toString(), "quokkas");
        assertThat(search.out()).as(search.err()).contains("guides/unlisted.md");
    }

    @Test
    void pagesLeftOutCannotBeReachedThroughTheNavigation() throws IOException {
        Map<String, JsonNode> depth = new HashMap<>();
        report().get("pages").forEach(p -> depth.put(p.get("path").asText(), p.get("links").get("clickDepth")));
        assertThat(depth.get("guides/ci.md").asInt()).isEqualTo(2);
        assertThat(depth.get("reference/zebra.md").asInt()).isEqualTo(2);
        assertThat(depth.get("guides/unlisted.md").isNull()).isTrue();
        assertThat(depth.get("old/notes.md").isNull()).isTrue();
    }
}
