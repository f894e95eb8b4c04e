package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/**
 * Builds the small corpora in ../shared/corpora (read only) and checks nothing is lost. The large
 * ones (rust-rfcs, cpp-docs) only prove that the same holds at scale: bench/corpora/check.sh makes
 * the same check on every corpus with the jar, outside the test run.
 */
class CorporaBuildTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"artsy-readme", "cse-playbook"})
    void buildsEveryMarkdownFileOfTheCorpus(String corpus) throws IOException {
        Path tree = Path.of(System.getProperty("docpulse.corpora", "../shared/corpora"), corpus, "tree");
        assumeTrue(Files.isDirectory(tree), "corpus not available: " + tree);
        long markdown;
        try (Stream<Path> s = Files.walk(tree)) {
            markdown = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".md"))
                    .filter(p -> tree.relativize(p).toString().chars().noneMatch(c -> c == '.')
                            || !hidden(tree.relativize(p)))
                    .count();
        }
        TestSites.Run run = TestSites.build(dir, tree, "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.get("pages")).hasSize((int) markdown);
        try (Stream<Path> s = Files.walk(dir.resolve("out"))) {
            long html = s.filter(p -> p.getFileName().toString().equals("index.html")).count();
            assertThat(html).isGreaterThanOrEqualTo(markdown);
        }
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
