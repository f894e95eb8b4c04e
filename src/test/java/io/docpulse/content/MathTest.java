package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/**
 * {@code $…$} and {@code $$…$$} math, read as pymdownx.arithmatex reads it, and KaTeX in the site
 * only for the pages that have math.
 */
class MathTest {
    @TempDir
    static Path dir;
    static TestSites.Run run;

    @BeforeAll
    static void build() throws IOException {
        Path content = TestSites.write(dir.resolve("c"), Map.of(
                "README.md", "# Home\n\n- [Math](math.md)\n- [Money](money.md)\n",
                "math.md", """
                        # Math

                        Euler: $e^{i\\pi} + 1 = 0$, and $a_1 * b_1$ stays one formula.

                        $$
                        \\int_0^1 x^2 \\, dx = \\frac{1}{3}
                        $$

                        Inline display: $$\\sum_{k=1}^n k$$ in a sentence.

                        $$ E = mc^2 $$

                        ## The $O(n)$ pass
                        """,
                "money.md", """
                        # Money

                        It costs $5 and $10, or $5-$10 with tax.

                        Set $HOME and $PATH in your shell, or echo $USER.

                        Write `$x$` in code, and an escaped \\$x\\$ stays too.

                        ```bash
                        echo "$HOME" "$x$"
                        ```

                        $$ is not closed here
                        and the paragraph ends.
                        """));
        run = TestSites.build(dir, content);
    }

    private static Document html(String path) throws IOException {
        return Jsoup.parse(Files.readString(dir.resolve("out").resolve(path)));
    }

    private static List<JsonNode> findings(String rule) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).get("findings")) {
            if (f.get("rule").asText().equals(rule)) out.add(f);
        }
        return out;
    }

    @Test
    void dollarMathBecomesInlineAndDisplayMath() throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        Document page = html("math/index.html");
        assertThat(page.select("article p span.math-inline").eachText()).containsExactly("e^{i\\pi} + 1 = 0", "a_1 * b_1");
        // a heading's math counts in its id and in "On this page"
        assertThat(page.select("h2").attr("id")).isEqualTo("the-on-pass");
        assertThat(page.select(".toc a").text()).isEqualTo("The O(n) pass");
        assertThat(page.select("div.math-display").eachText())
                .containsExactly("\\int_0^1 x^2 \\, dx = \\frac{1}{3}", "E = mc^2");
        assertThat(page.select("p span.math-display").eachText()).containsExactly("\\sum_{k=1}^n k");
        // the underscores and the star stay TeX, not emphasis
        assertThat(page.select("article em, article strong")).isEmpty();
        assertThat(page.select("article").text()).doesNotContain("$");
    }

    @Test
    void pricesShellVariablesAndCodeAreNotMath() throws IOException {
        Document page = html("money/index.html");
        assertThat(page.select(".math")).isEmpty();
        assertThat(page.select("article p").eachText()).contains("It costs $5 and $10, or $5-$10 with tax.",
                "Set $HOME and $PATH in your shell, or echo $USER.", "Write $x$ in code, and an escaped $x$ stays too.");
        assertThat(page.select("article code").first().text()).isEqualTo("$x$");
        assertThat(page.select("pre code").text()).isEqualTo("echo \"$HOME\" \"$x$\"");
    }

    @Test
    void anUnclosedDisplayMathIsAFindingNotSilentText() throws IOException {
        assertThat(findings("math-unclosed")).extracting(f -> f.get("file").asText(), f -> f.get("line").asInt())
                .containsExactly(tuple("money.md", 13));
        assertThat(html("money/index.html").select("article p").last().text()).startsWith("$$ is not closed here");
    }

    @Test
    void katexIsWrittenAndLoadedOnlyForPagesWithMath() throws IOException {
        Document math = html("math/index.html");
        assertThat(math.select("link[href$=katex/katex.min.css]")).hasSize(1);
        assertThat(math.select("script[src$=katex/katex.min.js]")).hasSize(1);
        assertThat(math.select("script[src$=math.js]")).hasSize(1);
        for (String other : new String[] {"money/index.html", "index.html"}) {
            assertThat(html(other).select("link[href*=katex], script[src*=katex], script[src$=math.js]")).as(other).isEmpty();
        }
        Path katex = dir.resolve("out/docpulse-assets/katex");
        assertThat(katex.resolve("katex.min.js")).isNotEmptyFile();
        // fonts inside the style sheet: a page opened from disk cannot load font files
        String css = Files.readString(katex.resolve("katex.min.css"), StandardCharsets.UTF_8);
        assertThat(css).contains("url(data:font/woff2;base64,").doesNotContain("url(fonts/");
    }

    @Test
    void aSiteWithoutMathHasNoKatex(@TempDir Path other) throws IOException {
        Path content = TestSites.write(other.resolve("c"), Map.of("README.md", "# Home\n\nCosts $5.\n"));
        TestSites.Run plain = TestSites.build(other, content);
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(other.resolve("out/docpulse-assets/katex")).doesNotExist();
    }
}
