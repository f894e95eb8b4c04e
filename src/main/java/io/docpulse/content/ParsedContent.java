package io.docpulse.content;

import java.util.List;

/**
 * The parse stage's result.
 *
 * @param pages    every page that could be read, in path order (drafts included)
 * @param findings problems met while reading and parsing
 */
public record ParsedContent(List<Page> pages, List<Finding> findings) {
    public ParsedContent {
        pages = List.copyOf(pages);
        findings = List.copyOf(findings);
    }
}
