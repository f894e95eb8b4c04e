package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** The health section: overview, page table and badges, as static HTML and SVG. */
class HealthSectionTest {
    @TempDir
    Path dir;

    private Map<String, String> site() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n- [Onboarding](onboarding/first-week.md)\n- [Setup](setup.md)\n");
        f.put("onboarding/first-week.md", "---\ndescription: The first week.\n---\n\n# Your first week\n\n"
                + "Everything a new engineer needs in the first week is on this page: accounts, the laptop, the team,"
                + " the services we run and where each of them is documented, so nobody has to wait for a meeting.\n");
        f.put("setup.md", "# Setup\n\nAsk Sam for the password. [Broken](nope.md)\n");
        return f;
    }

    @Test
    void overviewPageTableAndBadgesWorkWithoutJavaScript() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), site());
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Document overview = Jsoup.parse(dir.resolve("out/health/index.html").toFile());
        assertThat(overview.select("h2#verdict-title").text()).matches("Async readiness: \\d+ of 100, (ready|partly ready|not ready)");
        // gauges are inline SVG with a text alternative
        assertThat(overview.select("svg.gauge[role=img][aria-label]")).hasSize(6);
        assertThat(overview.select("svg.age-chart title").first().text()).contains("age");
        // three pages: only the norms are expected yet, not records and reference (see Category.RECORDS_FROM)
        assertThat(overview.select("table.health-categories tbody tr")).hasSize(3);
        assertThat(overview.select("ol.health-fixes > li > strong").eachText()).anyMatch(t -> t.startsWith("Write "))
                .anyMatch(t -> t.startsWith("Answer in the page"));
        // the reasons and fixes show `code` as code, not backticks
        assertThat(overview.select("ol.health-fixes").html()).doesNotContain("`");

        Document table = Jsoup.parse(dir.resolve("out/health/pages/index.html").toFile());
        Element first = table.select("table.health-pages tbody tr").first();
        assertThat(first.id()).isEqualTo("p-setup-md");
        assertThat(first.select("a").attr("href")).isEqualTo("../../setup/");
        // a broken link and "ask Sam": links and self-service are 0, only findability counts
        assertThat(first.select(".health-badge").hasClass("health-poor")).isTrue();
        assertThat(Integer.parseInt(first.select(".health-badge").text())).isLessThan(50);
        assertThat(table.select("table.health-pages tbody tr")).hasSize(3);

        Document setup = Jsoup.parse(dir.resolve("out/setup/index.html").toFile());
        Element badge = setup.select("a.health-badge").first();
        assertThat(badge.text()).isEqualTo("Health " + first.select(".health-badge").text());
        assertThat(badge.attr("href")).isEqualTo("../health/pages/#p-setup-md");
        assertThat(setup.select("footer.site-footer a").attr("href")).isEqualTo("../health/");
    }

    @Test
    void aContentFolderNamedHealthKeepsItsUrl() throws IOException {
        Map<String, String> f = site();
        f.put("health/README.md", "# Health insurance\n\nHow to enrol.\n");
        Path content = TestSites.write(dir.resolve("content"), f);
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        assertThat(Jsoup.parse(dir.resolve("out/health/index.html").toFile()).select("h1").text())
                .isEqualTo("Health insurance");
        assertThat(dir.resolve("out/docpulse-health/index.html")).exists();
    }

    @Test
    void codeBlocksAndTablesTakeFocusAndTaskBoxesHaveNames() {
        String html = "<pre><code>x</code></pre><pre tabindex=\"-1\">y</pre><table class=\"t\"><tr><td>1</td></tr></table>"
                + "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />"
                + "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked=\"checked\" disabled=\"disabled\" />";
        assertThat(SiteRenderer.accessible(html))
                .contains("<pre tabindex=\"0\"><code>").contains("<pre tabindex=\"-1\">")
                .contains("<table tabindex=\"0\" class=\"t\">")
                .contains("aria-label=\"to do\" disabled").contains("aria-label=\"done\" checked");
    }
}
