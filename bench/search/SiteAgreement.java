import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;
import io.docpulse.index.SearchIndex;

/**
 * How often the site's search would put the same page first as `docpulse search`, for several
 * numbers of documents kept per word, without building the site once per number: it ranks each
 * query as search.js does (sum of each word's best K scores, rounded to 0.01, best 100 documents
 * grouped by page) from the same Lucene index, through the same per-word queries as the export.
 * For tuning SiteSearch.PER_WORD; the numbers quoted for the site come from a real browser
 * (site-bytes.sh, SiteSearchJudgedTest).
 *
 *   [WORDS=all] java -cp target/docpulse.jar bench/search/SiteAgreement.java CONTENT QUERIES K[,K...]
 *
 * With WORDS=all, a query word the docs never use is still run through Lucene (as if the site
 * knew every word a reader may type); by default only the words of the docs are, as in the site.
 */
public class SiteAgreement {
    static final Pattern TOKEN = Pattern.compile("(?:--?)?[\\p{L}\\p{N}_]+(?:[.\\-/:+#@][\\p{L}\\p{N}_]+)*");

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        List<String> queries = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        Config config = Config.defaults().withCacheDir(Files.createTempDirectory("agreement").toString());
        ParsedContent parsed = Build.parse(content, config, 2);
        try (SearchIndex index = SearchIndex.openOrBuild(Path.of(config.cacheDir()).resolve("index"), parsed.pages(), "/",
                p -> "/" + Routes.encodePath(p.route()))) {
            Method wordQuery = SearchIndex.class.getDeclaredMethod("wordQuery", String.class);
            Method searcherM = SearchIndex.class.getDeclaredMethod("searcher");
            Method pathOfM = SearchIndex.class.getDeclaredMethod("pathOf");
            wordQuery.setAccessible(true);
            searcherM.setAccessible(true);
            pathOfM.setAccessible(true);
            IndexSearcher searcher = (IndexSearcher) searcherM.invoke(index);
            Method vocabularyM = Class.forName("io.docpulse.index.SiteSearch").getDeclaredMethod("vocabulary", List.class, int.class);
            vocabularyM.setAccessible(true);
            @SuppressWarnings("unchecked")
            java.util.Set<String> vocabulary = new java.util.HashSet<>((List<String>) vocabularyM.invoke(null, parsed.pages(), 2));
            boolean onlyVocabulary = !"all".equals(System.getenv("WORDS"));
            String[] pathOf = (String[]) pathOfM.invoke(index);
            List<String> terminal = new ArrayList<>();
            for (String q : queries) {
                var hits = index.search(q, 10);
                terminal.add(hits.isEmpty() ? "" : hits.get(0).path());
            }
            for (String k : args[2].split(",")) {
                int perWord = Integer.parseInt(k);
                int same = 0;
                for (int i = 0; i < queries.size(); i++) {
                    Map<Integer, Long> scores = new HashMap<>();
                    Matcher m = TOKEN.matcher(queries.get(i));
                    while (m.find()) {
                        String w = m.group();
                        String key = w.substring(1).chars().anyMatch(Character::isUpperCase) ? w : w.toLowerCase();
                        List<String> keys = new ArrayList<>();
                        if (!onlyVocabulary || vocabulary.contains(key)) keys.add(key);
                        else if (vocabulary.contains(key.toLowerCase())) keys.add(key.toLowerCase());
                        else {
                            // as search.js: a word the docs never use is looked up by its parts
                            String[] parts = key.toLowerCase().split("[^\\p{L}\\p{N}]+");
                            if (parts.length > 1) for (String p : parts) if (vocabulary.contains(p)) keys.add(p);
                        }
                        for (String w2 : keys) {
                            ScoreDoc[] top = searcher.search((Query) wordQuery.invoke(index, w2), perWord).scoreDocs;
                            for (ScoreDoc sd : top) scores.merge(sd.doc, Math.max(1, Math.round(sd.score * 100.0)), Long::sum);
                        }
                    }
                    List<Map.Entry<Integer, Long>> best = new ArrayList<>(scores.entrySet());
                    best.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey() - b.getKey() : Long.compare(b.getValue(), a.getValue()));
                    Map<String, long[]> pages = new HashMap<>();
                    for (var e : best.subList(0, Math.min(100, best.size()))) {
                        long[] s = pages.computeIfAbsent(pathOf[e.getKey()], x -> new long[]{-1, -1});
                        boolean page = isPage(index, e.getKey());
                        int kind = page ? 0 : 1;
                        if (s[kind] < 0) s[kind] = e.getValue();
                    }
                    String first = "";
                    double top = -1;
                    for (var e : pages.entrySet()) {
                        long hi = Math.max(e.getValue()[0], e.getValue()[1]);
                        long lo = Math.max(0, Math.min(e.getValue()[0], e.getValue()[1]));
                        double score = hi + 0.5 * lo;
                        if (score > top || (score == top && e.getKey().compareTo(first) < 0)) { top = score; first = e.getKey(); }
                    }
                    if (first.equals(terminal.get(i))) same++;
                }
                System.out.printf("per word %d: same first page %d of %d (%.1f%%)%n", perWord, same, queries.size(),
                        100.0 * same / queries.size());
            }
        }
    }

    static boolean[] isPage;

    static boolean isPage(SearchIndex index, int doc) throws Exception {
        if (isPage == null) {
            Method m = SearchIndex.class.getDeclaredMethod("isPage");
            m.setAccessible(true);
            isPage = (boolean[]) m.invoke(index);
        }
        return isPage[doc];
    }
}
