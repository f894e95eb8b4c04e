package io.docpulse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The judged query sets in bench/search/: realistic questions with the pages that answer them. */
public final class JudgedSets {
    private JudgedSets() {
    }

    /** A question and the pages that answer it, best first. */
    public record Question(String text, List<String> relevant) {
    }

    /** A set: the folder of documents it was judged on, and its questions. */
    public record JudgedSet(Path project, Path root, List<Question> questions) {
    }

    /** Reads bench/search/judged-NAME.json; the test is skipped when its documents are not here. */
    public static JudgedSet load(String name) throws IOException {
        Path project = Path.of(System.getProperty("docpulse.projectDir", "."));
        JsonNode judged = new ObjectMapper().readTree(project.resolve("bench/search/judged-" + name + ".json").toFile());
        Path root = project.resolve(judged.get("root").asText()).normalize();
        assumeTrue(Files.isDirectory(root), "not available: " + root);
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : judged.get("queries")) {
            List<String> relevant = new ArrayList<>();
            q.get("relevant").forEach(r -> relevant.add(r.asText()));
            questions.add(new Question(q.get("q").asText(), List.copyOf(relevant)));
        }
        return new JudgedSet(project, root, List.copyOf(questions));
    }
}
