package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** Emoji shortcodes show as GitHub and Material for MkDocs show them; nothing else that has colons changes. */
class EmojiTest {
    @Test
    void shortcodesBecomeUnicodeAndEverythingElseStaysAsWritten(@TempDir Path tmp) throws IOException {
        Path content = TestSites.write(tmp.resolve("c"), Map.of("README.md", """
                # Release

                Shipped :tada: :+1: :rocket: at 10:30:00, see :octocat: and :not_an_emoji:.

                `:tada:` in code stays.

                | done | failed |
                | --- | --- |
                | :white_check_mark: | :x: |
                """));
        TestSites.Run run = TestSites.build(tmp, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Document html = Jsoup.parse(Files.readString(tmp.resolve("out/index.html")));
        assertThat(html.select("article p").get(0).text())
                .isEqualTo("Shipped \uD83C\uDF89 \uD83D\uDC4D \uD83D\uDE80 at 10:30:00, see :octocat: and :not_an_emoji:.");
        assertThat(html.select("article code").get(0).text()).isEqualTo(":tada:");
        assertThat(html.select("article td").eachText()).containsExactly("\u2705", "\u274C");
    }
}
