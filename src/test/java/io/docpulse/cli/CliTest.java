package io.docpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpOnEveryCommandAndVersion() {
        TestSites.Run help = TestSites.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: docpulse").contains("build");
        TestSites.Run buildHelp = TestSites.run("build", "--help");
        assertThat(buildHelp.exitCode()).isZero();
        assertThat(buildHelp.out()).contains("--content=DIR", "--out=DIR", "--config=FILE", "--base-url=URL",
                "--threads=N", "--strict");
        TestSites.Run version = TestSites.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("docpulse ");
    }

    @Test
    void usageErrorsExitWith2() {
        TestSites.Run run = TestSites.run("build", "--no-such-flag");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-flag'");
        TestSites.Run missing = TestSites.run("build", "--content", dir.resolve("nope").toString(),
                "--out", dir.resolve("out").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void baseUrlGoesIntoSitemapCanonicalAnd404() throws Exception {
        Path content = TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n", "a/b.md", "# B\n"));
        TestSites.Run run = TestSites.build(dir, content, "--base-url", "https://example.com/team/docs/");
        assertThat(run.exitCode()).isZero();
        assertThat(dir.resolve("out/sitemap.xml")).content().contains("<loc>https://example.com/team/docs/a/b/</loc>");
        assertThat(dir.resolve("out/a/b/index.html")).content()
                .contains("<link rel=\"canonical\" href=\"https://example.com/team/docs/a/b/\">")
                .contains("href=\"../../docpulse-assets/style.css\"");
        // the 404 page carries its style inside; its links start from base_url's path
        assertThat(dir.resolve("out/404.html")).content().doesNotContain("docpulse-assets/style.css")
                .contains("<a href=\"/team/docs/a/\">");
    }
}
