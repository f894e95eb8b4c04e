import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigLoader;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;
import io.docpulse.index.Hit;
import io.docpulse.index.SearchIndex;

/**
 * Success@3 and MRR@10 of `docpulse search` on judged sets, per set and per style of question:
 *
 *   java -cp target/docpulse.jar bench/search/JudgedEval.java [-v] bench/search/judged-*.json
 *
 * A question's style is its "style" field when it has one ("chat" for questions phrased as in a
 * chat); otherwise "question" when it starts with a question word or ends with "?", else "keyword".
 * A question with a "vocab" field ("same" or "different": the answering page uses other words) is also
 * counted under "vocab same" or "vocab different".
 * With -v, every question not answered in the top 3 is printed with the first result.
 */
public class JudgedEval {
    static final java.util.Set<String> ASKING = java.util.Set.of("how", "what", "why", "who", "where", "when",
            "which", "can", "do", "does", "is", "are", "should", "i", "my", "we");

    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        for (int a = verbose ? 1 : 0; a < args.length; a++) {
            Path file = Path.of(args[a]);
            JsonNode judged = new ObjectMapper().readTree(file.toFile());
            Path root = Path.of(".").resolve(judged.get("root").asText()).normalize();
            Config cfg = ConfigLoader.load(ConfigLoader.locate(root));
            ParsedContent parsed = Build.parse(root, cfg, 2);
            Path tmp = Files.createTempDirectory("docpulse-judged");
            Map<String, double[]> by = new LinkedHashMap<>();
            List<String> misses = new ArrayList<>();
            try (SearchIndex index = SearchIndex.openOrBuild(tmp.resolve("index"), parsed.pages(), "/",
                    p -> "/" + Routes.encodePath(p.route()))) {
                for (JsonNode q : judged.get("queries")) {
                    String text = q.get("q").asText();
                    List<String> relevant = new ArrayList<>();
                    q.get("relevant").forEach(r -> relevant.add(r.asText()));
                    String style = q.has("style") ? q.get("style").asText() : style(text);
                    List<Hit> hits = index.search(text, 10);
                    int rank = 0;
                    for (int i = 0; i < hits.size() && rank == 0; i++) if (relevant.contains(hits.get(i).path())) rank = i + 1;
                    List<String> keys = new ArrayList<>(List.of("all", style));
                    if (q.has("vocab")) keys.add("vocab " + q.get("vocab").asText());
                    for (String key : keys) {
                        double[] s = by.computeIfAbsent(key, k -> new double[3]);
                        s[0]++;
                        if (rank >= 1 && rank <= 3) s[1]++;
                        if (rank > 0) s[2] += 1.0 / rank;
                    }
                    if (rank == 0 || rank > 3) {
                        misses.add(String.format("  %-7s %-8s %s -> %s (want %s)", rank == 0 ? "miss" : "rank " + rank,
                                style, text, hits.isEmpty() ? "-" : hits.get(0).path(), relevant.get(0)));
                    }
                }
            }
            for (Map.Entry<String, double[]> e : by.entrySet()) {
                double[] s = e.getValue();
                System.out.printf(Locale.ROOT, "%s\t%s\t%d\tsuccess@3 %.3f\tMRR@10 %.3f%n", judged.get("set").asText(),
                        e.getKey(), (int) s[0], s[1] / s[0], s[2] / s[0]);
            }
            if (verbose) misses.forEach(System.out::println);
        }
    }

    static String style(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String first = t.split("[^\\p{L}]+", 2)[0];
        return t.endsWith("?") || ASKING.contains(first) ? "question" : "keyword";
    }
}
