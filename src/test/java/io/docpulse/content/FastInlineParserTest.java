package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The faster inline parser must parse exactly as flexmark's own, except where flexmark departs from
 * CommonMark: spaces in {@code <...>} destinations, titles it found by backtracking, and indented
 * link reference definitions after the first.
 */
class FastInlineParserTest {
    private static final List<String> SAMPLES = List.of(
            "Text [standard][srb] and [srb].\n\n[srb]: https://github.com/standardrb/standard \"Standard\"\n",
            "A `code span` and ``double `ticks` span``, *emphasis*, **strong**, <https://example.com>.\n",
            "[inline](https://example.com/a_(b) \"title\") and ![image](img.png 'alt title')\n",
            "<span class=\"x\">html</span> &amp; &#123; entities\\* escaped \\[not a link]\n",
            "[label]\n\n[LABEL]:\n  https://example.com/multi-line\n  'on two lines'\n\nA paragraph.\n",
            "| a | `b|c` |\n| --- | --- |\n| [x](y.md) | **z** |\n");

    private static String render(Parser parser, String md) {
        MutableDataSet o = new MutableDataSet();
        return HtmlRenderer.builder(o).extensions(List.of(TablesExtension.create())).build().render(parser.parse(md));
    }

    @Test
    void rendersTheSameHtmlAsFlexmarksOwnParser() throws IOException {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        Parser stock = Parser.builder(o).build();
        Parser fast = FastInlineParser.use(Parser.builder(o)).build();
        List<String> inputs = new ArrayList<>(SAMPLES);
        // and every page of these docs
        Path content = Path.of(System.getProperty("docpulse.projectDir", ".")).resolve("content");
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) inputs.add(Files.readString(p));
        }
        assertThat(inputs.size()).isGreaterThan(SAMPLES.size() + 20);
        for (String md : inputs) assertThat(render(fast, md)).isEqualTo(render(stock, md));
        // a long paragraph of many inline spans, the case that was quadratic
        String longParagraph = "word `code` [link](x.md) ".repeat(4000);
        assertThat(render(fast, longParagraph)).isEqualTo(render(stock, longParagraph));
    }

    @Test
    void readsAngleDestinationsAndTitlesAsCommonMarkDoes() {
        MutableDataSet o = new MutableDataSet();
        Parser fast = FastInlineParser.use(Parser.builder(o)).build();
        assertThat(render(fast, "[a](<my page.md>) [b](my page.md) [c](<d> \"t\")\n"))
                .isEqualTo("<p><a href=\"my page.md\">a</a> [b](my page.md) <a href=\"d\" title=\"t\">c</a></p>\n");
        assertThat(render(fast, "[ref]\n\n[ref]: <my page.md> 'on the page'\n"))
                .isEqualTo("<p><a href=\"my page.md\" title=\"on the page\">ref</a></p>\n");
        // a title ends at its first unescaped quote: this one never ends, so there is no link
        assertThat(render(fast, "[a](b \"c\\\")\n")).isEqualTo("<p>[a](b &quot;c&quot;)</p>\n");
        String title = "x".repeat(5000);
        assertThat(render(fast, "[a](b \"" + title + "\")\n")).contains("title=\"" + title + "\"");
    }

    @Test
    void readsEveryIndentedReferenceDefinitionInAListItem() {
        Parser fast = FastInlineParser.use(Parser.builder(new MutableDataSet())).build();
        String md = "* item\n\n    [a][one] and [b][two]\n\n    [one]: /1\n    [two]: /2\n";
        assertThat(render(fast, md)).contains("<a href=\"/1\">a</a> and <a href=\"/2\">b</a>").doesNotContain("[two]:");
    }
}
