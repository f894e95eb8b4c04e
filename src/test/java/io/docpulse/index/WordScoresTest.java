package io.docpulse.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;

/** Scores from the postings are Lucene's own, bit for bit, in Lucene's order. */
class WordScoresTest {
    @TempDir
    Path dir;

    @Test
    void everyWordOfOurDocsScoresAsLuceneScoresIt() throws IOException {
        Path content = Path.of(System.getProperty("docpulse.projectDir", "."), "content");
        ContentSet set = new ContentScanner(Set.of("docpulse.yml")).scan(content);
        ParsedContent parsed = new ContentParser(new Routes(set, "/", "", "")).parse(set, 2);
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), parsed.pages(), "/",
                p -> "/" + Routes.encodePath(p.route()))) {
            WordScores scores = index.wordScores();
            List<String> words = SiteSearch.vocabulary(parsed.pages(), 2);
            int fast = 0;
            for (String w : words) {
                int limit = w.hashCode() % 3 == 0 ? 5 : SiteSearch.PER_WORD;
                var q = index.wordQuery(w);
                // built without the parser (or parsed for one field and copied): the parser's query
                assertThat(q).as(w).isEqualTo(index.parsedWordQuery(w));
                WordScores.Top top = scores.top(q, false, limit);
                assertThat(top).as(w).isNotNull();
                fast++;
                TopDocs lucene = index.searcher().search(index.parsedWordQuery(w), limit);
                assertThat(top.docs()).as(w).containsExactly(
                        java.util.Arrays.stream(lucene.scoreDocs).mapToInt(sd -> sd.doc).toArray());
                float[] expected = new float[lucene.scoreDocs.length];
                for (int i = 0; i < expected.length; i++) expected[i] = lucene.scoreDocs[i].score;
                assertThat(top.scores()).as(w).containsExactly(expected);
                if (lucene.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
                    assertThat((long) top.matches()).as(w).isEqualTo(lucene.totalHits.value);
                }
            }
            assertThat(fast).isEqualTo(words.size());
            // code-like words (their parts must all match) and a query of several words
            for (String q : List.of("base-url", "titleSource", "v1.2", "search index -serve", "what does the build check")) {
                var query = index.parse(q);
                WordScores.Top top = scores.top(query, false, 50);
                TopDocs lucene = index.searcher().search(query, 50);
                assertThat(top.docs()).as(q).containsExactly(
                        java.util.Arrays.stream(lucene.scoreDocs).mapToInt(sd -> sd.doc).toArray());
            }
            assertThat(scores.top(index.wordQuery("the"), false, 10).matches()).isZero();
            // a phrase is left to Lucene
            assertThat(scores.top(index.parse("\"site search\""), false, 10)).isNull();
        }
    }

    /**
     * A query of several words (every title, description and heading of our docs, as findability
     * asks them) scores from the postings as Lucene scores it, bit for bit, and ranks the same pages.
     */
    @Test
    void queriesOfSeveralWordsScoreAsLuceneScoresThem() throws IOException {
        Path content = Path.of(System.getProperty("docpulse.projectDir", "."), "content");
        ContentSet set = new ContentScanner(Set.of("docpulse.yml")).scan(content);
        ParsedContent parsed = new ContentParser(new Routes(set, "/", "", "")).parse(set, 2);
        List<String> queries = new java.util.ArrayList<>();
        for (var p : parsed.pages()) {
            queries.add(p.title());
            if (!p.frontMatter().description().isBlank()) queries.add(p.frontMatter().description());
            for (var h : p.headings()) queries.add(h.text());
        }
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), parsed.pages(), "/",
                p -> "/" + Routes.encodePath(p.route()))) {
            List<List<String>> lucene = new java.util.ArrayList<>();
            for (String q : queries) lucene.add(index.rankPages(q, 10));
            WordScores scores = index.wordScores();
            int fromPostings = 0;
            for (String q : queries) {
                var query = index.parse(q);
                WordScores.Top top = scores.top(query, false, 100);
                if (top == null) continue;
                fromPostings++;
                TopDocs l = index.searcher().search(query, 100);
                assertThat(top.docs()).as(q).containsExactly(
                        java.util.Arrays.stream(l.scoreDocs).mapToInt(sd -> sd.doc).toArray());
                float[] expected = new float[l.scoreDocs.length];
                for (int i = 0; i < expected.length; i++) expected[i] = l.scoreDocs[i].score;
                assertThat(top.scores()).as(q).containsExactly(expected);
            }
            assertThat(fromPostings).isGreaterThan(queries.size() * 9 / 10);
            index.scoreFromPostings();
            for (int i = 0; i < queries.size(); i++) {
                assertThat(index.rankPages(queries.get(i), 10)).as(queries.get(i)).isEqualTo(lucene.get(i));
            }
        }
    }

    /** An index written in parts on several threads scores and orders as one written by one thread. */
    @Test
    void anIndexWrittenInPartsRanksAsOneWrittenWhole() throws IOException {
        Path content = Path.of(System.getProperty("docpulse.projectDir", "."), "content");
        ContentSet set = new ContentScanner(Set.of("docpulse.yml")).scan(content);
        List<io.docpulse.content.Page> pages = new ContentParser(new Routes(set, "/", "", "")).parse(set, 2).pages();
        java.util.function.Function<io.docpulse.content.Page, String> url = p -> "/" + Routes.encodePath(p.route());
        List<List<io.docpulse.content.Page>> parts = SearchIndex.parts(pages, 3, 1);
        assertThat(parts).hasSize(3);
        assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(pages.size());
        try (var whole = org.apache.lucene.store.FSDirectory.open(dir.resolve("whole"));
             var split = org.apache.lucene.store.FSDirectory.open(dir.resolve("split"))) {
            SearchIndex.write(dir.resolve("whole"), whole, List.of(pages), url);
            SearchIndex.write(dir.resolve("split"), split, parts, url);
            assertThat(dir.resolve("split")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("part-"));
            try (var a = org.apache.lucene.index.DirectoryReader.open(whole);
                 var b = org.apache.lucene.index.DirectoryReader.open(split)) {
                var sa = new org.apache.lucene.search.IndexSearcher(a);
                var sb = new org.apache.lucene.search.IndexSearcher(b);
                assertThat(b.maxDoc()).isEqualTo(a.maxDoc());
                for (int d = 0; d < a.maxDoc(); d++) {
                    assertThat(b.storedFields().document(d).get("url")).isEqualTo(a.storedFields().document(d).get("url"));
                }
                var parser = new org.apache.lucene.queryparser.simple.SimpleQueryParser(new DocsAnalyzer(false),
                        SearchIndex.WEIGHTS);
                for (String q : List.of("search", "build the site", "base-url", "freshness owner", "serve reload")) {
                    TopDocs x = sa.search(parser.parse(q), 20);
                    TopDocs y = sb.search(parser.parse(q), 20);
                    assertThat(y.scoreDocs).hasSameSizeAs(x.scoreDocs);
                    for (int i = 0; i < x.scoreDocs.length; i++) {
                        assertThat(y.scoreDocs[i].doc).as(q).isEqualTo(x.scoreDocs[i].doc);
                        assertThat(y.scoreDocs[i].score).as(q).isEqualTo(x.scoreDocs[i].score);
                    }
                }
            }
        }
    }
}
