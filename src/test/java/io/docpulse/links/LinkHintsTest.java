package io.docpulse.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** Findings tell the writer what to write: an address's missing scheme, a path as the page would link it. */
class LinkHintsTest {
    @TempDir
    static Path dir;
    static List<JsonNode> findings = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        Path content = TestSites.write(dir.resolve("c"), Map.of(
                "README.md", """
                        # Home

                        Visit www.example.com. Or [the app](app.example.com), [mail us](name@example.com),
                        [docs](docs.example.io/guide?x=1), [site](example.com).

                        [m1](mailto:john) [m2](mailto:) [m3](mailto:a@b.com,c@d.org?subject=hi&cc=e@f.net) [m4](mailto:?to=x@y.com)

                        Files, not addresses: [notes](release-notes.md) [cfg](config.yaml) [v](v1.2.3) [tgz](archive.tar.gz)

                        [ops](operations/)
                        """,
                "operations/README.md", """
                        # Operations

                        See [areas](areas-of-resposibility.md#owners), [up](../READM.md), [abs](/operations/area-of-responsibility.md)
                        and [this](#_).

                        ## No

                        Text.
                        """,
                "operations/areas-of-responsibility.md", "# Areas\n\n## Owners\n\n[back](README.md)\n"));
        TestSites.build(dir, content);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        for (JsonNode f : report.get("findings")) {
            if (!TestSites.BACKGROUND_RULES.contains(f.get("rule").asText())) findings.add(f);
        }
    }

    private static List<JsonNode> in(String file) {
        return findings.stream().filter(f -> f.get("file").asText().equals(file)).toList();
    }

    @Test
    void anAddressWithoutItsSchemeIsToldWhatToWrite() {
        assertThat(in("README.md")).extracting(f -> f.get("rule").asText(), f -> f.get("line").asInt(),
                        f -> f.get("column").asInt(), f -> f.get("hint").asText())
                .startsWith(
                        tuple("missing-scheme", 3, 27, "write `https://app.example.com`"),
                        tuple("missing-scheme", 3, 55, "write `mailto:name@example.com`"),
                        tuple("missing-scheme", 4, 1, "write `https://docs.example.io/guide?x=1`"),
                        tuple("missing-scheme", 4, 36, "write `https://example.com`"));
        // the www. autolink becomes http://www.example.com in the page: a web link, not a missing file
        assertThat(in("README.md")).noneMatch(f -> f.get("message").asText().contains("`www.example.com`"));
    }

    @Test
    void mailtoAddressesAreChecked() {
        assertThat(in("README.md")).filteredOn(f -> f.get("rule").asText().equals("invalid-mailto"))
                .extracting(f -> f.get("column").asInt(), f -> f.get("message").asText())
                .containsExactly(
                        tuple(1, "`mailto:john` has `john`, which is not an email address, so a reader's mail program"
                                + " opens with no one to write to"),
                        tuple(19, "`mailto:` has no address, so a reader's mail program opens with no one to write to"));
    }

    @Test
    void filesAreStillMissingFilesAndSayNothingTwice() {
        assertThat(in("README.md")).filteredOn(f -> f.get("line").asInt() == 8)
                .extracting(f -> f.get("rule").asText(), f -> f.get("message").asText())
                .containsExactly(
                        tuple("broken-link", "`release-notes.md` is not in the content"),
                        tuple("missing-asset", "`config.yaml` is not in the content"),
                        tuple("missing-asset", "`v1.2.3` is not in the content"),
                        tuple("missing-asset", "`archive.tar.gz` is not in the content"));
    }

    @Test
    void hintsAreWrittenAsThePageShouldLink() {
        assertThat(in("operations/README.md")).extracting(f -> f.get("message").asText(), f -> f.get("hint").asText())
                .containsExactly(
                        tuple("`areas-of-resposibility.md#owners` points to `operations/areas-of-resposibility.md`,"
                                + " which is not in the content", "did you mean `areas-of-responsibility.md#owners`?"),
                        tuple("`../READM.md` points to `READM.md`, which is not in the content", "did you mean `../README.md`?"),
                        tuple("`/operations/area-of-responsibility.md` points to `operations/area-of-responsibility.md`,"
                                + " which is not in the content", "did you mean `/operations/areas-of-responsibility.md`?"),
                        tuple("`#_`: this page has no heading or anchor `#_`", "link to one of its headings, for example `#operations`"));
        // report.json keeps the content path, for tools
        assertThat(in("operations/README.md").get(0).get("details").get("suggestion").asText())
                .isEqualTo("operations/areas-of-responsibility.md");
    }
}
