package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path content() throws IOException {
        return TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n", "a.md", "# A\n"));
    }

    @Test
    void failedBuildLeavesPreviousOutputIntact() throws IOException {
        Path content = content();
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        byte[] before = Files.readAllBytes(dir.resolve("out/a/index.html"));
        // a theme whose page template cannot be parsed makes the render fail
        TestSites.write(dir.resolve("themes/broken"), Map.of("page.peb", "{% if %}broken"));
        Files.writeString(dir.resolve("docpulse.yml"), "theme: broken\n");
        Files.writeString(content.resolve("a.md"), "# Changed\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("error: the run could not complete");
        assertThat(Files.readAllBytes(dir.resolve("out/a/index.html"))).isEqualTo(before);
        try (var s = Files.list(dir.resolve("cache"))) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("staging-"))).isEmpty();
        }
    }

    @Test
    void refusesOutputThatIsInsideOrContainsTheContent() throws IOException {
        Path content = content();
        for (String out : new String[]{content.toString(), content.resolve("site").toString(), dir.toString()}) {
            TestSites.Run run = TestSites.run("build", "--content", content.toString(), "--out", out,
                    "--cache-dir", dir.resolve("cache").toString());
            assertThat(run.exitCode()).as(out).isEqualTo(2);
            assertThat(run.err()).contains("error: the output folder");
        }
        assertThat(content.resolve("site")).doesNotExist();
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite() throws IOException {
        Path content = content();
        Path foreign = dir.resolve("out");
        TestSites.write(foreign, Map.of("precious.txt", "keep me"));
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("was not written by docpulse");
        assertThat(foreign.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void replacesItsOwnPreviousOutput() throws IOException {
        Path content = content();
        TestSites.build(dir, content);
        Files.delete(content.resolve("a.md"));
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        assertThat(dir.resolve("out/a")).doesNotExist();
        assertThat(dir.resolve("out/index.html")).exists();
    }
}
