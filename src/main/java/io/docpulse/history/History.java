package io.docpulse.history;

import java.util.List;
import java.util.Map;

import io.docpulse.content.Finding;

/**
 * The history stage's result.
 *
 * @param pages      per content path, what history says
 * @param findings   history-wide warnings (not a git repository, shallow clone)
 * @param repoRoot   the repository's work tree, when the content is in one (for CODEOWNERS), else empty
 * @param contentPrefix the content root's path inside the repository ({@code docs/}), or empty
 */
public record History(Map<String, PageHistory> pages, List<Finding> findings, java.util.Optional<java.nio.file.Path> repoRoot,
                      String contentPrefix) {
    public History {
        pages = Map.copyOf(pages);
        findings = List.copyOf(findings);
    }
}
