package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** Each broken input gives a finding with file and line, and the rest of the site still builds. */
class InvalidInputTest {
    @TempDir
    Path dir;

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    /** Findings other than those every unlinked, unowned, non-git fixture gets. */
    private java.util.List<JsonNode> problems() throws IOException {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode f : report().get("findings")) {
            if (!io.docpulse.TestSites.BACKGROUND_RULES.contains(f.get("rule").asText())) {
                out.add(f);
            }
        }
        return out;
    }

    private TestSites.Run buildInvalid(String name) throws IOException {
        Path content = copyInvalid(name);
        return TestSites.build(dir, content);
    }

    private Path copyInvalid(String name) throws IOException {
        Path src = Path.of("src/test/resources/sites-invalid", name);
        Path content = dir.resolve("content");
        try (var files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path t = content.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return content;
    }

    @Test
    void reportsMalformedFrontMatterWithLineAndStillBuilds() throws IOException {
        TestSites.Run run = buildInvalid("bad-front-matter");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("page.md:3:").contains("error: front matter is not valid YAML")
                .contains("[front-matter-invalid]").contains("hint:");
        JsonNode f = problems().get(0);
        assertThat(f.get("rule").asText()).isEqualTo("front-matter-invalid");
        assertThat(f.get("file").asText()).isEqualTo("page.md");
        assertThat(f.get("line").asInt()).isEqualTo(3);
        assertThat(dir.resolve("out/page/index.html")).content().contains("Body still renders");
        assertThat(dir.resolve("out/index.html")).exists();
    }

    @Test
    void reportsUnclosedFrontMatter() throws IOException {
        buildInvalid("unclosed-front-matter");
        JsonNode f = problems().get(0);
        assertThat(f.get("rule").asText()).isEqualTo("front-matter-unclosed");
        assertThat(f.get("line").asInt()).isEqualTo(1);
    }

    @Test
    void reportsBadValuesOnTheirLines() throws IOException {
        buildInvalid("bad-values");
        assertThat(problems()).extracting(n -> n.get("line").asInt(), n -> n.get("severity").asText())
                .containsExactly(tuple(3, "warning"), tuple(4, "warning"), tuple(5, "warning"));
        assertThat(report().get("pages").get(0).get("title").asText()).isEqualTo("Values");
    }

    @Test
    void invalidUtf8BinaryAndEmptyFiles() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("README.md"), "# Home\n");
        Files.write(content.resolve("latin1.md"), "# Caf\u00e9\n\nline two\nna\u00efve\n".getBytes("ISO-8859-1"));
        Files.write(content.resolve("image.md"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.writeString(content.resolve("empty.md"), "");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isZero();
        java.util.List<JsonNode> findings = problems();
        assertThat(findings).extracting(n -> n.get("file").asText(), n -> n.get("rule").asText(), n -> n.get("line").asInt())
                .containsExactly(tuple("empty.md", "empty-page", 0), tuple("image.md", "binary-file", 0),
                        tuple("latin1.md", "invalid-utf8", 1));
        assertThat(dir.resolve("out/latin1/index.html")).exists();
        assertThat(dir.resolve("out/image")).doesNotExist();
        assertThat(dir.resolve("out/empty/index.html")).exists();
    }

    @Test
    void strictFailsOnWarningsWithExitCode1() throws IOException {
        Path content = copyInvalid("bad-values");
        TestSites.Run run = TestSites.build(dir, content, "--strict");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--strict: 4 errors or warnings fail the run");
    }

    @Test
    void symlinkOutOfTheContentIsReportedNotFollowed() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("README.md"), "# Home\n");
        Path secret = dir.resolve("secret.md");
        Files.writeString(secret, "# Secret\n");
        Files.createSymbolicLink(content.resolve("leak.md"), secret);
        TestSites.build(dir, content);
        assertThat(problems().get(0).get("rule").asText()).isEqualTo("symlink-outside-content");
        assertThat(dir.resolve("out/leak")).doesNotExist();
        assertThat(report().get("pages")).hasSize(1);
    }

    /** A site of a home page and {@code deep.md}, built; the home page must build whatever deep.md holds. */
    private TestSites.Run buildWithPage(String markdown) throws IOException {
        Path content = TestSites.write(dir.resolve("content"),
                java.util.Map.of("README.md", "# Home\n\nThe rest of the site.\n", "deep.md", markdown));
        return TestSites.build(dir, content);
    }

    private void assertFlattenedAt(TestSites.Run run, int line, String deepestText) throws IOException {
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("StackOverflowError").contains("deep.md:" + line + ":");
        assertThat(problems()).extracting(n -> n.get("file").asText(), n -> n.get("rule").asText(), n -> n.get("line").asInt())
                .containsExactly(tuple("deep.md", "too-deeply-nested", line));
        assertThat(dir.resolve("out/deep/index.html")).content().contains(deepestText);
        assertThat(dir.resolve("out/index.html")).content().contains("The rest of the site.");
    }

    @Test
    void fiveHundredNestedQuotesAreFlattenedAndReportedOnTheirLine() throws IOException {
        TestSites.Run run = buildWithPage("# Deep\n\n" + ">".repeat(500) + " bottom\n");
        assertFlattenedAt(run, 3, "bottom");
        String html = TestSites.read(dir.resolve("out/deep/index.html"));
        assertThat(html.split("<blockquote", -1)).hasSize(MarkdownNesting.MAX_DEPTH + 1);
    }

    @Test
    void fiveHundredNestedListItemsAreFlattenedAndReportedOnTheFirstTooDeepLine() throws IOException {
        StringBuilder md = new StringBuilder("# Deep\n\n");
        for (int i = 0; i < 500; i++) md.append("  ".repeat(i)).append("- item").append(i).append('\n');
        TestSites.Run run = buildWithPage(md.toString());
        // items start on line 3; the item at index MAX_DEPTH (counting from 0) is one level too deep
        assertFlattenedAt(run, 3 + MarkdownNesting.MAX_DEPTH, "item499");
        // the items below the last level kept join its text
        String last = "item" + (MarkdownNesting.MAX_DEPTH - 1);
        assertThat(dir.resolve("out/deep/index.html")).content().contains("<li>" + last + "\nitem" + MarkdownNesting.MAX_DEPTH + "\n")
                .doesNotContain("<li>item" + MarkdownNesting.MAX_DEPTH);
    }

    @Test
    void tenThousandOrderedListMarkersOnOneLineAreFlattened() throws IOException {
        TestSites.Run run = buildWithPage("# Deep\n\n" + "1. ".repeat(10_000) + "innermost\n");
        assertFlattenedAt(run, 3, "innermost");
    }

    @Test
    void aTwoThousandCharacterLinkTitleIsParsedAsATitle() throws IOException {
        String title = "t".repeat(2000);
        TestSites.Run run = buildWithPage("# Titled\n\nSee [home](README.md \"" + title + "\").\n");
        assertThat(run.exitCode()).isZero();
        assertThat(problems()).isEmpty();
        assertThat(dir.resolve("out/deep/index.html")).content().contains("title=\"" + title + "\"");
    }

    @Test
    void aWordLongerThanLucenesTermLimitDoesNotStopBuildCheckOrSearch() throws IOException {
        String immense = "a".repeat(33_000);
        Path content = TestSites.write(dir.resolve("content"), java.util.Map.of(
                "README.md", "# Home\n\nThe rest of the site.\n",
                "long.md", "---\nowner: " + "o".repeat(33_000) + "\ntype: " + "t".repeat(33_000) + "\n---\n"
                        + "# Long\n\nfindme " + immense + "\n"));
        TestSites.Run build = TestSites.build(dir, content);
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(dir.resolve("out/long/index.html")).content().contains("findme");
        String[] common = {"--content", content.toString(), "--cache-dir", dir.resolve("cache").toString()};
        TestSites.Run check = TestSites.run(concat(new String[]{"check"}, common));
        assertThat(check.exitCode()).as(check.err()).isZero();
        TestSites.Run found = TestSites.run(concat(new String[]{"search", "--json"}, common, new String[]{"findme"}));
        assertThat(found.exitCode()).as(found.err()).isZero();
        assertThat(found.out()).contains("long.md");
        TestSites.Run immenseQuery = TestSites.run(concat(new String[]{"search"}, common, new String[]{immense}));
        assertThat(immenseQuery.exitCode()).as(immenseQuery.err()).isZero();
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void aPageTheParserCannotReadIsShownAsTextWithAnErrorOnItsLine() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), java.util.Map.of("README.md", "# Home\n\nThe rest.\n",
                "stars.md", "# Stars\n\nFine text.\n\n" + "*".repeat(200_000) + "a\n\nMore <b>text</b>.\n"));
        ContentSet set = new ContentScanner(java.util.Set.of()).scan(content);
        // a small stack for the second try too, so that this page overflows both
        ParsedContent parsed = new ContentParser(new Routes(set, "/", "", ""), 256 << 10).parse(set, 1);
        assertThat(parsed.findings()).extracting(Finding::rule, f -> f.where().file(), f -> f.where().line(), Finding::severity)
                .containsExactly(tuple("page-not-rendered", "stars.md", 5, Severity.ERROR));
        assertThat(parsed.pages()).hasSize(2);
        Page stars = parsed.pages().stream().filter(p -> p.path().equals("stars.md")).findFirst().orElseThrow();
        assertThat(stars.html()).startsWith("<pre").contains("More &lt;b&gt;text&lt;/b&gt;.");
        assertThat(stars.text()).contains("Fine text.");
    }

    @Test
    void aSpaceInABareLinkDestinationIsTextAsInCommonMark() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), java.util.Map.of(
                "README.md", "# Home\n\n[Display Text](Link URL) is text; [spaced](<my page.md> \"t\") is a link.\n",
                "my page.md", "# Mine\n"));
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isZero();
        assertThat(problems()).isEmpty();
        assertThat(dir.resolve("out/index.html")).content().contains("[Display Text](Link URL) is text;")
                .contains(">spaced</a>");
    }

    @Test
    void reportsUndefinedReferencesWithTheHeadingTheyProbablyMeant() throws IOException {
        TestSites.Run run = buildInvalid("undefined-reference");
        assertThat(run.exitCode()).isZero();
        assertThat(problems()).extracting(n -> n.get("rule").asText(), n -> n.get("line").asInt(), n -> n.get("column").asInt())
                .containsExactly(tuple("undefined-reference", 3, 5), tuple("undefined-reference", 3, 28),
                        tuple("undefined-reference", 3, 64), tuple("undefined-reference", 4, 6),
                        tuple("undefined-reference", 4, 36));
        assertThat(run.err()).contains("README.md:3:5: warning: `[modules][#module]` is not a link")
                .contains("did you mean `[modules](#modules)`, a link to the heading \"Modules\"?")
                .contains("did you mean `[Potential](https://example.com/potential)`?")
                .contains("did you mean `[Getting started](#getting-started)`")
                .contains("define the label on a line of its own (`[the setup]: URL`)");
        assertThat(dir.resolve("out/index.html")).content().contains("[modules][#module]");
    }
}
