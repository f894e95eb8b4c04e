package io.docpulse.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;

/** The site's search index as the build exports it: the data the browser ranks with. */
class SiteSearchTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The argument of a shard's call: docpulseSearch.words(3, {...}); gives {...}. */
    private static JsonNode data(Path file) throws IOException {
        String s = Files.readString(file).strip();
        int open = s.indexOf('(');
        String args = s.substring(open + 1, s.length() - 2);
        if (file.getFileName().toString().equals("meta.js")) return JSON.readTree(args);
        return JSON.readTree(args.substring(args.indexOf(',') + 1));
    }

    private Path site() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Home\n\nThe titleSource key and the ADRs. Rotating keys.\n");
        for (int i = 0; i < 140; i++) {
            f.put("notes/note-" + i + ".md", "# Note " + i + "\n\nCommon words here.\n\n## First\n\nCommon text "
                    + "word".repeat(i % 3 + 1) + ".\n\n## Second\n\nCommon again.\n");
        }
        StringBuilder big = new StringBuilder("# Big page\n\nA long reference.\n\n");
        for (int i = 0; i < 300; i++) big.append("## Entry ").append(i).append("\n\n").append("Text of entry ")
                .append(i).append(" that says something long enough to fill a snippet of a section. ".repeat(4))
                .append("\n\n");
        f.put("big.md", big.toString());
        Path content = TestSites.write(dir.resolve("content"), f);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return content;
    }

    @Test
    void everyWordKeepsTheScoresLuceneGivesItsBestDocuments() throws IOException {
        Path content = site();
        Path data = dir.resolve("out/search/data");
        JsonNode meta = data(data.resolve("meta.js"));
        List<String> first = new ArrayList<>();
        for (int g = 0; g < meta.get("words").size(); g++) {
            JsonNode names = data(data.resolve("wi" + g + ".js"));
            assertThat(names.get(0).asText()).isEqualTo(meta.get("words").get(g).asText());
            names.forEach(w -> first.add(w.asText()));
        }
        assertThat(first).isSorted();
        // the words a query drops unless it has no others, for the browser to drop them as the terminal does
        List<String> drop = new ArrayList<>();
        meta.get("drop").forEach(w -> drop.add(w.asText()));
        assertThat(drop).contains("how", "what", "should", "i", "the", "don").doesNotContain("deploy", "need");

        Map<String, JsonNode> words = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            String from = first.get(i);
            String to = i + 1 < first.size() ? first.get(i + 1) : null;
            data(data.resolve("w" + i + ".js")).fields().forEachRemaining(e -> {
                // the browser finds a word's shard by the shard names alone
                assertThat(e.getKey()).isGreaterThanOrEqualTo(from);
                if (to != null) assertThat(e.getKey()).isLessThan(to);
                words.put(e.getKey(), e.getValue());
            });
        }
        assertThat(first.size()).isGreaterThan(1);
        // words as typed: lower-cased; with a capital inside also as written, since Lucene splits those
        assertThat(words).containsKeys("titlesource", "titleSource", "adrs", "ADRs", "rotating", "common");
        assertThat(words).doesNotContainKeys("the", "and", "Rotating");
        // a form the docs never use leads to the entry of its stem, as Lucene matches it through the stem
        assertThat(words.get("rotations").asText()).isEqualTo("~rotat");
        assertThat(words.get("rotate").asText()).isEqualTo("~rotat");
        assertThat(words.get("~rotat").get(1).asText()).isEqualTo("rotat");
        assertThat(words).doesNotContainKey("rotatings");
        // the stem the index matches, for marking words in snippets
        assertThat(words.get("rotating").get(1).asText()).isEqualTo("rotat");
        assertThat(words.get("common").get(1).asText()).isEmpty();
        // "common" is in 420 documents: its best 400 are kept, and the count says there are more
        assertThat(words.get("common").get(0).asInt()).isGreaterThan(SiteSearch.PER_WORD);
        assertThat((words.get("common").size() - 2) / 3).isEqualTo(SiteSearch.PER_WORD);

        ContentSet set = new ContentScanner(Set.of("docpulse.yml")).scan(content);
        ParsedContent parsed = new ContentParser(new Routes(set, "/", "", "")).parse(set, 1);
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("cache/index"), parsed.pages(), "/",
                p -> "/" + Routes.encodePath(p.route()))) {
            assertThat(index.reused()).isTrue();
            for (String w : List.of("common", "titleSource", "titlesource", "rotating", "entry", "wordword", "rotations")) {
                ScoreDoc[] top = index.searcher().search(index.parsedWordQuery(w), SiteSearch.PER_WORD).scoreDocs;
                Map<String, Long> expected = new HashMap<>();
                int[] page = new int[index.pathOf().length];
                int[] section = new int[page.length];
                for (int d = 0, p = -1, s = 0; d < page.length; d++) {
                    if (index.isPage()[d]) { p++; s = 0; } else { s++; }
                    page[d] = p;
                    section[d] = s;
                }
                for (ScoreDoc sd : top) expected.put(page[sd.doc] + ":" + section[sd.doc], (long) Math.max(1, Math.round(sd.score * 100)));
                Map<String, Long> exported = new HashMap<>();
                JsonNode e = words.get(w).isTextual() ? words.get(words.get(w).asText()) : words.get(w);
                for (int i = 2, p = 0; i < e.size(); i += 3) {
                    p += e.get(i).asInt();
                    exported.put(p + ":" + e.get(i + 1).asInt(), e.get(i + 2).asLong());
                }
                assertThat(exported).as(w).isEqualTo(expected);
            }
        }
    }

    @Test
    void aLongPageIsSplitAcrossPageShardsThatEachNameThePage() throws IOException {
        site();
        Path data = dir.resolve("out/search/data");
        JsonNode meta = data(data.resolve("meta.js"));
        int shards = 0;
        for (int g = 0; g < meta.get("docs").size() / 2; g++) shards += data(data.resolve("di" + g + ".js")).size() / 2;
        assertThat(shards).isGreaterThan(2);
        int bigShards = 0;
        int sections = 0;
        for (int i = 0; i < shards; i++) {
            Path file = data.resolve("d" + i + ".js");
            assertThat(Files.size(file)).isLessThan(SiteSearch.DOC_SHARD + 2_000);
            for (JsonNode fragment : data(file)) {
                if (!fragment.get(1).asText().equals("big/")) continue;
                bigShards++;
                assertThat(fragment.get(2).asText()).isEqualTo("Big page");
                for (JsonNode s : fragment.get(5)) {
                    assertThat(s.get(0).asText()).isEqualTo("entry-" + sections);
                    assertThat(s.get(2).asText().length()).isLessThanOrEqualTo(SiteSearch.SNIPPET + 1);
                    sections++;
                }
            }
        }
        assertThat(sections).isEqualTo(300);
        assertThat(bigShards).isGreaterThan(1);
    }
}
