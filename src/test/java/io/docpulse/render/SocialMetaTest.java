package io.docpulse.render;

import static io.docpulse.TestSites.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** Open Graph and Twitter card meta, so that a link to a page pasted in chat shows a card. */
class SocialMetaTest {
    @TempDir
    static Path dir;
    static Path content;

    static final String LONG = "Every new starter gets a laptop on the first day, set up by the service desk. "
            + "It comes with the VPN client, the password manager and the editor the team agreed on. "
            + "If anything is missing, ask in the help channel rather than installing it yourself, because the "
            + "laptops are managed and unapproved software is removed every night by the fleet tooling.";

    @BeforeAll
    static void build() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\nWhere the team writes down how it works.\n\n- [Setup](setup.md)\n");
        f.put("setup.md", "---\ndescription: Ask \"Sam\" & <the team> for access.\n---\n\n# Setup\n\nIgnored.\n");
        f.put("laptop.md", "# Laptop\n\n> [!NOTE]\n> A note first.\n\n" + LONG + "\n\n## Later\n\nMore.\n");
        f.put("rota.md", "# Rota\n\nJoin the **on-call** rota &amp; [read the guide](setup.md) first.\n");
        f.put("guides/one.md", "# One\n\nText.\n");
        content = TestSites.write(dir.resolve("content"), f);
        Files.writeString(dir.resolve("docpulse.yml"), "site_name: Team & \"Docs\"\n");
    }

    private static Document built(String name, String path, String... extra) {
        Path at = dir.resolve(name);
        if (!Files.isDirectory(at.resolve("out"))) {
            TestSites.Run run = TestSites.build(at, content, extra);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        return Jsoup.parse(read(at.resolve("out").resolve(path)));
    }

    /** A page of the site built with base_url https://docs.example.com/team/. */
    private static Document https(String path) {
        return built("https", path, "--base-url", "https://docs.example.com/team/");
    }

    private static String meta(Document d, String key) {
        var el = d.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return el == null ? null : el.attr("content");
    }

    @Test
    void everyPageHasATitleDescriptionAndSummaryCard() {
        Document page = https("setup/index.html");
        assertThat(meta(page, "og:title")).isEqualTo("Setup");
        assertThat(meta(page, "og:description")).isEqualTo("Ask \"Sam\" & <the team> for access.");
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:url")).isEqualTo("https://docs.example.com/team/setup/");
        assertThat(meta(page, "og:site_name")).isEqualTo("Team & \"Docs\"");
        assertThat(meta(page, "twitter:card")).isEqualTo("summary");
        assertThat(meta(page, "twitter:title")).isEqualTo("Setup");
        assertThat(meta(page, "twitter:description")).isEqualTo("Ask \"Sam\" & <the team> for access.");
        // escaped in the bytes, not only readable by a lenient parser
        assertThat(read(dir.resolve("https/out/setup/index.html")))
                .contains("<meta property=\"og:description\" content=\"Ask &quot;Sam&quot; &amp; &lt;the team&gt; for access.\">");

        Document home = https("index.html");
        assertThat(meta(home, "og:type")).isEqualTo("website");
        assertThat(meta(home, "og:title")).isEqualTo("Team & \"Docs\"");
        assertThat(meta(home, "og:url")).isEqualTo("https://docs.example.com/team/");
        // a section without a page of its own, and the search page, get a card too
        assertThat(meta(https("guides/index.html"), "twitter:card")).isEqualTo("summary");
        assertThat(meta(https("search/index.html"), "og:title")).isEqualTo("Search");
    }

    @Test
    void withoutADescriptionTheFirstParagraphIsUsedAsPlainText() {
        Document rota = https("rota/index.html");
        assertThat(meta(rota, "og:description")).isEqualTo("Join the on-call rota & read the guide first.");
        assertThat(meta(rota, "description")).isEqualTo("Join the on-call rota & read the guide first.");
        assertThat(meta(https("index.html"), "og:description")).isEqualTo("Where the team writes down how it works.");
    }

    @Test
    void aLongFirstParagraphIsCutAtASentenceEnd() {
        // the note before it is not the page's first paragraph
        String d = meta(https("laptop/index.html"), "og:description");
        assertThat(d).isEqualTo("Every new starter gets a laptop on the first day, set up by the service desk. "
                + "It comes with the VPN client, the password manager and the editor the team agreed on.");
        assertThat(PageDescription.cut(LONG.replace(". ", "; "), 200)).hasSizeLessThanOrEqualTo(200).endsWith("…")
                .doesNotEndWith(" …").startsWith("Every new starter");
        assertThat(PageDescription.cut("Short.", 200)).isEqualTo("Short.");
    }

    @Test
    void theUrlIsGivenOnlyWhenBaseUrlIsAFullHttpsAddress() {
        assertThat(meta(built("plain", "setup/index.html"), "og:url")).isNull();
        assertThat(meta(built("http", "setup/index.html", "--base-url", "http://docs.example.com/"), "og:url")).isNull();
        assertThat(meta(built("path", "setup/index.html", "--base-url", "/team/"), "og:url")).isNull();
        // the rest of the card is there all the same
        assertThat(meta(built("plain", "setup/index.html"), "twitter:title")).isEqualTo("Setup");
        // the 404 page is served at any address: no URL of its own
        assertThat(meta(https("404.html"), "og:url")).isNull();
    }
}
