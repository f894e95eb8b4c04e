package io.docpulse.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;

class SearchIndexTest {
    @TempDir
    Path dir;

    private List<Page> pages(Path content) throws IOException {
        ContentSet set = new ContentScanner(Set.of()).scan(content);
        return new ContentParser(new Routes(set, "/", "", "")).parse(set, 1).pages();
    }

    private Path site() throws IOException {
        return TestSites.write(dir.resolve("content"), Map.of(
                "README.md", "# Handbook\n\n[Deploy](deploy.md), [old](deploy-old.md), [keys](security/keys.md)\n",
                "deploy.md", "---\ndescription: Ship a release to production.\n---\n\n# Deploy\n\nUse the pipeline.\n",
                "deploy-old.md", "# Deploy\n\nThe old way to deploy, deploy and deploy again: deploy by hand.\n",
                "security/keys.md", """
                        # Signing keys

                        ## Rotating the signing key

                        Run `rotate_key --force` with kubectl v1.29, then restart the KeyService.
                        """));
    }

    /** A handbook where a question's words are spread over titles, as in the examples. */
    private Path handbook() throws IOException {
        return TestSites.write(dir.resolve("handbook"), Map.of(
                "README.md", "# Handbook\n\nStart with [onboarding](onboarding.md).\n",
                "onboarding.md", """
                        # What should I be doing?

                        In your first week, read the handbook and meet your team.
                        """,
                "weekend.md", """
                        # Saturday

                        Offices are closed on Saturday and Sunday.
                        """,
                "it-support.md", """
                        # IT support

                        The help desk repairs hardware. If your laptop died, anyone from IT on call can fix a
                        broken laptop, even on a Saturday: open a ticket first. Many other things are covered
                        here too: monitors, keyboards, printers, accounts, passwords, phones and desks.
                        """,
                "deploys.md", """
                        # Releases

                        When a deploy fails, roll back with the pipeline and tell the team.
                        """));
    }

