package io.docpulse.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to its own section ("#") at the end of every heading of levels 2 to 6 that has an id, as
 * readers of MkDocs and Docusaurus sites expect: the theme shows it on hover and on keyboard focus.
 * Its accessible name says what it is ("Link to this section: Install"), not "#".
 */
final class HeadingLinks {
    private static final Pattern HEADING = Pattern.compile(
            "<h([2-6])(\\s[^>]*?\\bid=\"([^\"]+)\"[^>]*)>(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private HeadingLinks() {
    }

    static String add(String html) {
        return HEADING.matcher(html).replaceAll(m -> {
            String inner = m.group(4);
            if (inner.contains("class=\"heading-link\"")) return Matcher.quoteReplacement(m.group());
            String text = org.jsoup.parser.Parser.unescapeEntities(TAG.matcher(inner).replaceAll(""), false)
                    .replaceAll("\\s+", " ").strip();
            String link = "<a class=\"heading-link\" href=\"#" + m.group(3) + "\" aria-label=\"Link to this section: "
                    + attribute(text) + "\">#</a>";
            return Matcher.quoteReplacement("<h" + m.group(1) + m.group(2) + ">" + inner + " " + link + "</h" + m.group(1) + ">");
        });
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
