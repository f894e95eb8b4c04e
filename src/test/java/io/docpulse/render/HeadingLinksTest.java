package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The link ("#") each heading with an id gets, to copy a link to its section. */
class HeadingLinksTest {
    @Test
    void aHeadingWithAnIdLinksToItselfWithANameScreenReadersRead() {
        String html = HeadingLinks.add("<h1>Title</h1>\n<h2 id=\"set-up\">Set <code>up</code> &amp; &quot;go&quot;</h2>\n"
                + "<p>Text.</p>\n<h3 class=\"x\" id=\"more\">More</h3>\n<h4>No id</h4>\n");
        Document d = Jsoup.parseBodyFragment(html);
        Element link = d.selectFirst("h2 > a.heading-link");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("#set-up");
        assertThat(link.attr("aria-label")).isEqualTo("Link to this section: Set up & \"go\"");
        assertThat(link.text()).isEqualTo("#");
        // the heading keeps its own text first, so its accessible name and the table of contents stay the same
        assertThat(d.selectFirst("h2").child(0).tagName()).isEqualTo("code");
        assertThat(d.select("h3#more > a.heading-link").attr("href")).isEqualTo("#more");
        assertThat(d.select("h1 a, h4 a")).isEmpty();
        // written again over its own output, nothing is added twice
        assertThat(HeadingLinks.add(html)).isEqualTo(html);
    }
}
