package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** Content tabs written as pymdownx.tabbed writes them: grouping, selection, nesting, the page without JavaScript. */
class ContentTabsTest {
    @TempDir
    Path dir;

    private static final String INSTALL = """
            # Install

            Pick your system.

            === "Linux"

                ## Install on Linux

                Run `apt install tool`, then read [the guide](guide.md#usage).

                ```bash
                tool --version
                ```

            === "macOS"

                - Run **brew install tool**
                - Done

            ===+ "Windows"

                Use the installer.

                === "64-bit"

                    Nested content.

                === "ARM"

                    Other nested content.

            ===! "Cloud"

                A new set.

            === "Docker"

                docker run tool

            Text after the tabs.
            """;

    private Document build(String page) throws IOException {
        Path content = TestSites.write(dir.resolve("c"), Map.of("install.md", page,
                "guide.md", "# Guide\n\n## Usage\n\nUse it.\n", "README.md", "# Home\n\n[Install](install.md)\n"));
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Jsoup.parse(Files.readString(dir.resolve("out/install/index.html")));
    }

    private List<JsonNode> findings(String rule) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).get("findings")) {
            if (f.get("rule").asText().equals(rule)) out.add(f);
        }
        return out;
    }

    @Test
    void consecutiveTabsFormOneSetAndBangStartsAnother() throws IOException {
        Document html = build(INSTALL);
        List<Element> sets = html.select("article .tabbed-set").stream()
                .filter(s -> !s.parents().is(".tabbed-set")).toList();
        assertThat(sets).hasSize(2);
        assertThat(sets.get(0).select("> [role=tablist] > [role=tab]").eachText()).containsExactly("Linux", "macOS", "Windows");
        assertThat(sets.get(1).select("> [role=tablist] > [role=tab]").eachText()).containsExactly("Cloud", "Docker");
        // the text after the last tab is not in it
        assertThat(html.select("article > p").last().text()).isEqualTo("Text after the tabs.");
    }

    @Test
    void plusSelectsATabAndTheTabsAreWiredForAssistiveTechnology() throws IOException {
        Document html = build(INSTALL);
        Element set = html.selectFirst("article .tabbed-set");
        List<Element> tabs = set.select("> [role=tablist] > [role=tab]");
        assertThat(tabs).extracting(t -> t.attr("aria-selected"), t -> t.attr("tabindex"))
                .containsExactly(tuple("false", "-1"), tuple("false", "-1"), tuple("true", "0"));
        for (Element tab : tabs) {
            Element panel = html.getElementById(tab.attr("aria-controls"));
            assertThat(panel).isNotNull();
            assertThat(panel.attr("role")).isEqualTo("tabpanel");
            assertThat(panel.attr("aria-labelledby")).isEqualTo(tab.id());
            assertThat(tab.tagName()).isEqualTo("button");
        }
        // every id on the page is used once
        List<String> ids = html.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();
        // a set with no +: its first tab is selected
        Element cloud = html.select("article .tabbed-set").stream()
                .filter(s -> s.select("> [role=tablist] > [role=tab]").text().startsWith("Cloud")).findFirst().orElseThrow();
        assertThat(cloud.select("> [role=tablist] > [role=tab]").eachAttr("aria-selected")).containsExactly("true", "false");
        // loaded only where there are tabs
        assertThat(html.select("script[src$=tabs.js]")).hasSize(1);
        Document guide = Jsoup.parse(Files.readString(dir.resolve("out/guide/index.html")));
        assertThat(guide.select("script[src$=tabs.js]")).isEmpty();
    }

    @Test
    void withoutJavaScriptEveryPanelShowsUnderItsLabelAsAHeading() throws IOException {
        Document html = build(INSTALL);
        Element set = html.selectFirst("article .tabbed-set");
        // the tab list is for scripts only; no panel is hidden in the markup
        assertThat(set.selectFirst("> [role=tablist]").hasAttr("hidden")).isTrue();
        assertThat(html.select(".tabbed-panel[hidden], .tabbed-panel[tabindex]")).isEmpty();
        assertThat(set.select("> .tabbed-panel > .tabbed-label")).extracting(Element::tagName, Element::text)
                .containsExactly(tuple("h2", "Linux"), tuple("h2", "macOS"), tuple("h2", "Windows"));
        // nested tabs are a level below
        assertThat(html.select(".tabbed-panel .tabbed-panel > .tabbed-label").eachText()).containsExactly("64-bit", "ARM");
        assertThat(html.select(".tabbed-panel .tabbed-panel > .tabbed-label").first().tagName()).isEqualTo("h3");
    }

    @Test
    void markdownInsideTabsIsRenderedWithAnchorsTocAndCheckedLinks() throws IOException {
        Document html = build(INSTALL.replace("guide.md#usage", "guide.md#usage-missing"));
        Element linux = html.selectFirst("article .tabbed-panel");
        // its own text, without the "#" link to its section that the build may add
        assertThat(linux.select("h2#install-on-linux").first().ownText().strip()).isEqualTo("Install on Linux");
        assertThat(linux.select("code").first().text()).isEqualTo("apt install tool");
        assertThat(linux.select("pre code.language-bash").text()).isEqualTo("tool --version");
        assertThat(html.select(".tabbed-panel li strong").text()).isEqualTo("brew install tool");
        assertThat(html.select(".toc a[href=#install-on-linux]")).hasSize(1);
        assertThat(linux.select("a:contains(the guide)").attr("href")).isEqualTo("../guide/#usage-missing");
        assertThat(findings("missing-anchor")).extracting(f -> f.get("file").asText(), f -> f.get("line").asInt())
                .containsExactly(tuple("install.md", 9));
    }

    @Test
    void malformedTabsAreReportedWithFileAndLine() throws IOException {
        Document html = build("""
                # Install

                ===

                    Content without a label.

                === Linux

                    Label without quotes.

                === "Empty"

                Not indented, so not in the tab.
                """);
        assertThat(findings("malformed-tab")).extracting(f -> f.get("line").asInt(), f -> f.get("column").asInt(),
                        f -> f.get("message").asText())
                .containsExactly(tuple(3, 1, "=== starts a content tab but has no label"),
                        tuple(7, 1, "the label of this content tab is not in double quotes"),
                        tuple(11, 1, "the tab \"Empty\" is empty"));
        // still shown as tabs, never as a line of "==="
        assertThat(html.select("[role=tab]").eachText()).containsExactly("Tab 1", "Linux", "Empty");
        assertThat(html.select("article").text()).doesNotContain("===");
    }

    @Test
    void aSetextHeadingIsNotATab() throws IOException {
        Document html = build("""
                Install
                ===

                Text.
                """);
        assertThat(html.select("article h1").text()).isEqualTo("Install");
        assertThat(html.select(".tabbed-set")).isEmpty();
        assertThat(findings("malformed-tab")).isEmpty();
    }
}
