package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** A GitBook handbook keeps its images in .gitbook/assets/: linked files of hidden folders exist and are copied. */
class HiddenFoldersTest {
    @Test
    void linkedFilesOfHiddenFoldersAreCopiedAndTheRestStaysOut(@TempDir Path tmp) throws IOException {
        Path content = TestSites.write(tmp.resolve("c"), Map.of(
                "README.md", """
                        # Handbook

                        ![Org chart](.gitbook/assets/org-chart.png)

                        <img src=".gitbook/assets/logo.png" alt="Logo">

                        [Team](team/people.md) and [the template](.github/PULL_REQUEST_TEMPLATE.md).
                        """,
                "team/people.md", "# People\n\n![Photo](../.gitbook/assets/team%20photo.jpg)\n\n[Home](../README.md)\n",
                ".gitbook/assets/org-chart.png", "png",
                ".gitbook/assets/logo.png", "png",
                ".gitbook/assets/team photo.jpg", "jpg",
                ".gitbook/assets/unused.png", "png",
                ".github/PULL_REQUEST_TEMPLATE.md", "# Template\n",
                ".github/workflows/ci.yml", "on: push\n",
                ".env", "SECRET=1\n"));
        // the cache folder inside the content is never read as content
        TestSites.Run run = TestSites.run("build", "--content", content.toString(), "--out", tmp.resolve("out").toString(),
                "--cache-dir", content.resolve(".docpulse").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("missing-asset").doesNotContain("broken-link");
        Path out = tmp.resolve("out");
        assertThat(out.resolve(".gitbook/assets/org-chart.png")).exists();
        assertThat(out.resolve(".gitbook/assets/logo.png")).exists();
        assertThat(out.resolve(".gitbook/assets/team photo.jpg")).exists();
        assertThat(out.resolve(".github/PULL_REQUEST_TEMPLATE.md")).exists();
        // unlinked hidden files stay out of the site, and a hidden Markdown file is not a page
        assertThat(out.resolve(".gitbook/assets/unused.png")).doesNotExist();
        assertThat(out.resolve(".github/workflows/ci.yml")).doesNotExist();
        assertThat(out.resolve(".env")).doesNotExist();
        assertThat(out.resolve(".github/PULL_REQUEST_TEMPLATE/index.html")).doesNotExist();
        assertThat(out.resolve(".docpulse")).doesNotExist();
        assertThat(Files.readString(out.resolve("team/people/index.html"))).contains("src=\"../../.gitbook/assets/team%20photo.jpg\"");

        // the cache folder, though hidden and inside the content, is never read as content
        assertThat(content.resolve(".docpulse/parsed.bin")).exists();
        var scanned = new io.docpulse.content.ContentScanner(java.util.Set.of(), java.util.Set.of(content.resolve(".docpulse")))
                .scan(content);
        assertThat(scanned.hidden()).extracting(io.docpulse.content.SourceFile::path)
                .containsExactly(".env", ".gitbook/assets/logo.png", ".gitbook/assets/org-chart.png",
                        ".gitbook/assets/team photo.jpg", ".gitbook/assets/unused.png", ".github/PULL_REQUEST_TEMPLATE.md",
                        ".github/workflows/ci.yml");
    }
}
