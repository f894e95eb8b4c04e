package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.Build;
import io.docpulse.TestSites;
import io.docpulse.config.ConfigLoader;

class ReproducibleBuildTest {
    @TempDir
    Path dir;

    @Test
    void sameInputGivesSameBytesWithOneThreadOrMany() throws Exception {
        Path content = TestSites.copy("basic", dir);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        var config = ConfigLoader.load(Optional.of(dir.resolve("docpulse.yml")));
        // each with a cache of its own: both are built from nothing
        Build.run(new Build.Options(content, dir.resolve("one"), config.withCacheDir(dir.resolve("cache-one").toString()),
                1, now));
        Build.run(new Build.Options(content, dir.resolve("many"), config.withCacheDir(dir.resolve("cache-many").toString()),
                4, now));
        Map<String, byte[]> one = TestSites.files(dir.resolve("one"));
        Map<String, byte[]> many = TestSites.files(dir.resolve("many"));
        assertThat(one.keySet()).isEqualTo(many.keySet()).hasSizeGreaterThan(10);
        for (String path : one.keySet()) {
            assertThat(many.get(path)).as(path).isEqualTo(one.get(path));
        }
        assertThat(new String(one.get("report.json"))).contains("\"generatedAt\": \"2023-11-14T22:13:20Z\"");
    }
}
