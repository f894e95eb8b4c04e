package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

class ThemeOverrideTest {
    @TempDir
    Path dir;

    @Test
    void aThemeFolderNextToTheContentOverridesFileByFile() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n\n<b>raw</b> body\n"));
        TestSites.write(dir.resolve("themes/brand"), Map.of(
                "partials/nav.peb", "<p class=\"brand-nav\">{{ site.name }}</p>",
                "assets/style.css", "body { color: rebeccapurple; }"));
        Files.writeString(dir.resolve("docpulse.yml"), "theme: brand\nsite_name: <Acme & Co>\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String home = TestSites.read(dir.resolve("out/index.html"));
        // the override replaced one partial; layout.peb and page.peb still come from the default theme
        assertThat(home).contains("<p class=\"brand-nav\">&lt;Acme &amp; Co&gt;</p>")
                .contains("class=\"skip-link\"").contains("<b>raw</b> body");
        assertThat(dir.resolve("out/docpulse-assets/style.css")).hasContent("body { color: rebeccapurple; }");
        assertThat(dir.resolve("out/docpulse-assets/docpulse.js")).exists();
    }

    @Test
    void aMissingThemeIsAConfigError() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n"));
        Files.writeString(dir.resolve("docpulse.yml"), "theme: nope\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("theme 'nope' not found");
    }
}
