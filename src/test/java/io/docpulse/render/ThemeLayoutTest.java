package io.docpulse.render;

import static io.docpulse.TestSites.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** The default theme's page structure: the drawer, the 404 page, the search page, the health table and chart, the sitemap. */
class ThemeLayoutTest {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n- [Setup](setup.md)\n- [Long](a-folder-with-a-long-name/a-page-with-an-even-longer-name.md)\n");
        f.put("setup.md", "# Setup\n\n## Accounts\n\nText.\n\n## Laptop\n\nText.\n");
        f.put("a-folder-with-a-long-name/a-page-with-an-even-longer-name.md", "# Long\n\nText.\n");
        Path content = TestSites.write(dir.resolve("content"), f);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        out = dir.resolve("out");
    }

    private static Document html(String path) {
        return Jsoup.parse(read(out.resolve(path)));
    }

    @Test
    void theDrawerHoldsTheNavigationAndThePagesContents() {
        Document page = html("setup/index.html");
        assertThat(page.select("header a.menu-link").attr("href")).isEqualTo("#drawer");
        Element drawer = page.selectFirst("#drawer");
        assertThat(drawer).isNotNull();
        assertThat(drawer.select("#site-nav a[aria-current=page]").text()).isEqualTo("Setup");
        assertThat(drawer.select("nav.toc a").eachAttr("href")).containsExactly("#accounts", "#laptop");
        // without JavaScript, Close and a tap beside the drawer lead away from #drawer, which shuts it
        assertThat(drawer.select("a.drawer-close").attr("href")).isEqualTo("#content");
        assertThat(page.select("#drawer ~ a.drawer-backdrop").attr("href")).isEqualTo("#content");
    }

    @Test
    void the404PageCarriesItsStyleAndHasNoEmptyNavigation() {
        Document page = html("404.html");
        // from disk or under a sub-path, /docpulse-assets/style.css would not load
        assertThat(page.select("link[rel=stylesheet]")).isEmpty();
        assertThat(page.select("head style").html()).contains(".site-header").contains(".drawer");
        assertThat(page.select("script[src]")).isEmpty();
        assertThat(page.select("#site-nav, #drawer, .menu-link")).isEmpty();
        assertThat(page.select("ul.section-list a").eachText()).contains("Setup", "A folder with a long name");
    }

    @Test
    void theSearchPageHasNoSecondSearchBoxInTheHeader() {
        assertThat(html("search/index.html").selectFirst("header form.site-search").hasAttr("hidden")).isTrue();
        assertThat(html("setup/index.html").selectFirst("header form.site-search").hasAttr("hidden")).isFalse();
    }

    @Test
    void theHealthTableShowsHealthFirstAndShortPaths() {
        Document table = html("health/pages/index.html");
        assertThat(table.select("table.health-pages thead th").first().text()).isEqualTo("Health");
        Element row = table.selectFirst("tr#p-a-folder-with-a-long-name-a-page-with-an-even-longer-name-md");
        assertThat(row.select("td").first().select(".health-badge")).hasSize(1);
        Element path = row.selectFirst("code.page-path");
        assertThat(path.text()).hasSizeLessThanOrEqualTo(HealthView.SHORT_PATH).contains("…").startsWith("a-folder")
                .endsWith("longer-name.md");
        assertThat(path.attr("title")).isEqualTo("a-folder-with-a-long-name/a-page-with-an-even-longer-name.md");
        // the table scrolls inside itself, and a keyboard can scroll it
        assertThat(table.selectFirst("table.health-pages").parent().attr("tabindex")).isEqualTo("0");
    }

    @Test
    void shortPathsKeepTheTopFolderAndTheEnd() {
        assertThat(HealthView.shortPath("setup.md", 36)).isEqualTo("setup.md");
        assertThat(HealthView.shortPath("decisions/0002-flexmark-modules-not-flexmark-all.md", 20))
                .isEqualTo("decisions…ark-all.md").hasSize(20);
    }

    @Test
    void theAgeChartKeepsTheTallestCountAndEveryLabelInside() {
        Document overview = html("health/index.html");
        Element svg = overview.selectFirst("svg.age-chart");
        int fontSize = 14;
        for (Element count : svg.select("text.bar-count")) {
            assertThat(Integer.parseInt(count.attr("y"))).as("baseline of " + count.text()).isGreaterThanOrEqualTo(fontSize);
        }
        // two short lines under each bar, so neighbouring labels never touch
        assertThat(svg.select("text.bar-label").eachText()).contains("under 1 month", "1-3 months", "no date");
        assertThat(svg.select("text.bar-label tspan")).hasSize(6);
        String[] box = svg.attr("viewBox").split(" ");
        int height = Integer.parseInt(box[3]);
        for (Element label : svg.select("text.bar-label")) {
            assertThat(Integer.parseInt(label.attr("y")) + 17).isLessThanOrEqualTo(height - 4);
        }
    }

    @Test
    void noSitemapWithoutAHostInBaseUrl() throws IOException {
        assertThat(out.resolve("sitemap.xml")).doesNotExist();
        Path withHost = dir.resolve("with-host");
        Path content = TestSites.write(withHost.resolve("content"), Map.of("README.md", "# Home\n"));
        TestSites.Run run = TestSites.build(withHost, content, "--base-url", "/docs/");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(withHost.resolve("out/sitemap.xml")).doesNotExist();
        run = TestSites.build(withHost, content, "--base-url", "https://example.com/docs/");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(withHost.resolve("out/sitemap.xml")).content().contains("<loc>https://example.com/docs/</loc>");
    }
}