    @Test
    void questionWordsDoNotScoreButAQueryOfOnlyThemStillFinds() throws IOException {
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), pages(handbook()), "/", p -> "/" + p.route())) {
            // "what", "should", "I" and "do" are in the title of onboarding.md; the question is about deploys
            assertThat(index.rankPages("what should I do when a deploy fails", 3)).startsWith("deploys.md");
            assertThat(index.rankPages("what should I do when a deploy fails", 3)).doesNotContain("onboarding.md");
            // nothing but question words: they are kept, and the page titled with them is found
            assertThat(index.rankPages("what should I do", 3)).startsWith("onboarding.md");
            assertThat(index.rankPages("What should I be doing?", 3)).startsWith("onboarding.md");
        }
    }

    @Test
    void aBodyWithEveryWordOfTheQuestionBeatsOneTitleWord() throws IOException {
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), pages(handbook()), "/", p -> "/" + p.route())) {
            assertThat(index.rankPages("laptop died on a Saturday, can anyone from IT fix it?", 3))
                    .startsWith("it-support.md");
            // a title still wins when the query is the title
            assertThat(index.rankPages("saturday", 3)).startsWith("weekend.md");
        }
    }

    @Test
    void stemmingAndCodeTokens() throws IOException {
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), pages(site()), "/", p -> "/" + p.route())) {
            assertThat(index.rankPages("rotate the signing keys", 3)).startsWith("security/keys.md");
            assertThat(index.rankPages("rotate_key", 3)).containsExactly("security/keys.md");
            assertThat(index.rankPages("--force", 3)).containsExactly("security/keys.md");
            assertThat(index.rankPages("kubectl", 3)).containsExactly("security/keys.md");
            assertThat(index.rankPages("v1.29", 3)).containsExactly("security/keys.md");
            // CamelCase is split into its words too
            assertThat(index.rankPages("key service", 3)).startsWith("security/keys.md");
            assertThat(index.rankPages("\"old way\"", 3)).containsExactly("deploy-old.md");
            assertThat(index.rankPages("deploy -hand", 3)).doesNotContain("deploy-old.md");
            assertThat(index.rankPages("rot*", 3)).containsExactly("security/keys.md");
        }
    }

    @Test
    void sectionResultsDeepLinkToTheirHeading() throws IOException {
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), pages(site()), "/", p -> "/" + p.route())) {
            Hit hit = index.search("restart after rotating", 1).get(0);
            assertThat(hit.url()).isEqualTo("/security/keys/#rotating-the-signing-key");
            assertThat(hit.section()).isEqualTo("Rotating the signing key");
            assertThat(hit.title()).isEqualTo("Signing keys");
            assertThat(hit.snippet()).contains("<mark>restart</mark>");
        }
    }

    @Test
    void theIndexIsReusedUntilAPageChanges() throws IOException {
        Path content = site();
        try (SearchIndex first = SearchIndex.openOrBuild(dir.resolve("index"), pages(content), "/", p -> "/" + p.route())) {
            assertThat(first.reused()).isFalse();
        }
        try (SearchIndex again = SearchIndex.openOrBuild(dir.resolve("index"), pages(content), "/", p -> "/" + p.route())) {
            assertThat(again.reused()).isTrue();
        }
        Files.writeString(content.resolve("deploy.md"), "# Deploy\n\nNow with canary releases.\n");
        try (SearchIndex changed = SearchIndex.openOrBuild(dir.resolve("index"), pages(content), "/", p -> "/" + p.route())) {
            assertThat(changed.reused()).isFalse();
            assertThat(changed.rankPages("canary", 3)).containsExactly("deploy.md");
        }
    }

    @Test
    void aTitleCollisionIsReportedWithTheCompetingPage() throws IOException {
        Path content = site();
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        JsonNode dup = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals("duplicate-title") && f.get("file").asText().equals("deploy.md")) dup = f;
        }
        assertThat(dup).isNotNull();
        assertThat(dup.get("message").asText()).contains("`deploy-old.md`");
        JsonNode deploy = null;
        for (JsonNode p : report.get("pages")) if (p.get("path").asText().equals("deploy.md")) deploy = p;
        JsonNode title = deploy.get("findability").get("queries").get(0);
        assertThat(title.get("kind").asText()).isEqualTo("title");
        assertThat(title.get("query").asText()).isEqualTo("Deploy");
        assertThat(report.get("scores").get("findability").asInt()).isBetween(0, 100);
        assertThat(deploy.get("findability").get("score").asInt()).isBetween(0, 100);
        TestSites.Run search = TestSites.run("search", "--content", content.toString(), "--cache-dir",
                dir.resolve("cache").toString(), "--json", "signing", "key");
        assertThat(search.exitCode()).isZero();
        JsonNode results = new ObjectMapper().readTree(search.out()).get("results");
        assertThat(results.get(0).get("path").asText()).isEqualTo("security/keys.md");
    }

    /** A terminal search on unchanged files reads no page; a saved page is searched as saved. */
    @Test
    void searchSkipsParsingUntilAFileChanges() throws IOException {
        Path content = site();
        Path cache = dir.resolve("cache");
        TestSites.Run first = TestSites.run("search", "--content", content.toString(), "--cache-dir", cache.toString(),
                "--json", "pipeline");
        assertThat(first.exitCode()).as(first.err()).isZero();
        ContentSet set = new ContentScanner(Set.of()).scan(content);
        Path index = cache.resolve("index");
        try (SearchIndex reused = SearchIndex.openIfUnchanged(index, SearchIndex.stamp(set, "/")).orElseThrow()) {
            assertThat(reused.rankPages("pipeline", 3)).containsExactly("deploy.md");
        }
        Path deploy = content.resolve("deploy.md");
        Files.writeString(deploy, Files.readString(deploy) + "\nCanary releases go first.\n");
        Files.setLastModifiedTime(deploy, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(deploy).toMillis() + 5000));
        assertThat(SearchIndex.openIfUnchanged(index, SearchIndex.stamp(new ContentScanner(Set.of()).scan(content), "/")))
                .isEmpty();
        TestSites.Run changed = TestSites.run("search", "--content", content.toString(), "--cache-dir",
                cache.toString(), "--json", "canary");
        JsonNode results = new ObjectMapper().readTree(changed.out()).get("results");
        assertThat(results.get(0).get("path").asText()).isEqualTo("deploy.md");
        // and the next search finds the rebuilt index fresh again
        try (SearchIndex fresh = SearchIndex.openIfUnchanged(index,
                SearchIndex.stamp(new ContentScanner(Set.of()).scan(content), "/")).orElseThrow()) {
            assertThat(fresh.rankPages("canary", 3)).containsExactly("deploy.md");
        }
    }

    /** A pasted paragraph is a query too: it is cut, not an error (Lucene allows 1024 clauses). */
    @Test
    void aVeryLongQueryIsCutNotAnError() throws IOException {
        StringBuilder longQuery = new StringBuilder("rotate signing key");
        for (int i = 0; i < 300; i++) longQuery.append(" word").append(i).append(" some.dotted.code_name").append(i);
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), pages(site()), "/", p -> "/" + p.route())) {
            assertThat(index.rankPages(longQuery.toString(), 3)).startsWith("security/keys.md");
            assertThat(index.search(longQuery.toString(), 3)).isNotEmpty();
            assertThat(SearchIndex.terms(index.parse(longQuery.toString()))).isLessThanOrEqualTo(SearchIndex.MAX_QUERY_TERMS);
        }
    }
}
