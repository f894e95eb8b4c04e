package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** Each broken input gives a finding with file and line, and the rest of the site still builds. */
class InvalidInputTest {
    @TempDir
    Path dir;

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    /** Findings other than those every unlinked, unowned, non-git fixture gets. */
    private java.util.List<JsonNode> problems() throws IOException {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode f : report().get("findings")) {
            if (!io.docpulse.TestSites.BACKGROUND_RULES.contains(f.get("rule").asText())) {
                out.add(f);
            }
        }
        return out;
    }

    private TestSites.Run buildInvalid(String name) throws IOException {
        Path content = copyInvalid(name);
        return TestSites.build(dir, content);
    }

    private Path copyInvalid(String name) throws IOException {
        Path src = Path.of("src/test/resources/sites-invalid", name);
        Path content = dir.resolve("content");
        try (var files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path t = content.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return content;
    }

    @Test
    void reportsMalformedFrontMatterWithLineAndStillBuilds() throws IOException {
        TestSites.Run run = buildInvalid("bad-front-matter");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("page.md:3:").contains("error: front matter is not valid YAML")
                .contains("[front-matter-invalid]").contains("hint:");
        JsonNode f = problems().get(0);
        assertThat(f.get("rule").asText()).isEqualTo("front-matter-invalid");
        assertThat(f.get("file").asText()).isEqualTo("page.md");
        assertThat(f.get("line").asInt()).isEqualTo(3);
        assertThat(dir.resolve("out/page/index.html")).content().contains("Body still renders");
        assertThat(dir.resolve("out/index.html")).exists();
    }

    @Test
    void reportsUnclosedFrontMatter() throws IOException {
        buildInvalid("unclosed-front-matter");
        JsonNode f = problems().get(0);
        assertThat(f.get("rule").asText()).isEqualTo("front-matter-unclosed");
        assertThat(f.get("line").asInt()).isEqualTo(1);
    }

    @Test
    void reportsBadValuesOnTheirLines() throws IOException {
        buildInvalid("bad-values");
        assertThat(problems()).extracting(n -> n.get("line").asInt(), n -> n.get("severity").asText())
                .containsExactly(tuple(3, "warning"), tuple(4, "warning"), tuple(5, "warning"));
        assertThat(report().get("pages").get(0).get("title").asText()).isEqualTo("Values");
    }

    @Test
    void invalidUtf8BinaryAndEmptyFiles() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("README.md"), "# Home\n");
        Files.write(content.resolve("latin1.md"), "# Caf\u00e9\n\nline two\nna\u00efve\n".getBytes("ISO-8859-1"));
        Files.write(content.resolve("image.md"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.writeString(content.resolve("empty.md"), "");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isZero();
        java.util.List<JsonNode> findings = problems();
        assertThat(findings).extracting(n -> n.get("file").asText(), n -> n.get("rule").asText(), n -> n.get("line").asInt())
                .containsExactly(tuple("empty.md", "empty-page", 0), tuple("image.md", "binary-file", 0),
                        tuple("latin1.md", "invalid-utf8", 1));
        assertThat(dir.resolve("out/latin1/index.html")).exists();
        assertThat(dir.resolve("out/image")).doesNotExist();
        assertThat(dir.resolve("out/empty/index.html")).exists();
    }

    @Test
    void strictFailsOnWarningsWithExitCode1() throws IOException {
        Path content = copyInvalid("bad-values");
        TestSites.Run run = TestSites.build(dir, content, "--strict");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--strict: 4 errors or warnings fail the run");
    }

    @Test
    void symlinkOutOfTheContentIsReportedNotFollowed() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("README.md"), "# Home\n");
        Path secret = dir.resolve("secret.md");
        Files.writeString(secret, "# Secret\n");
        Files.createSymbolicLink(content.resolve("leak.md"), secret);
        TestSites.build(dir, content);
        assertThat(problems().get(0).get("rule").asText()).isEqualTo("symlink-outside-content");
        assertThat(dir.resolve("out/leak")).doesNotExist();
        assertThat(report().get("pages")).hasSize(1);
    }
}
