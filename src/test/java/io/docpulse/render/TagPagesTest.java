package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** {@code tags:} front matter becomes a tags index, a page per tag and tag links on every tagged page. */
class TagPagesTest {
    @TempDir
    Path dir;

    private static final Map<String, String> SITE = Map.of(
            "README.md", "# Home\n\nWelcome.\n",
            "guides/deploy.md", "---\ntags: [CI, Release notes, C++]\ndescription: How we deploy.\n---\n# Deploy\n",
            "guides/rollback.md", "---\ntags:\n  - ci\n  - release  notes\n---\n# Rollback\n",
            "reference/build.md", "---\ntags: \"ci, C\"\n---\n# Build\n",
            "untagged.md", "# Untagged\n");

    private Document html(String path) throws IOException {
        return Jsoup.parse(Files.readString(dir.resolve("out").resolve(path)));
    }

    private TestSites.Run build(Map<String, String> files) throws IOException {
        Path content = TestSites.write(dir.resolve("c"), files);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void theIndexListsEveryTagWithItsPagesInAStableOrder() throws IOException {
        build(SITE);
        Document index = html("tags/index.html");
        assertThat(index.select("h1").text()).isEqualTo("Tags");
        // CI and ci are one tag, spelt as most pages spell it; C and C++ stay apart
        assertThat(index.select("article h2")).extracting(Element::id, Element::text).containsExactly(
                tuple("c", "C"), tuple("c-plus-plus", "C++"), tuple("ci", "ci"), tuple("release-notes", "Release notes"));
        Element ci = index.selectFirst("h2#ci").nextElementSibling();
        assertThat(ci.select("a")).extracting(Element::text, e -> e.attr("href")).containsExactly(
                tuple("Build", "../reference/build/"), tuple("Deploy", "../guides/deploy/"),
                tuple("Rollback", "../guides/rollback/"));
        assertThat(index.select(".tags-cloud a").eachAttr("href"))
                .containsExactly("c/", "c-plus-plus/", "ci/", "release-notes/");
    }

    @Test
    void eachTagHasAPageAndEachTaggedPageLinksToItsTags() throws IOException {
        build(SITE);
        Document ci = html("tags/ci/index.html");
        assertThat(ci.select("h1").text()).isEqualTo("Tag: ci");
        assertThat(ci.select("article li a").eachText()).containsExactly("Build", "Deploy", "Rollback");
        assertThat(ci.select("article li").get(1).text()).contains("How we deploy.");
        assertThat(ci.select(".breadcrumbs a").eachAttr("href")).containsExactly("../../", "../");

        Document deploy = html("guides/deploy/index.html");
        // the page shows its tags as its writer spelt them
        assertThat(deploy.select(".page-tags a")).extracting(Element::text, e -> e.attr("href")).containsExactly(
                tuple("CI", "../../tags/ci/"), tuple("Release notes", "../../tags/release-notes/"),
                tuple("C++", "../../tags/c-plus-plus/"));
        assertThat(html("untagged/index.html").select(".page-tags")).isEmpty();
        // reachable from every page: the footer
        assertThat(html("untagged/index.html").select(".site-footer a:contains(Tags)").attr("href")).isEqualTo("../tags/");
        assertThat(html("index.html").select(".site-footer a:contains(Tags)").attr("href")).isEqualTo("./tags/");
    }

    @Test
    void aSiteWithoutTagsHasNoTagPages() throws IOException {
        build(Map.of("README.md", "# Home\n"));
        assertThat(dir.resolve("out/tags")).doesNotExist();
        assertThat(html("index.html").select(".site-footer a:contains(Tags)")).isEmpty();
    }

    @Test
    void aContentTagsFolderMovesTheTagPagesAndSaysSo() throws IOException {
        Map<String, String> files = new java.util.HashMap<>(SITE);
        files.put("tags/README.md", "# Our tagging policy\n");
        build(files);
        // the content's page stays where it is
        assertThat(html("tags/index.html").select("h1").text()).isEqualTo("Our tagging policy");
        assertThat(html("docpulse-tags/index.html").select("h1").text()).isEqualTo("Tags");
        assertThat(html("guides/deploy/index.html").select(".page-tags a").first().attr("href"))
                .isEqualTo("../../docpulse-tags/ci/");
        List<JsonNode> clash = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).get("findings")) {
            if (f.get("rule").asText().equals("tags-folder-taken")) clash.add(f);
        }
        assertThat(clash).extracting(f -> f.get("file").asText(), f -> f.get("severity").asText())
                .containsExactly(tuple("tags/README.md", "warning"));
        assertThat(clash.get(0).get("message").asText()).contains("docpulse-tags/");
    }

    @Test
    void theTagPagesAreTheSameBytesWithOneThreadOrMany() throws Exception {
        Path content = TestSites.write(dir.resolve("c"), SITE);
        java.time.Instant now = java.time.Instant.ofEpochSecond(1_700_000_000L);
        for (int threads : new int[] {1, 4}) {
            io.docpulse.Build.run(new io.docpulse.Build.Options(content, dir.resolve("out" + threads),
                    io.docpulse.config.Config.defaults().withCacheDir(dir.resolve("cache" + threads).toString()), threads, now));
        }
        Map<String, byte[]> one = TestSites.files(dir.resolve("out1/tags"));
        Map<String, byte[]> many = TestSites.files(dir.resolve("out4/tags"));
        assertThat(one.keySet()).isEqualTo(many.keySet()).hasSize(5);
        for (String path : one.keySet()) assertThat(many.get(path)).as(path).isEqualTo(one.get(path));
    }

    @Test
    void slugsIgnoreCaseAndSpacing() {
        assertThat(TagPages.slug("Release  Notes")).isEqualTo(TagPages.slug("release notes")).isEqualTo("release-notes");
        assertThat(TagPages.slug("C#")).isEqualTo("c-sharp");
        assertThat(TagPages.slug("?!")).isEqualTo("tag");
    }
}
