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
}
