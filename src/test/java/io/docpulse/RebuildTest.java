package io.docpulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.config.Config;

/** Updates in place, as serve runs them after a save, on a site built for real. */
class RebuildTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    /** Written into each page's file after the build: a page written again loses it. */
    private static final String MARK = "<!-- left alone -->";

    @TempDir
    Path dir;

    private Rebuild build(Path content, Path out) throws Exception {
        Config cfg = Config.defaults().withCacheDir(dir.resolve("cache").toString());
        Rebuild[] kept = new Rebuild[1];
        Build.run(new Build.Options(content, out, cfg, 2, NOW), k -> kept[0] = k);
        for (String page : new String[]{"index.html", "guide/index.html", "other/index.html"}) {
            Files.writeString(out.resolve(page), MARK, java.nio.file.StandardOpenOption.APPEND);
        }
        return kept[0];
    }

    private Path site() throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Home\n\n[Guide](guide.md)\n");
        f.put("guide.md", "# Guide\n\nThe first version.\n");
        f.put("other.md", "# Other\n\nSee [the guide](guide.md).\n");
        return TestSites.write(dir.resolve("content"), f);
    }

    @Test
    void anEditToTheTextOfAPageWritesOnlyThatPage() throws Exception {
        Path content = site();
        Path out = dir.resolve("out");
        Rebuild rebuild = build(content, out);
        Files.writeString(content.resolve("guide.md"), "# Guide\n\nThe second version.\n");

        Build.Result r = rebuild.update(Set.of(content.resolve("guide.md")), NOW).orElseThrow();

        assertThat(r.pages()).isEqualTo(1);
        assertThat(TestSites.read(out.resolve("guide/index.html"))).contains("The second version.")
                .doesNotContain(MARK);
        assertThat(TestSites.read(out.resolve("other/index.html"))).endsWith(MARK);
        assertThat(TestSites.read(out.resolve("index.html"))).endsWith(MARK);
    }

    @Test
    void aNewTitleWritesEveryPage() throws Exception {
        Path content = site();
        Path out = dir.resolve("out");
        Rebuild rebuild = build(content, out);
        Files.writeString(content.resolve("guide.md"), "# Field guide\n\nThe first version.\n");

        Build.Result r = rebuild.update(Set.of(content.resolve("guide.md")), NOW).orElseThrow();

        assertThat(r.pages()).isEqualTo(3);
        assertThat(TestSites.read(out.resolve("other/index.html"))).contains(">Field guide</a>").doesNotContain(MARK);
        assertThat(TestSites.read(out.resolve("index.html"))).doesNotContain(MARK);
    }

    @Test
    void aNewTagWritesItsTagPage() throws Exception {
        Path content = site();
        Path out = dir.resolve("out");
        Rebuild rebuild = build(content, out);
        Files.writeString(content.resolve("guide.md"), "---\ntags: [Onboarding]\n---\n# Guide\n\nThe first version.\n");

        rebuild.update(Set.of(content.resolve("guide.md")), NOW).orElseThrow();

        assertThat(TestSites.read(out.resolve("tags/onboarding/index.html"))).contains(">Guide</a>");
        assertThat(TestSites.read(out.resolve("other/index.html"))).contains(">Tags</a>");
    }

    @Test
    void theFirstMathOfTheSiteNeedsAFullBuild() throws Exception {
        Path content = site();
        Rebuild rebuild = build(content, dir.resolve("out"));
        Files.writeString(content.resolve("guide.md"), "# Guide\n\nEuler: $e^{i\\pi} + 1 = 0$.\n");

        // KaTeX is written only by a full build
        assertThat(rebuild.update(Set.of(content.resolve("guide.md")), NOW)).isEmpty();
    }
}
