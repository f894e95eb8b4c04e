package io.docpulse.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.Build;
import io.docpulse.TestSites;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigLoader;
import io.docpulse.content.Page;

/**
 * {@code search.vectors: true} with the real model of target/docpulse-vectors.jar (built before the
 * tests run, in process-classes): ranking by meaning, the vector cache, and the missing jar.
 */
class VectorSearchTest {
    @TempDir
    Path dir;

    /** A handbook where no page uses the words of "working abroad". */
    static final Map<String, String> HANDBOOK = Map.of(
            "README.md", "# Handbook\n\nStart here: the pages below answer the questions new people ask most.\n",
            "relocation.md", """
                    # Relocation

                    ## Moving to another country

                    When you move to another country, the company pays for the flights and helps your family with visas.
                    """,
            "hardware.md", """
                    # Hardware

                    ## Broken equipment

                    If your notebook is damaged, file a ticket with the service desk; they lend you a spare one.
                    """,
            "leave.md", """
                    # Time off

                    ## Annual leave

                    Everyone has 25 days of annual leave. Ask your manager before you book a holiday.
                    """,
            "expenses.md", """
                    # Expenses

                    ## Claiming costs

                    Keep the receipts for taxis and hotels and claim them within a month.
                    """);

    private Path site(String yml) throws Exception {
        Path content = TestSites.write(dir.resolve("content"), HANDBOOK);
        Files.writeString(dir.resolve("docpulse.yml"), yml);
        return content;
    }

    private TestSites.Run search(Path content, String query) {
        return TestSites.run("search", "--content", content.toString(), "--config", dir.resolve("docpulse.yml").toString(),
                "--cache-dir", dir.resolve("cache").toString(), "--json", query);
    }

    @Test
    void questionInOtherWordsFindsItsPageWithVectorsOnly() throws Exception {
        Path content = site("site_name: Handbook\n");
        TestSites.Run lexical = search(content, "working abroad");
        assertThat(lexical.exitCode()).as(lexical.err()).isZero();
        assertThat(lexical.out()).doesNotContain("\"path\" : \"relocation.md\"");

        Files.writeString(dir.resolve("docpulse.yml"), "site_name: Handbook\nsearch:\n  vectors: true\n");
        TestSites.Run hybrid = search(content, "working abroad");
        assertThat(hybrid.exitCode()).as(hybrid.err()).isZero();
        // the first result, deep-linked to the section that answers
        assertThat(hybrid.out()).containsSubsequence("\"rank\" : 1", "\"path\" : \"relocation.md\"",
                "\"url\" : \"/relocation/#moving-to-another-country\"", "\"rank\" : 2");
    }

    @Test
    void cacheEmbedsOnlyNewTextAndNothingWhenNothingChanged() throws Exception {
        Path content = site("site_name: Handbook\nsearch:\n  vectors: true\n");
        Config config = ConfigLoader.load(Optional.of(dir.resolve("docpulse.yml"))).withCacheDir(dir.resolve("cache").toString());
        Path index = dir.resolve("cache/index");

        Vectors cold = Build.vectors(config, 2);
        List<Page> pages = pages(content, config);
        try (SearchIndex i = SearchIndex.openOrBuild(index, pages, "/", p -> "/" + p.route(), null, 2, cold)) {
            assertThat(i.reused()).isFalse();
        }
        // one vector per section: five pages, each a title and one section (README: its opening text)
        assertThat(cold.embedded()).isEqualTo(5);
        cold.save();

        // nothing changed: the index with its vectors is reused, nothing is embedded (the model is not needed)
        Vectors warm = Build.vectors(config, 2);
        try (SearchIndex i = SearchIndex.openOrBuild(index, pages(content, config), "/", p -> "/" + p.route(), null, 2, warm)) {
            assertThat(i.reused()).isTrue();
        }
        assertThat(warm.embedded()).isZero();

        // one page edited: the index is built again, and only that page's section is embedded
        Files.writeString(content.resolve("leave.md"), "# Time off\n\n## Annual leave\n\nEveryone has 30 days of annual leave.\n");
        Vectors edited = Build.vectors(config, 2);
        try (SearchIndex i = SearchIndex.openOrBuild(index, pages(content, config), "/", p -> "/" + p.route(), null, 2, edited)) {
            assertThat(i.reused()).isFalse();
            assertThat(i.rankPages("how many vacation days do I get", 3)).first().isEqualTo("leave.md");
        }
        assertThat(edited.embedded()).isEqualTo(2); // the section, and the question
    }

    @Test
    void sameBytesWithOneThreadOrTwo() throws Exception {
        Path content = site("site_name: Handbook\nsearch:\n  vectors: true\n");
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        Config config = ConfigLoader.load(Optional.of(dir.resolve("docpulse.yml")));
        Build.run(new Build.Options(content, dir.resolve("one"), config.withCacheDir(dir.resolve("cache-one").toString()), 1, now));
        Build.run(new Build.Options(content, dir.resolve("two"), config.withCacheDir(dir.resolve("cache-two").toString()), 2, now));
        Map<String, byte[]> one = TestSites.files(dir.resolve("one"));
        Map<String, byte[]> two = TestSites.files(dir.resolve("two"));
        assertThat(one.keySet()).isEqualTo(two.keySet());
        for (String path : one.keySet()) assertThat(two.get(path)).as(path).isEqualTo(one.get(path));
        assertThat(dir.resolve("cache-one/vectors.bin")).content().isNotEmpty();
        assertThat(Files.readAllBytes(dir.resolve("cache-two/vectors.bin")))
                .isEqualTo(Files.readAllBytes(dir.resolve("cache-one/vectors.bin")));
    }

    @Test
    void missingVectorsJarStopsWithExit2AndSaysWhereToGetIt() throws Exception {
        Path content = site("site_name: Handbook\nsearch:\n  vectors: true\n");
        Path nowhere = dir.resolve("lib/docpulse-vectors.jar");
        System.setProperty("docpulse.vectors.jar", nowhere.toString());
        try {
            TestSites.Run run = TestSites.run("build", "--content", content.toString(), "--config",
                    dir.resolve("docpulse.yml").toString(), "--out", dir.resolve("out").toString(),
                    "--cache-dir", dir.resolve("cache").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains(dir.resolve("docpulse.yml") + ":3: search.vectors is on, but"
                    + " docpulse-vectors.jar was not found at " + nowhere)
                    .contains("put docpulse-vectors.jar of the same docpulse version next to docpulse.jar")
                    .contains("DOCPULSE_VECTORS_JAR");
            assertThat(dir.resolve("out")).doesNotExist();
        } finally {
            System.clearProperty("docpulse.vectors.jar");
        }
    }

    private static List<Page> pages(Path content, Config config) throws Exception {
        return Build.parse(content, config, 1).pages().stream().sorted(Comparator.comparing(Page::path)).toList();
    }
}
