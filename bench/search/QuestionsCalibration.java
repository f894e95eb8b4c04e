import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigLoader;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;
import io.docpulse.index.QuestionMatch;
import io.docpulse.index.SearchIndex;

/**
 * Calibrates "a confident match" of the questions report: for every judged question (which the
 * docs answer) and every question in an unanswerable file (one per line, which they cannot), prints
 * whether it is a confident match (as the questions report decides), the rank of a judged answer, the
 * number of content words, the most any of the first 3 pages holds, the coverage of the top page and
 * the best of the first 3, and the top score:
 *
 *   java -cp target/docpulse.jar bench/search/QuestionsCalibration.java judged.json [unanswerable.txt]
 */
public class QuestionsCalibration {
    public static void main(String[] args) throws Exception {
        JsonNode judged = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path root = Path.of(".").resolve(judged.get("root").asText()).normalize();
        Config cfg = ConfigLoader.load(ConfigLoader.locate(root));
        ParsedContent parsed = Build.parse(root, cfg, 2);
        Path tmp = Files.createTempDirectory("docpulse-questions");
        try (SearchIndex index = SearchIndex.openOrBuild(tmp.resolve("index"), parsed.pages(), "/",
                p -> "/" + Routes.encodePath(p.route()))) {
            for (JsonNode q : judged.get("queries")) {
                List<String> relevant = new ArrayList<>();
                q.get("relevant").forEach(r -> relevant.add(r.asText()));
                print("judged", q.get("q").asText(), QuestionMatch.ask(index, q.get("q").asText(), 10), relevant);
            }
            if (args.length > 1) {
                for (String line : Files.readAllLines(Path.of(args[1]))) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    print("none", line.strip(), QuestionMatch.ask(index, line.strip(), 10), List.of());
                }
            }
        }
    }

    static void print(String kind, String q, QuestionMatch.Result r, List<String> relevant) {
        int rank = 0;
        for (int i = 0; i < r.answers().size() && rank == 0; i++) if (relevant.contains(r.answers().get(i).hit().path())) rank = i + 1;
        QuestionMatch.Answer top = r.answers().isEmpty() ? null : r.answers().get(0);
        double maxCov = r.answers().stream().limit(3).mapToDouble(QuestionMatch.Answer::coverage).max().orElse(0);
        double maxPage = maxCov;
        int held = r.answers().stream().limit(3).mapToInt(a -> a.held().size()).max().orElse(0);
        // the rule of io.docpulse.questions.Questions: coverage >= 0.6 and 2 words held (or the only one)
        boolean confident = !r.words().isEmpty() && r.answers().stream().limit(3).anyMatch(a ->
                a.coverage() >= io.docpulse.questions.Questions.CONFIDENT
                        && (a.held().size() >= io.docpulse.questions.Questions.MIN_WORDS
                        || r.words().size() < io.docpulse.questions.Questions.MIN_WORDS));
        System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%s%n", kind, confident ? "confident" : "-", rank, r.words().size(), held,
                top == null ? 0 : top.coverage(), maxCov, top == null ? 0 : top.coverage(), maxPage,
                top == null ? 0 : top.hit().score(), q);
    }
}
