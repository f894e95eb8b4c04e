package io.docpulse.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import io.docpulse.content.Page;

/**
 * What a page is about in a sentence or two, for {@code <meta name="description">} and the card a
 * chat or social site shows for a link (Open Graph, Twitter): the front matter's
 * {@code description:}, else (on the home page) the site's description, else the page's first
 * paragraph as plain text, cut to {@link #MAX} characters.
 */
final class PageDescription {
    /** Longest description, in characters; link previews cut longer ones anyway. */
    static final int MAX = 200;

    private PageDescription() {
    }

    static String of(Page page, String siteDescription) {
        String written = page.frontMatter().description();
        if (!written.isBlank()) return written.strip();
        if (page.route().isEmpty() && !siteDescription.isBlank()) return siteDescription.strip();
        return cut(firstParagraph(page.html()), MAX);
    }

    /** The text of the body's first top-level paragraph (not one in a note, quote or list), or "". */
    static String firstParagraph(String html) {
        for (Element e : Jsoup.parseBodyFragment(html).body().children()) {
            if (e.tagName().equals("p") && !e.text().isBlank()) return e.text();
        }
        return "";
    }

    /**
     * {@code text} in at most {@code max} characters: whole when it fits, else up to the last end
     * of a sentence that keeps at least half of it, else up to the last whole word and "…".
     */
    static String cut(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() <= max) return t;
        for (int i = max - 1; i >= max / 2; i--) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && t.charAt(i + 1) == ' ') return t.substring(0, i + 1);
        }
        int space = t.lastIndexOf(' ', max - 1);
        String head = space >= max / 2 ? t.substring(0, space) : t.substring(0, max - 1);
        return head.replaceAll("[\\s,;:\\-–—]+$", "") + "…";
    }
}
