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
        assertThat(dir.resolve("kept/search-export.bin")).exists();
        assertThat(dir.resolve("kept/known-items.bin")).exists();
        Build.run(new Build.Options(content, dir.resolve("warm"), kept, 2, NOW));
        assertSameFiles(dir.resolve("warm"), dir.resolve("cold"));

        // one page edited: a new section with a word no page used, a broken link, a later date
        Path page = content.resolve("guides/themes.md");
        Files.writeString(page, Files.readString(page)
                + "\n## Quokkas in themes\n\nA quokkaphilic theme links to [nothing](no-such-page.md).\n");
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
        assertThat(Files.readString(dir.resolve("cold/report.json"))).doesNotContain("no-such-page.md");
        assertThat(report).isNotEqualTo(Files.readString(dir.resolve("cold/report.json")));
        String search = searchData(out);
        assertThat(search).contains("\"quokkaphilic\"");
        assertThat(searchData(dir.resolve("cold"))).doesNotContain("quokkaphilic");
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
