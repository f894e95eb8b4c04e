package io.docpulse.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import io.docpulse.JudgedSets;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;

/**
 * The judged query sets in bench/search/: realistic questions with the pages that answer them.
 * Reports MRR and success@3 of the search (also written to target/judged-*.txt).
 */
class JudgedSearchTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"content", "artsy-readme", "cse-playbook"})
    void judgedQueries(String set) throws IOException {
        JudgedSets.JudgedSet judged = JudgedSets.load(set);
        Path project = judged.project();
        Path root = judged.root();
        ContentSet content = new ContentScanner(Set.of("docpulse.yml")).scan(root);
        Routes routes = new Routes(content, "/", "", "");
        ParsedContent parsed = new ContentParser(routes).parse(content, 2);
        double rr = 0;
        int at3 = 0;
        int n = 0;
        List<String> worst = new ArrayList<>();
        try (SearchIndex index = SearchIndex.openOrBuild(dir.resolve("index"), parsed.pages(), "/", p -> "/" + p.route())) {
            for (JudgedSets.Question q : judged.questions()) {
                List<String> relevant = q.relevant();
                List<Hit> hits = index.search(q.text(), 10);
                int rank = 0;
                for (int i = 0; i < hits.size(); i++) {
                    if (relevant.contains(hits.get(i).path())) {
                        rank = i + 1;
                        break;
                    }
                }
                n++;
                if (rank > 0) rr += 1.0 / rank;
                if (rank > 0 && rank <= 3) at3++;
                if (rank == 0 || rank > 3) {
                    worst.add((rank == 0 ? "miss" : "rank " + rank) + "\t" + q.text() + "\t-> "
                            + (hits.isEmpty() ? "(nothing)" : hits.get(0).path()) + "\t(want " + relevant.get(0) + ")");
                }
            }
        }
        double mrr = rr / n;
        double s3 = (double) at3 / n;
        String summary = String.format(Locale.ROOT, "%s: %d queries, MRR %.3f, success@3 %.3f%n", set, n, mrr, s3);
        Files.writeString(project.resolve("target/judged-" + set + ".txt"), summary + String.join("\n", worst) + "\n");
        System.out.print(summary);
        if (set.equals("cse-playbook")) {
            // chat-style questions only, a third in words the pages do not use: the bar is what the
            // lexical ranking of issue 14 reached (0.42 / 0.37 before it), so that it does not slip back
            assertThat(n).isGreaterThanOrEqualTo(40);
            assertThat(mrr).as(summary).isGreaterThanOrEqualTo(0.45);
            assertThat(s3).as(summary).isGreaterThanOrEqualTo(0.5);
            return;
        }
        assertThat(n).isGreaterThanOrEqualTo(60);
        // the bar the findability issue sets for both document sets
        assertThat(mrr).as(summary).isGreaterThanOrEqualTo(0.7);
        assertThat(s3).as(summary).isGreaterThanOrEqualTo(0.85);
    }
}
