import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigLoader;
import io.docpulse.content.Page;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;
import io.docpulse.index.SearchIndex;

/**
 * Indexing throughput and search latency, inside one JVM (so JVM start-up is not counted):
 *
 *   java -cp target/docpulse.jar bench/search/Latency.java CONTENT QUERIES [ROUNDS]
 *
 * CONTENT is a content folder; QUERIES is a judged set (bench/search/judged-*.json) or a text file
 * with one query per line. The index is built ROUNDS+1 times into a temporary folder (the first
 * build warms the JIT and is not counted) and the median build gives pages/s and documents/s.
 * Then every query is run once to warm up, and ROUNDS times more, each timed on its own; the
 * median, 90th percentile and maximum of all those timings are printed. A query is what
 * `docpulse search` does for it: parse, rank, read the stored fields and highlight snippets.
 */
public class Latency {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        List<String> queries = queries(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Config cfg = ConfigLoader.load(ConfigLoader.locate(content));
        String base = cfg.basePath();
        long t0 = System.nanoTime();
        ParsedContent parsed = Build.parse(content, cfg, Runtime.getRuntime().availableProcessors());
        long parseMs = (System.nanoTime() - t0) / 1_000_000;
        List<Page> pages = parsed.pages();
        Path tmp = Files.createTempDirectory("docpulse-latency");
        long[] buildMs = new long[rounds];
        int documents = 0;
        for (int r = -1; r < rounds; r++) {
            Path dir = tmp.resolve("index" + r);
            long s = System.nanoTime();
            try (SearchIndex index = SearchIndex.openOrBuild(dir, pages, base, p -> base + Routes.encodePath(p.route()))) {
                documents = index.documents();
            }
            if (r >= 0) buildMs[r] = (System.nanoTime() - s) / 1_000_000;
        }
        Arrays.sort(buildMs);
        long medianBuild = buildMs[rounds / 2];
        List<Long> micros = new ArrayList<>();
        try (SearchIndex index = SearchIndex.openOrBuild(tmp.resolve("index0"), pages, base,
                p -> base + Routes.encodePath(p.route()))) {
            for (String q : queries) index.search(q, 10);
            for (int r = 0; r < rounds; r++) {
                for (String q : queries) {
                    long s = System.nanoTime();
                    index.search(q, 10);
                    micros.add((System.nanoTime() - s) / 1_000);
                }
            }
        }
        micros.sort(null);
        System.out.printf("content\t%s%n", content);
        System.out.printf("pages\t%d%n", pages.size());
        System.out.printf("documents\t%d%n", documents);
        System.out.printf("parse_ms\t%d%n", parseMs);
        System.out.printf("index_build_ms_median\t%d%n", medianBuild);
        System.out.printf("index_build_ms_all\t%s%n", Arrays.toString(buildMs));
        System.out.printf("pages_per_s\t%.0f%n", pages.size() * 1000.0 / medianBuild);
        System.out.printf("documents_per_s\t%.0f%n", documents * 1000.0 / medianBuild);
        System.out.printf("queries\t%d x %d rounds%n", queries.size(), rounds);
        System.out.printf("search_ms_median\t%.2f%n", micros.get(micros.size() / 2) / 1000.0);
        System.out.printf("search_ms_p90\t%.2f%n", micros.get((int) (micros.size() * 0.9)) / 1000.0);
        System.out.printf("search_ms_max\t%.2f%n", micros.get(micros.size() - 1) / 1000.0);
        try (var walk = Files.walk(tmp)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    private static List<String> queries(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        if (file.toString().endsWith(".json")) {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode q : root.get("queries")) out.add(q.get("q").asText());
        } else {
            for (String line : Files.readAllLines(file)) if (!line.isBlank()) out.add(line.strip());
        }
        return out;
    }
}
