package io.docpulse.content;

import java.util.List;

/**
 * A parsed Markdown page: everything later stages need, with no tie to the Markdown library.
 *
 * @param path        path relative to the content root ({@code guide/setup.md})
 * @param route       where it is served, relative to the site root ({@code guide/setup/}; {@code ""} is home)
 * @param title       the page title
 * @param titleSource where the title came from
 * @param frontMatter the front matter (or {@link FrontMatter#NONE})
 * @param headings    every heading, in order
 * @param links       every link and image as written, in order
 * @param text        the page as plain text (for search and word counts)
 * @param words       number of words in {@link #text()}
 * @param html        the rendered body, with links rewritten to site URLs
 * @param bodyHasH1   whether the body starts its own level-1 heading (then the theme adds none)
 * @param usesMermaid whether the page has a mermaid diagram (the theme loads mermaid only then)
 * @param usesTabs    whether the page has content tabs ({@code === "Tab"}; the theme loads tabs.js only then)
 * @param usesMath    whether the page has {@code $…$} or {@code $$…$$} math (the theme loads KaTeX only then)
 * @param codeLanguages the languages named by its fenced code blocks, in order of first use (mermaid excluded)
 * @param htmlAnchors ids and {@code <a name>} anchors defined in the page's raw HTML
 * @param sections    the page cut at its headings (level 2 and below), for search
 * @param sha256      hash of the file's bytes, hex
 */
public record Page(String path, String route, String title, TitleSource titleSource, FrontMatter frontMatter,
                   List<Heading> headings, List<RawLink> links, String text, int words, String html,
                   boolean bodyHasH1, boolean usesMermaid, boolean usesTabs, boolean usesMath, List<String> codeLanguages, List<String> htmlAnchors,
                   List<Section> sections, String sha256) implements java.io.Serializable {
    public Page {
        headings = List.copyOf(headings);
        codeLanguages = List.copyOf(codeLanguages);
        htmlAnchors = List.copyOf(htmlAnchors);
        sections = List.copyOf(sections);
        links = List.copyOf(links);
    }
}
