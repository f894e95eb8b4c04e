package io.docpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;


import io.docpulse.JudgedSets;
import io.docpulse.TestSites;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Page;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;
import io.docpulse.index.Hit;
import io.docpulse.index.SearchIndex;

/**
 * The judged query sets of bench/search/, asked twice: of {@code docpulse search} (the Lucene
 * index) and of the built site's search, in headless chromium from disk. The site must do as well
 * (success@3 within 0.02) and put the same page first for at least 90% of the questions.
 */
class SiteSearchJudgedTest {
    @TempDir
    static Path dir;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = Chromium.start(1200, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    @ParameterizedTest
    @ValueSource(strings = {"content", "artsy-readme", "cse-playbook"})
    void theSiteRanksAsTheTerminalDoes(String set) throws IOException {
        JudgedSets.JudgedSet judged = JudgedSets.load(set);
        Path project = judged.project();
        Path root = judged.root();
        Path work = dir.resolve(set);
        TestSites.Run run = TestSites.build(work, root);
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);

        List<String> questions = judged.questions().stream().map(JudgedSets.Question::text).toList();
        List<List<String>> relevant = judged.questions().stream().map(JudgedSets.Question::relevant).toList();

        ContentSet content = new ContentScanner(Set.of("docpulse.yml")).scan(root);
        ParsedContent parsed = new ContentParser(new Routes(content, "/", "", "")).parse(content, 2);
        Map<String, String> pathOfRoute = new HashMap<>();
        for (Page p : parsed.pages()) pathOfRoute.put(p.route(), p.path());
        List<List<String>> terminal = new ArrayList<>();
        try (SearchIndex index = SearchIndex.openOrBuild(work.resolve("cache/index"), parsed.pages(), "/",
                p -> "/" + Routes.encodePath(p.route()))) {
            for (String q : questions) terminal.add(index.search(q, 10).stream().map(Hit::path).toList());
        }

        browser.get(work.resolve("out/search/index.html").toUri().toString());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        @SuppressWarnings("unchecked")
        List<List<String>> routes = (List<List<String>>) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var qs = arguments[0]; var out = [];"
                        + "function next(i) { if (i === qs.length) return done(out);"
                        + "  docpulseSearch.search(qs[i], 10, false).then(function (r) {"
                        + "    out.push(r.items.map(function (x) { return x.route; })); next(i + 1); })"
                        + "  .catch(function (e) { done(String(e)); }); }"
                        + "next(0);", questions);
        List<List<String>> site = routes.stream()
                .map(l -> l.stream().map(r -> pathOfRoute.getOrDefault(java.net.URLDecoder.decode(r.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8), "?" + r)).toList()).toList();

        int sameFirst = 0;
        int terminalAt3 = 0;
        int siteAt3 = 0;
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            List<String> t = terminal.get(i);
            List<String> s = site.get(i);
            String tFirst = t.isEmpty() ? "" : t.get(0);
            String sFirst = s.isEmpty() ? "" : s.get(0);
            if (tFirst.equals(sFirst)) sameFirst++;
            else differ.add(questions.get(i) + "\tterminal " + tFirst + "\tsite " + sFirst);
            if (within3(t, relevant.get(i))) terminalAt3++;
            if (within3(s, relevant.get(i))) siteAt3++;
        }
        int n = questions.size();
        String summary = String.format(Locale.ROOT,
                "%s: %d questions, success@3 terminal %.3f, site %.3f; same first page %d (%.1f%%)%n", set, n,
                (double) terminalAt3 / n, (double) siteAt3 / n, sameFirst, 100.0 * sameFirst / n);
        Files.writeString(project.resolve("target/site-search-judged-" + set + ".txt"),
                summary + String.join("\n", differ) + "\n");
        System.out.print(summary);
        assertThat(Math.abs(terminalAt3 - siteAt3) / (double) n).as(summary).isLessThanOrEqualTo(0.02);
        assertThat(sameFirst / (double) n).as(summary + String.join("\n", differ)).isGreaterThanOrEqualTo(0.9);
    }

    private static boolean within3(List<String> ranked, List<String> relevant) {
        return ranked.stream().limit(3).anyMatch(relevant::contains);
    }
}
