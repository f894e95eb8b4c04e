package io.docpulse.links;

import java.util.List;
import java.util.Map;

import io.docpulse.content.Finding;

/**
 * The links stage's result: the link graph, the external links to check, and the findings.
 *
 * @param pages     per page (by content path), its place in the link graph
 * @param external  every http(s) link, in page then line order
 * @param findings  broken links, missing anchors and assets, links out of the content, orphans
 * @param checked   number of internal links (and images) that were resolved
 * @param hidden    the files in hidden folders that pages link to, which the site must include
 */
public record LinkReport(Map<String, PageLinks> pages, List<ExternalLink> external, List<Finding> findings,
                         int checked, java.util.SortedSet<String> hidden) {
    public LinkReport {
        pages = Map.copyOf(pages);
        external = List.copyOf(external);
        findings = List.copyOf(findings);
        hidden = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(hidden));
    }
}
