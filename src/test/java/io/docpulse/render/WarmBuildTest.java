package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigLoader;

/**
 * A build that finds the last build's cache (parsed pages, the index, known-item rankings, the
 * site's search data) writes the very bytes a build from nothing writes, and a page edited in
 * between shows every change a build from nothing shows.
 */
class WarmBuildTest {
    @TempDir
    Path dir;

    private static final Instant NOW = Instant.ofEpochSecond(1_780_000_000L);

    @Test
    void aWarmBuildWritesWhatAColdBuildWritesBeforeAndAfterAnEdit() throws Exception {
        Path project = Path.of(System.getProperty("docpulse.projectDir", "."));
        Path content = dir.resolve("content");
        io.docpulse.TestSites.copyTree(project.resolve("content"), content);
        Config config = ConfigLoader.load(Optional.of(project.resolve("docpulse.yml")));
        Config kept = config.withCacheDir(dir.resolve("kept").toString());

        Build.run(new Build.Options(content, dir.resolve("cold"), kept, 2, NOW));
        assertThat(dir.resolve("kept/parsed.bin")).exists();
        assertThat(dir.resolve("kept/search-export/meta.js")).exists();
        assertThat(dir.resolve("kept/known-items.bin")).exists();
        assertThat(dir.resolve("kept/readiness.bin")).exists();
        Build.run(new Build.Options(content, dir.resolve("warm"), kept, 2, NOW));
        assertSameFiles(dir.resolve("warm"), dir.resolve("cold"));

        // one page edited: a new section with a word no page used, a broken link, a later date
        Path page = content.resolve("guides/themes.md");
        Files.writeString(page, Files.readString(page)
                + "\n## Quokkas in themes\n\nA quokkaphilic theme links to [nothing](no-such-page.md).\n"
                + "\nFor the rest, ask Priya on Slack.\n");
        Files.setLastModifiedTime(page, FileTime.from(NOW.minusSeconds(3600)));
        Build.run(new Build.Options(content, dir.resolve("edited-warm"), kept, 2, NOW));
        Build.run(new Build.Options(content, dir.resolve("edited-cold"),
                config.withCacheDir(dir.resolve("fresh").toString()), 2, NOW));
        assertSameFiles(dir.resolve("edited-warm"), dir.resolve("edited-cold"));

        // and the edit is there: the page, its link, its freshness, the search data
        Path out = dir.resolve("edited-warm");
        assertThat(Files.readString(out.resolve("guides/themes/index.html"))).contains("Quokkas in themes");
        String report = Files.readString(out.resolve("report.json"));
        assertThat(report).contains("no-such-page.md");
        assertThat(report).contains("ask Priya on Slack");
        assertThat(Files.readString(dir.resolve("cold/report.json"))).doesNotContain("no-such-page.md");
        assertThat(report).isNotEqualTo(Files.readString(dir.resolve("cold/report.json")));
        String search = searchData(out);
        assertThat(search).contains("\"quokkaphilic\"");
        assertThat(searchData(dir.resolve("cold"))).doesNotContain("quokkaphilic");
    }

    /**
     * Built again into the same folder, every HTML file whose template and values are unchanged is
     * the last build's file (the same file on disk: linked, not written again), and the site is still
     * byte for byte what a build from nothing writes, before and after an edit.
     */
    @Test
    void unchangedFilesAreTakenFromTheLastBuildAndTheSiteIsStillWhatAColdBuildWrites() throws Exception {
        Path content = io.docpulse.TestSites.write(dir.resolve("content"), Map.of(
                "README.md", "# Handbook\n\nStart with [setup](setup.md) and [deploys](deploys.md).\n",
                "setup.md", "# Setup\n\nInstall the tools.\n\n## Editors\n\nAny editor works.\n",
                "deploys.md", "# Deploys\n\nWe deploy on weekdays.\n"));
        Config config = Config.defaults().withCacheDir(dir.resolve("kept").toString());
        Path site = dir.resolve("site");
        Build.run(new Build.Options(content, site, config, 2, NOW));
        Object setupFile = fileKey(site.resolve("setup/index.html"));
        Object deploysFile = fileKey(site.resolve("deploys/index.html"));

        Build.run(new Build.Options(content, site, config, 2, NOW));
        assertThat(fileKey(site.resolve("setup/index.html"))).isEqualTo(setupFile);
        Build.run(new Build.Options(content, dir.resolve("cold"), Config.defaults().withCacheDir(
                dir.resolve("fresh").toString()), 2, NOW));
        assertSameFiles(site, dir.resolve("cold"));

        // deploys.md edited: its page is rendered again, and so is every page whose sidebar names
        // it, since its title changed; the site is what a build from nothing writes
        Files.writeString(content.resolve("deploys.md"), "# Releases\n\nWe release on weekdays.\n");
        Files.setLastModifiedTime(content.resolve("deploys.md"), FileTime.from(NOW.minusSeconds(60)));
        Build.run(new Build.Options(content, site, config, 2, NOW));
        assertThat(fileKey(site.resolve("deploys/index.html"))).isNotEqualTo(deploysFile);
        assertThat(Files.readString(site.resolve("setup/index.html"))).contains("Releases");
        Build.run(new Build.Options(content, dir.resolve("cold-2"), Config.defaults().withCacheDir(
                dir.resolve("fresh-2").toString()), 2, NOW));
        assertSameFiles(site, dir.resolve("cold-2"));

        // a file changed in the output folder since is not trusted: it is rendered again
        Path setup = site.resolve("setup/index.html");
        Files.writeString(setup, "tampered");
        Build.run(new Build.Options(content, site, config, 2, NOW));
        assertSameFiles(site, dir.resolve("cold-2"));
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static String searchData(Path site) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(site.resolve("search/data"))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) all.append(Files.readString(p));
        }
        return all.toString();
    }

    private static void assertSameFiles(Path actual, Path expected) throws IOException {
        Map<String, byte[]> a = io.docpulse.TestSites.files(actual);
        Map<String, byte[]> e = io.docpulse.TestSites.files(expected);
        assertThat(a.keySet()).isEqualTo(e.keySet());
        for (String path : e.keySet()) assertThat(a.get(path)).as(path).isEqualTo(e.get(path));
    }
}
