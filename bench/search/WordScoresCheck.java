import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;
import io.docpulse.index.SearchIndex;

/**
 * Checks, on a whole corpus, what WordScoresTest checks on content/: for every word of the docs the
 * search export scores, the query built without the parser equals the parser's, and the scores read
 * from the postings (WordScores) are Lucene's, bit for bit, in Lucene's order.
 *
 *   java -cp target/docpulse.jar bench/search/WordScoresCheck.java CONTENT [LIMIT]
 *
 * Prints the number of words checked and every mismatch; exits 1 on any.
 */
public class WordScoresCheck {
    private static Method accessor(Object record, String name) throws Exception {
        Method m = record.getClass().getDeclaredMethod(name);
        m.setAccessible(true);
        return m;
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Path work = Files.createTempDirectory("wordscores");
        List<Page> pages = Build.parse(content, Config.defaults(), Runtime.getRuntime().availableProcessors()).pages();
        Class<?> siteSearch = Class.forName("io.docpulse.index.SiteSearch");
        Method vocabulary = siteSearch.getDeclaredMethod("vocabulary", List.class, int.class);
        vocabulary.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> words = (List<String>) vocabulary.invoke(null, pages, 2);
        Method wordQuery = SearchIndex.class.getDeclaredMethod("wordQuery", String.class);
        Method parsed = SearchIndex.class.getDeclaredMethod("parsedWordQuery", String.class);
        Method scoresOf = SearchIndex.class.getDeclaredMethod("wordScores");
        Method searcherOf = SearchIndex.class.getDeclaredMethod("searcher");
        for (Method m : List.of(wordQuery, parsed, scoresOf, searcherOf)) m.setAccessible(true);
        int bad = 0;
        long start = System.nanoTime();
        try (SearchIndex index = SearchIndex.openOrBuild(work.resolve("index"), pages, "/",
                p -> "/" + Routes.encodePath(p.route()), null, 2)) {
            Object scores = scoresOf.invoke(index);
            Method top = scores.getClass().getDeclaredMethod("top", Query.class, boolean.class, int.class);
            top.setAccessible(true);
            IndexSearcher searcher = (IndexSearcher) searcherOf.invoke(index);
            for (String w : words) {
                Query q = (Query) wordQuery.invoke(index, w);
                Query p = (Query) parsed.invoke(index, w);
                if (!q.equals(p)) {
                    System.out.println("query differs: " + w + "\n  built:  " + q + "\n  parsed: " + p);
                    bad++;
                    continue;
                }
                Object t = top.invoke(scores, q, false, limit);
                TopDocs lucene = searcher.search(p, limit);
                if (t == null) {
                    System.out.println("not scored from postings: " + w + " " + q);
                    continue;
                }
                int[] docs = (int[]) accessor(t, "docs").invoke(t);
                float[] s = (float[]) accessor(t, "scores").invoke(t);
                int matches = (int) accessor(t, "matches").invoke(t);
                boolean same = docs.length == lucene.scoreDocs.length
                        && (lucene.totalHits.relation != TotalHits.Relation.EQUAL_TO || matches == lucene.totalHits.value);
                for (int i = 0; same && i < docs.length; i++) {
                    same = docs[i] == lucene.scoreDocs[i].doc && s[i] == lucene.scoreDocs[i].score;
                }
                if (!same) {
                    System.out.println("scores differ: " + w);
                    bad++;
                }
            }
        }
        System.out.printf("%d words checked in %.1f s, %d mismatches%n", words.size(),
                (System.nanoTime() - start) / 1e9, bad);
        System.exit(bad == 0 ? 0 : 1);
    }
}
