package io.docpulse.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.Build;
import io.docpulse.config.Config;

/** Real git repositories made with JGit, with commits at chosen dates by chosen authors. */
class FreshnessTest {
    @TempDir
    Path dir;
    Path repo;
    Git git;
    final List<RevCommit> commits = new ArrayList<>();

    @BeforeEach
    void init() throws Exception {
        repo = dir.resolve("repo");
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    }

    private void write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private RevCommit commit(String date, String author, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent(author, author.toLowerCase() + "@example.com",
                Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC);
        RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
        commits.add(c);
        return c;
    }

    private JsonNode build(String now) throws Exception {
        Config config = Config.defaults().withCacheDir(dir.resolve("cache").toString());
        Build.run(new Build.Options(repo.resolve("docs"), dir.resolve("out"), config, 2, Instant.parse(now + "T00:00:00Z")));
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    private static JsonNode page(JsonNode report, String path) {
        for (JsonNode p : report.get("pages")) if (p.get("path").asText().equals(path)) return p;
        throw new AssertionError("no page " + path);
    }

    private static List<String> rules(JsonNode report, String file) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) if (f.get("file").asText().equals(file)) out.add(f.get("rule").asText());
        return out;
    }

    /** A history with a real change, a reformat, a move, and an ignored revision. */
    private void history() throws Exception {
        write("README.md", "# Outside the docs folder\n");
        write("docs/README.md", "# Docs\n\n[a](a.md) [b](b.md)\n");
        write("docs/a.md", "---\ntype: runbook\n---\n\n# A\n\nRestart the service with the restart command.\n");
        write("docs/b.md", "# B\n\nSome text that stays.\n");
        commit("2024-01-10", "Alice", "add docs");
        write("docs/a.md", "---\ntype: runbook\n---\n\n# A\n\nRestart the service with `svc restart`, then check the logs.\n");
        commit("2024-03-01", "Bob", "real change");
        write("docs/a.md", "---\ntype:   runbook\n---\n\n# A\n\nRestart the service with `svc restart`,\nthen check the logs.\n");
        commit("2024-05-01", "Carol", "rewrap lines");
        Files.createDirectories(repo.resolve("docs/guide"));
        Files.move(repo.resolve("docs/b.md"), repo.resolve("docs/guide/b.md"));
        write("docs/README.md", "# Docs\n\n[a](a.md) [b](guide/b.md)\n");
        commit("2024-06-01", "Dan", "move b");
        write("docs/a.md", "---\ntype: runbook\n---\n\n# A\n\nRestart the service with `svc restart`, then check the logs!\n");
        RevCommit bulk = commit("2024-07-01", "Eve", "bulk fix");
        write(".git-blame-ignore-revs", "# bulk punctuation fix\n" + bulk.name() + "\n");
        commit("2024-07-02", "Eve", "ignore the bulk fix in blame");
    }

    @Test
    void lastRealChangeAuthorAndCommitsFromOneWalk() throws Exception {
        history();
        JsonNode report = build("2024-08-01");
        JsonNode a = page(report, "a.md");
        assertThat(a.get("lastUpdated").asText()).isEqualTo("2024-03-01T12:00:00Z");
        assertThat(a.get("lastAuthor").asText()).isEqualTo("Bob");
        assertThat(a.get("lastCommit").asText()).isEqualTo(commits.get(1).name());
        assertThat(a.get("commits").asInt()).isEqualTo(4);
        assertThat(a.get("ignoredCommits")).extracting(n -> n.get("author").asText() + ": " + n.get("reason").asText())
                .containsExactly("Eve: listed in .git-blame-ignore-revs", "Carol: only changed whitespace or line wrapping");
        JsonNode b = page(report, "guide/b.md");
        assertThat(b.get("lastUpdated").asText()).isEqualTo("2024-01-10T12:00:00Z");
        assertThat(b.get("lastAuthor").asText()).isEqualTo("Alice");
        assertThat(b.get("commits").asInt()).isEqualTo(2);
        assertThat(b.get("ignoredCommits").get(0).get("reason").asText()).isEqualTo("only moved the file (from docs/b.md)");
        assertThat(page(report, "README.md").get("lastAuthor").asText()).isEqualTo("Dan");
        assertThat(a.get("dateSource").asText()).isEqualTo("git");
    }

    @Test
    void aPageCreatedInAnIgnoredRevisionStillHasADate() throws Exception {
        write("docs/README.md", "# Docs\n");
        commit("2024-01-01", "Ann", "init");
        write("docs/new.md", "# New\n");
        RevCommit bulk = commit("2024-01-02", "Bob", "reformat and add a page");
        write(".git-blame-ignore-revs", bulk.name() + "\n");
        commit("2024-01-03", "Bob", "ignore it");
        JsonNode report = build("2024-02-01");
        assertThat(page(report, "new.md").get("lastUpdated").asText()).isEqualTo("2024-01-02T12:00:00Z");
    }

    @Test
    void aMergeCountsOnlyWhereItResolvedAConflict() throws Exception {
        write("docs/README.md", "# Docs\n\n[a](a.md) [b](b.md)\n");
        write("docs/a.md", "# A\n\nOne.\n");
        write("docs/b.md", "# B\n\nOne.\n");
        commit("2024-01-01", "Ann", "init");
        git.branchCreate().setName("topic").call();
        write("docs/a.md", "# A\n\nMain's sentence.\n");
        commit("2024-01-02", "Bob", "edit a on main");
        git.checkout().setName("topic").call();
        write("docs/a.md", "# A\n\nTopic's sentence.\n");
        write("docs/b.md", "# B\n\nOnly the topic changed b.\n");
        commit("2024-01-03", "Cat", "edit a and b on topic");
        git.checkout().setName("main").call();
        git.merge().include(git.getRepository().resolve("topic")).setCommit(false).call();
        write("docs/a.md", "# A\n\nBoth sentences, resolved.\n");
        commit("2024-01-04", "Dan", "merge topic");
        JsonNode report = build("2024-02-01");
        // a.md was resolved in the merge: the merge is its last change, as git log -- a.md says
        assertThat(page(report, "a.md").get("lastAuthor").asText()).isEqualTo("Dan");
        // b.md came over unchanged from the branch: the branch commit is its last change
        assertThat(page(report, "b.md").get("lastAuthor").asText()).isEqualTo("Cat");
    }

    @Test
    void anEditOnMainSurvivesARenameOnABranch() throws Exception {
        write("docs/README.md", "# Docs\n\n[guide](guide.md)\n");
        write("docs/old-name.md", "# Guide\n\nThe first text.\n");
        commit("2024-01-01", "Ann", "init");
        git.branchCreate().setName("topic").call();
        git.checkout().setName("topic").call();
        Files.move(repo.resolve("docs/old-name.md"), repo.resolve("docs/guide.md"));
        write("docs/README.md", "# Docs\n\n[guide](guide.md)\n");
        commit("2024-01-02", "Cat", "rename on topic");
        git.checkout().setName("main").call();
        // main edits the page under its old name, after the branch renamed it
        write("docs/old-name.md", "# Guide\n\nThe first text, and a sentence from main.\n");
        commit("2024-01-05", "Bob", "edit on main");
        // the merge as git makes it, following the rename: main's text under the branch's name
        git.merge().include(git.getRepository().resolve("topic")).setCommit(false)
                .setStrategy(org.eclipse.jgit.merge.MergeStrategy.OURS).call();
        Files.move(repo.resolve("docs/old-name.md"), repo.resolve("docs/guide.md"));
        commit("2024-01-06", "Dan", "merge topic");
        assertThat(commits.get(commits.size() - 1).getParentCount()).isEqualTo(2);
        JsonNode report = build("2024-02-01");
        JsonNode guide = page(report, "guide.md");
        // the last real change is main's edit, made to the page under its old name
        assertThat(guide.get("lastAuthor").asText()).isEqualTo("Bob");
        assertThat(guide.get("lastUpdated").asText()).isEqualTo("2024-01-05T12:00:00Z");
        // created by Ann, renamed by Cat, edited by Bob: the merge itself changed nothing
        assertThat(guide.get("commits").asInt()).isEqualTo(3);
    }

    @Test
    void budgetsMakePagesStaleAndSayByHowMuch() throws Exception {
        history();
        write("docs/c.md", "---\ntype: decision\nstatus: accepted\n---\n\n# An old decision\n");
        write("docs/d.md", "---\nreview_by: 2024-12-01\n---\n\n# Due for review\n");
        write("docs/e.md", "---\ntype: runbook\nreviewed: 2024-12-20\n---\n\n# Reviewed recently\n");
        commit("2020-01-01", "Frank", "old pages");
        JsonNode report = build("2025-01-01");
        JsonNode a = page(report, "a.md");
        assertThat(a.get("type").asText()).isEqualTo("runbook");
        assertThat(a.get("typeSource").asText()).isEqualTo("front-matter");
        assertThat(a.get("ageDays").asInt()).isEqualTo(305);
        assertThat(a.get("budgetDays").asInt()).isEqualTo(90);
        assertThat(a.get("stale").asBoolean()).isTrue();
        assertThat(rules(report, "a.md")).contains("stale-page");
        JsonNode finding = null;
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals("stale-page") && f.get("file").asText().equals("a.md")) finding = f;
        assertThat(finding.get("message").asText()).isEqualTo("stale: last updated 305 days ago (2024-03-01),"
                + " 215 days over the 90-day budget for runbook pages; no owner");
        assertThat(page(report, "c.md").get("stale").asBoolean()).isFalse();
        assertThat(page(report, "c.md").get("budgetDays").isNull()).isTrue();
        assertThat(page(report, "d.md").get("stale").asBoolean()).isTrue();
        JsonNode e = page(report, "e.md");
        assertThat(e.get("stale").asBoolean()).isFalse();
        assertThat(e.get("dateSource").asText()).isEqualTo("reviewed");
        assertThat(e.get("lastUpdated").asText()).isEqualTo("2024-12-20T00:00:00Z");
        // the page says it, with a banner when stale
        String html = Files.readString(dir.resolve("out/a/index.html"));
        assertThat(html).contains("class=\"stale-banner\"").contains("Last updated <time datetime=\"2024-03-01T12:00:00Z\""
                + " title=\"2024-03-01\">10 months ago</time> by Bob");
        assertThat(Files.readString(dir.resolve("out/e/index.html"))).doesNotContain("stale-banner");
    }

    @Test
    void ownersFromFrontMatterElseTheLastMatchingCodeownersRule() throws Exception {
        history();
        write(".github/CODEOWNERS", """
                # overlapping rules: the last match wins
                *              @org/all
                /docs/         @org/docs
                /docs/guide/   @org/guides
                docs/a.md      @alice @bob
                """);
        write("docs/c.md", "---\nowner: \"@carol\"\n---\n\n# C\n");
        commit("2024-07-10", "Alice", "owners");
        JsonNode report = build("2024-08-01");
        assertThat(page(report, "a.md").get("owner").asText()).isEqualTo("@alice @bob");
        assertThat(page(report, "a.md").get("ownerSource").asText()).isEqualTo("codeowners");
        assertThat(page(report, "guide/b.md").get("owner").asText()).isEqualTo("@org/guides");
        assertThat(page(report, "README.md").get("owner").asText()).isEqualTo("@org/docs");
        assertThat(page(report, "c.md").get("owner").asText()).isEqualTo("@carol");
        assertThat(page(report, "c.md").get("ownerSource").asText()).isEqualTo("front-matter");
        assertThat(Files.readString(dir.resolve("out/a/index.html"))).contains("· owner @alice @bob");
    }

    @Test
    void pagesWithoutOwnerGetANote() throws Exception {
        history();
        JsonNode report = build("2024-08-01");
        assertThat(page(report, "a.md").get("ownerSource").asText()).isEqualTo("none");
        assertThat(rules(report, "a.md")).contains("no-owner");
    }

    @Test
    void uncommittedChangesCountAsChangedNow() throws Exception {
        history();
        write("docs/guide/b.md", "# B\n\nEdited, not committed.\n");
        write("docs/new.md", "# New\n");
        JsonNode report = build("2024-08-01");
        assertThat(page(report, "guide/b.md").get("dateSource").asText()).isEqualTo("uncommitted");
        assertThat(page(report, "guide/b.md").get("lastUpdated").asText()).isEqualTo("2024-08-01T00:00:00Z");
        assertThat(page(report, "new.md").get("dateSource").asText()).isEqualTo("uncommitted");
    }

    @Test
    void aShallowCloneIsDetectedAndNoDateIsInvented() throws Exception {
        history();
        Path shallow = dir.resolve("shallow");
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(shallow.toFile()).setDepth(1).call().close();
        Config config = Config.defaults().withCacheDir(dir.resolve("cache").toString());
        Build.run(new Build.Options(shallow.resolve("docs"), dir.resolve("out2"), config, 1,
                Instant.parse("2024-08-01T00:00:00Z")));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out2/report.json").toFile());
        List<JsonNode> shallowWarnings = new ArrayList<>();
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals("shallow-clone")) shallowWarnings.add(f);
        assertThat(shallowWarnings).hasSize(1);
        assertThat(shallowWarnings.get(0).get("hint").asText()).contains("fetch-depth: 0");
        JsonNode a = page(report, "a.md");
        assertThat(a.get("lastUpdated").isNull()).isTrue();
        assertThat(a.get("dateSource").asText()).isEqualTo("unknown");
        assertThat(a.get("stale").asBoolean()).isFalse();
    }

    @Test
    void outsideGitFileTimesAreNoDatesUnlessTheUserOptsIn() throws Exception {
        Path plain = dir.resolve("plain/docs");
        Files.createDirectories(plain);
        Files.writeString(plain.resolve("README.md"), "# Home\n");
        Files.writeString(plain.resolve("x.md"), "# X\n");
        Files.setLastModifiedTime(plain.resolve("x.md"), java.nio.file.attribute.FileTime.from(Instant.parse("2023-05-05T00:00:00Z")));
        Config config = Config.defaults().withCacheDir(dir.resolve("cache").toString());
        Build.run(new Build.Options(plain, dir.resolve("out3"), config, 1, Instant.parse("2024-08-01T00:00:00Z")));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out3/report.json").toFile());
        assertThat(rules(report, "")).containsExactly("no-git-history");
        JsonNode warning = null;
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals("no-git-history")) warning = f;
        assertThat(warning.get("hint").asText()).contains("fetch-depth: 0").contains("freshness.file_times: true");
        // a file's time is when it was copied: no date, no age, never stale, no "Last updated"
        JsonNode x = page(report, "x.md");
        assertThat(x.get("lastUpdated").isNull()).isTrue();
        assertThat(x.get("dateSource").asText()).isEqualTo("unknown");
        assertThat(x.get("stale").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("out3/x/index.html"))).doesNotContain("Last updated");
    }

    @Test
    void withFileTimesOnThePageSaysItsDateIsTheFilesTime() throws Exception {
        Path plain = dir.resolve("plain/docs");
        Files.createDirectories(plain);
        Files.writeString(plain.resolve("README.md"), "# Home\n");
        Files.writeString(plain.resolve("x.md"), "# X\n");
        Files.writeString(dir.resolve("plain/docpulse.yml"), "freshness:\n  file_times: true\n");
        Files.setLastModifiedTime(plain.resolve("x.md"), java.nio.file.attribute.FileTime.from(Instant.parse("2023-05-05T00:00:00Z")));
        io.docpulse.TestSites.Run run = io.docpulse.TestSites.run("build", "--content", plain.toString(),
                "--out", dir.resolve("out4").toString(), "--cache-dir", dir.resolve("cache").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out4/report.json").toFile());
        JsonNode x = page(report, "x.md");
        assertThat(x.get("lastUpdated").asText()).isEqualTo("2023-05-05T00:00:00Z");
        assertThat(x.get("dateSource").asText()).isEqualTo("file-time");
        assertThat(Files.readString(dir.resolve("out4/x/index.html")))
                .containsPattern("Last updated <time datetime=\"2023-05-05T00:00:00Z\"[^>]*>[^<]+</time> \\(the file's modification time\\)");
    }

    @Test
    void typesFromPathConventions() {
        assertThat(FreshnessAnalyzer.typeFromPath("runbooks/restart-db.md")).isEqualTo("runbook");
        assertThat(FreshnessAnalyzer.typeFromPath("decisions/0003-pretty-urls.md")).isEqualTo("decision");
        assertThat(FreshnessAnalyzer.typeFromPath("text/0002-rfc-process.md")).isEqualTo("decision");
        assertThat(FreshnessAnalyzer.typeFromPath("onboarding/README.md")).isEqualTo("onboarding");
        assertThat(FreshnessAnalyzer.typeFromPath("reference/cli.md")).isEqualTo("reference");
        assertThat(FreshnessAnalyzer.typeFromPath("guides/themes.md")).isEqualTo("guide");
        assertThat(FreshnessAnalyzer.typeFromPath("notes.md")).isEmpty();
    }

    @Test
    void codeownersPatternsFollowGitHub() {
        CodeOwners owners = CodeOwners.parse(List.of("*.md @writers", "docs/* @docs", "/apps/ @apps",
                "**/logs @logs", "build/logs/ @build"), "CODEOWNERS");
        assertThat(owners.ownersOf("README.md")).contains(List.of("@writers"));
        assertThat(owners.ownersOf("docs/a.md")).contains(List.of("@docs"));
        assertThat(owners.ownersOf("docs/team/b.md")).contains(List.of("@writers"));
        assertThat(owners.ownersOf("apps/x/y.txt")).contains(List.of("@apps"));
        assertThat(owners.ownersOf("deep/down/logs/z.txt")).contains(List.of("@logs"));
        assertThat(owners.ownersOf("build/logs/z.txt")).contains(List.of("@build"));
        assertThat(owners.ownersOf("other/x.txt")).isEqualTo(Optional.empty());
    }
}
