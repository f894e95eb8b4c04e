import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.content.Heading;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;
import io.docpulse.index.SearchIndex;

/**
 * Checks, on a whole corpus, that ranking with scores read from the postings (what a build does
 * after SearchIndex.scoreFromPostings) gives the very pages Lucene's search gives, for every query
 * findability asks (titles, descriptions, headings) and any extra queries given in a file.
 *
 *   java -cp target/docpulse.jar bench/search/RankCheck.java CONTENT [QUERIES.txt]
 *
 * Prints how many queries were checked, the time each way, and every difference; exits 1 on any.
 */
public class RankCheck {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        List<Page> pages = Build.parse(content, Config.defaults(), Runtime.getRuntime().availableProcessors()).pages();
        List<String> queries = new ArrayList<>();
        for (Page p : pages) {
            queries.add(p.title());
            if (!p.frontMatter().description().isBlank()) queries.add(p.frontMatter().description());
            for (Heading h : p.headings()) queries.add(h.text());
        }
        if (args.length > 1) queries.addAll(Files.readAllLines(Path.of(args[1])));
        Path work = Files.createTempDirectory("rankcheck");
        int bad = 0;
        try (SearchIndex index = SearchIndex.openOrBuild(work.resolve("index"), pages, "/",
                p -> "/" + Routes.encodePath(p.route()), null, 2)) {
            long t0 = System.nanoTime();
            List<List<String>> lucene = new ArrayList<>();
            for (String q : queries) lucene.add(index.rankPages(q, 10));
            long t1 = System.nanoTime();
            index.scoreFromPostings();
            long t2 = System.nanoTime();
            for (int i = 0; i < queries.size(); i++) {
                List<String> fast = index.rankPages(queries.get(i), 10);
                if (!fast.equals(lucene.get(i))) {
                    bad++;
                    System.out.println("differs: " + queries.get(i) + "\n  lucene:   " + lucene.get(i) + "\n  postings: " + fast);
                }
            }
            long t3 = System.nanoTime();
            System.out.printf("%d queries, %d differ; Lucene %.2f s, from postings %.2f s (+%.2f s to read the statistics)%n",
                    queries.size(), bad, (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t2 - t1) / 1e9);
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}
