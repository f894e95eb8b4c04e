package io.docpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** A newcomer's typing mistakes: each gets a message that says what was meant. */
class MistakesTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedCommandSuggestsTheCommand() {
        TestSites.Run run = TestSites.run("biuld");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: Unmatched argument at index 0: 'biuld'")
                .contains("hint: did you mean build?");
    }

    @Test
    void aMistypedFlagSuggestsTheFlag() {
        TestSites.Run run = TestSites.run("build", "--contnet", "docs");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: Unknown options: '--contnet', 'docs'").containsPattern("hint: did you mean [^\\n]*--content");
    }

    @Test
    void everyUnknownConfigKeyIsReportedWithItsLine() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n"));
        Files.writeString(dir.resolve("docpulse.yml"), "site_nme: Docs\nthem: default\nnav:\n  max_sibling: 3\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(2);
        Path yml = dir.resolve("docpulse.yml");
        assertThat(run.err()).contains(yml + ":1: unknown key 'site_nme'", "hint: did you mean 'site_name'?",
                yml + ":2: unknown key 'them'", "hint: did you mean 'theme'?",
                yml + ":4: unknown key 'nav.max_sibling'", "hint: did you mean 'nav.max_siblings'?");
    }

    @Test
    void checkRejectsAThemeThatBuildWouldReject() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n"));
        Files.writeString(dir.resolve("docpulse.yml"), "theme: fancy\n");
        TestSites.Run build = TestSites.build(dir, content);
        assertThat(build.exitCode()).isEqualTo(2);
        assertThat(build.err()).contains("theme 'fancy' not found");
        TestSites.Run check = TestSites.run("check", "--content", content.toString(),
                "--cache-dir", dir.resolve("cache").toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("theme 'fancy' not found").contains("themes/fancy/");
    }
}
