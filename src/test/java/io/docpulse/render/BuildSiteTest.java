package io.docpulse.render;

import static io.docpulse.TestSites.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** Builds the {@code basic} fixture site once and inspects the output with jsoup. */
class BuildSiteTest {
    @TempDir
    static Path dir;
    static Path out;
    static TestSites.Run run;

    @BeforeAll
    static void build() throws IOException {
        Path content = TestSites.copy("basic", dir);
        run = TestSites.build(dir, content);
        out = dir.resolve("out");
    }

    private static Document html(String path) {
        return Jsoup.parse(read(out.resolve(path)));
    }

    @Test
    void buildSucceedsAndSummarises() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Built 9 pages").contains("-> " + out);
    }

    @Test
    void prettyUrlsAndIndexPages() {
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("guide/setup/index.html")).exists();
        assertThat(out.resolve("reference/index.html")).exists();
        assertThat(out.resolve("reference/api/endpoints/index.html")).exists();
        assertThat(out.resolve("sitemap.xml")).doesNotExist(); // no base_url: a sitemap needs absolute URLs
        assertThat(out.resolve("404.html")).exists();
        assertThat(out.resolve("assets-only/logo.png")).exists();
        assertThat(out.resolve("guide/draft-page")).doesNotExist();
    }

    @Test
    void linksAreRewrittenToSiteUrls() {
        Document home = html("index.html");
        List<String> hrefs = home.select("article a").eachAttr("href");
        assertThat(hrefs).contains("guide/setup/", "guide/setup/#install-on-linux", "guide/", "reference/",
                "reference/cli/#usage", "https://example.com/page");
        assertThat(home.select("article img").attr("src")).isEqualTo("assets-only/logo.png");
        assertThat(home.select("article a:contains(raw HTML link)").attr("href")).isEqualTo("guide/setup/#install-on-linux");
        Document setup = html("guide/setup/index.html");
        assertThat(setup.select("article a").eachAttr("href")).contains("../faq/", "../../", "#my-anchor");
        Document faq = html("guide/faq/index.html");
        assertThat(faq.select("article a").eachAttr("href")).contains("../notes%20page/", "../appendix/");
        assertThat(faq.select("article a[href=../notes%20page/]")).hasSize(2);
        assertThat(faq.select("article a[title]").attr("title")).isEqualTo("The appendix");
    }

    @Test
    void headingIdsMatchGitHub() {
        Document setup = html("guide/setup/index.html");
        assertThat(setup.select("article h2").eachAttr("id")).containsExactly(
                "install-on-linux", "install-on-linux-1", "whats-new-in-v20", "docpulse-build-options",
                "ünïcödé-heading", "my-anchor");
        // the heading's own text, without the "#" link to its section that the build adds
        org.jsoup.nodes.Element custom = setup.selectFirst("article h2#my-anchor");
        custom.select("a.heading-link").remove();
        assertThat(custom.text()).isEqualTo("Custom anchor");
    }

    @Test
    void titlesComeFromFrontMatterThenH1ThenFileName() throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(titleOf(report, "README.md")).isEqualTo("Team handbook|front-matter");
        assertThat(titleOf(report, "guide/setup.md")).isEqualTo("Setting up|h1");
        assertThat(titleOf(report, "reference/api/endpoints.md")).isEqualTo("Endpoints|file-name");
        assertThat(html("guide/faq/index.html").select("article h1").text()).isEqualTo("Frequently asked questions");
        // a page whose body has its own H1 gets no second one from the theme
        assertThat(html("guide/setup/index.html").select("h1")).hasSize(1);
    }

    private static String titleOf(JsonNode report, String path) {
        for (JsonNode p : report.get("pages")) {
            if (p.get("path").asText().equals(path)) return p.get("title").asText() + "|" + p.get("titleSource").asText();
        }
        return null;
    }

    @Test
    void navigationFollowsWeightThenTitle() {
        Document faq = html("guide/faq/index.html");
        List<String> top = faq.select("#site-nav > ul > li > a").eachText();
        assertThat(top).containsExactly("Reference", "Guide");
        List<String> guide = faq.select("#site-nav li.active > ul > li > a").eachText();
        assertThat(guide).containsExactly("Setting up", "Frequently asked questions", "Notes page", "Alpha page", "Appendix");
        assertThat(faq.select("#site-nav a[aria-current=page]").text()).isEqualTo("Frequently asked questions");
        // other sections stay closed
        assertThat(faq.select("#site-nav a:contains(CLI)")).isEmpty();
    }

    @Test
    void breadcrumbsPrevNextAndToc() {
        Document faq = html("guide/faq/index.html");
        assertThat(faq.select(".breadcrumbs a").eachText()).containsExactly("Home", "Guide");
        assertThat(faq.select(".pager .prev").attr("href")).isEqualTo("../setup/");
        assertThat(faq.select(".pager .next").attr("href")).isEqualTo("../notes%20page/");
        Document setup = html("guide/setup/index.html");
        assertThat(setup.select(".toc a").eachAttr("href")).startsWith("#install-on-linux", "#install-on-linux-1");
    }

    @Test
    void alertsAdmonitionsTablesTasksFootnotes() {
        Document home = html("index.html");
        assertThat(home.select("div.admonition.note .admonition-title").first().text()).isEqualTo("Note");
        assertThat(home.select("div.admonition.note").first().text()).doesNotContain("[!NOTE]").contains("callouts");
        assertThat(home.select("div.admonition.warning")).hasSize(1);
        assertThat(home.select("blockquote").text()).isEqualTo("A plain quote stays a quote.");
        assertThat(home.select("div.admonition.tip .admonition-title").text()).isEqualTo("Handy");
        Element details = home.selectFirst("details.admonition.note");
        assertThat(details).isNotNull();
        assertThat(details.select("summary").text()).isEqualTo("Click to open");
        assertThat(home.select("table td del").text()).isEqualTo("b");
        assertThat(home.select("li.task-list-item input[type=checkbox]")).hasSize(2);
        assertThat(home.select("a[href=http://www.example.org]")).hasSize(1);
        assertThat(home.select("sup a").attr("href")).startsWith("#fn-");
    }

    @Test
    void codeKeepsLanguageAndMermaidLoadsOnlyWhereUsed() {
        Document setup = html("guide/setup/index.html");
        assertThat(setup.select("pre code.language-bash")).hasSize(1);
        assertThat(setup.select("script[src$=mermaid.min.js]")).isEmpty();
        Document faq = html("guide/faq/index.html");
        assertThat(faq.select("pre.mermaid").text()).contains("A[Question] --> B[Answer]");
        assertThat(faq.select("script[src$=mermaid.min.js]").attr("src")).isEqualTo("../../docpulse-assets/mermaid.min.js");
        assertThat(out.resolve("docpulse-assets/mermaid.min.js")).isNotEmptyFile();
        // syntax highlighting only where a fenced block names its language
        assertThat(setup.select("script[src$=highlight.min.js]")).hasSize(1);
        assertThat(faq.select("script[src$=highlight.min.js]")).isEmpty();
        assertThat(out.resolve("docpulse-assets/highlight/highlight.min.js")).isNotEmptyFile();
    }

    @Test
    void generatedSectionPageAndAliases() {
        // a folder with only images is not a section
        assertThat(out.resolve("assets-only/index.html")).doesNotExist();
        Document api = html("reference/api/index.html");
        assertThat(api.select(".section-list a").eachText()).containsExactly("Endpoints");
        Document redirect = html("old/setup/index.html");
        assertThat(redirect.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=../../guide/setup/");
        assertThat(out.resolve("install/index.html")).exists();
    }

    @Test
    void themeIsAccessibleAndEscaped() {
        Document home = html("index.html");
        assertThat(home.select("a.skip-link").attr("href")).isEqualTo("#content");
        assertThat(home.select("header")).hasSize(1);
        assertThat(home.select("main#content")).hasSize(1);
        assertThat(home.select("nav[aria-label]")).isNotEmpty();
        assertThat(home.select("html").attr("lang")).isEqualTo("en");
        assertThat(home.select(".site-name").text()).isEqualTo("Acme handbook");
        assertThat(home.select(".edit-link a").attr("href"))
                .isEqualTo("https://github.com/acme/handbook/edit/main/README.md");
    }

    @Test
    void reportJsonHasThePagesAndTheirHeadings() throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.get("pages")).hasSize(10); // the draft is listed, marked draft
        JsonNode setup = null;
        for (JsonNode p : report.get("pages")) if (p.get("path").asText().equals("guide/setup.md")) setup = p;
        assertThat(setup).isNotNull();
        assertThat(setup.get("url").asText()).isEqualTo("/guide/setup/");
        assertThat(setup.get("words").asInt()).isGreaterThan(20);
        JsonNode h = setup.get("headings").get(1);
        assertThat(h.get("level").asInt()).isEqualTo(2);
        assertThat(h.get("id").asText()).isEqualTo("install-on-linux");
        assertThat(h.get("line").asInt()).isEqualTo(8);
        assertThat(report.get("findings").isArray()).isTrue();
    }

    @Test
    void outputIsMarkedAsDocpulses() {
        assertThat(out.resolve(OutputFolder.MARKER)).exists();
        assertThat(Files.exists(dir.resolve("cache"))).isTrue();
    }
}
