package io.docpulse.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;
import io.docpulse.content.SafeUrl;

/** URLs that run script never reach a page, whatever their disguise, and each is reported. */
class UnsafeUrlTest {
    private static final String PAGE = """
            # Home

            [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#x6A;avascript:alert(1))
            [d](%6Aavascript:alert(1)) [e](vbscript:msgbox) [f](data:text/html,<b>x</b>)
            [g](java&#x0A;script:alert(1)) [h](&#106;&#97;vascript:alert(1))

            <a href="JAVASCRIPT:alert(1)">raw</a> <a href=javascript:alert(1)>bare</a>
            <form action="javascript:alert(1)"><button formaction='vbscript:x'>go</button></form>
            <iframe src="data:text/html,x"></iframe>

            [ref]: javascript:alert(2)

            See [ref] and <javascript:alert(3)>.

            Safe: [page](other.md) ![dot](data:image/png;base64,iVBORw0KGgo=) [site](https://example.com/a:b)
            """;

    @Test
    void everyDisguiseIsReportedAndLeftOutOfThePage(@TempDir Path tmp) throws IOException {
        Path content = TestSites.write(tmp.resolve("c"), Map.of("README.md", PAGE, "other.md", "# Other\n\n[home](README.md)\n",
                "alias.md", "---\naliases: [\"javascript:alert(1)\"]\n---\n# Alias\n\n[home](README.md)\n"));
        TestSites.Run run = TestSites.build(tmp, content);
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
        List<JsonNode> unsafe = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("rule").asText().equals("unsafe-url")) unsafe.add(f);
        });
        assertThat(unsafe).extracting(f -> f.get("line").asInt(), f -> f.get("column").asInt(),
                        f -> f.get("severity").asText())
                .containsExactly(tuple(3, 1, "error"), tuple(3, 26, "error"), tuple(3, 51, "error"),
                        tuple(4, 1, "error"), tuple(4, 28, "error"), tuple(4, 49, "error"),
                        tuple(5, 1, "error"), tuple(5, 32, "error"),
                        tuple(7, 4, "error"), tuple(7, 42, "error"),
                        tuple(8, 7, "error"), tuple(8, 44, "error"),
                        tuple(9, 9, "error"),
                        tuple(13, 5, "error"), tuple(13, 15, "error"));
        assertThat(run.err()).contains("README.md:3:26: error: `JaVaScRiPt:alert(1)` is a javascript: URL");

        Document html = Jsoup.parse(tmp.resolve("out/index.html").toFile());
        for (Element e : html.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String v = a.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                assertThat(v).as(e.outerHtml()).doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
                        .doesNotStartWith("data:text");
            }
        }
        // the links' text stays, and safe links are untouched
        assertThat(html.select("article a").eachText()).contains("b", "raw", "bare", "page", "site");
        assertThat(html.select("article a[href]").eachAttr("href")).containsExactly("other/", "https://example.com/a:b");
        assertThat(html.select("article img").attr("src")).startsWith("data:image/png;base64,");
        // an alias is a path of the site, never a URL
        assertThat(report.toString()).contains("alias 'javascript:alert(1)' is not a path inside the site");
        try (var files = Files.walk(tmp.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("javascript"));
        }
    }

    @Test
    void decodesBeforeItLooksAtTheScheme() {
        for (String bad : List.of("javascript:x", "JaVaScRiPt:x", " javascript:x", "\u0001javascript:x", "java\tscript:x",
                "&#x6A;avascript:x", "&#106avascript:x", "&amp;#x6A;avascript:x", "%6Aavascript:x", "%256Aavascript:x",
                "javascript&colon;x", "vbscript:x", "data:text/html,x", "DATA:image/svg+xml,<svg>", "data:,x")) {
            assertThat(SafeUrl.unsafeScheme(bad)).as(bad).isNotNull();
        }
        for (String good : List.of("https://example.com/javascript:x", "guide/javascript.md", "#javascript",
                "data:image/png;base64,AAAA", "mailto:a@example.com", "./javascript:x/../a.md#x")) {
            assertThat(SafeUrl.unsafeScheme(good)).as(good).isNull();
        }
    }
}
