package io.docpulse.content;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything discovered under the content root, in path order.
 *
 * @param root     the content root (real path)
 * @param pages    the Markdown files
 * @param assets   every other file that is copied to the site as it is
 * @param findings problems met while walking (symlinks out of the root, unreadable files)
 * @param hidden   files in hidden folders ({@code .gitbook/assets/}) and hidden files: not pages, and
 *                 copied to the site only when a page links to them
 */
public record ContentSet(Path root, List<SourceFile> pages, List<SourceFile> assets, List<Finding> findings,
                         List<SourceFile> hidden) {
    public ContentSet {
        pages = List.copyOf(pages);
        assets = List.copyOf(assets);
        findings = List.copyOf(findings);
        hidden = List.copyOf(hidden);
    }

    public ContentSet(Path root, List<SourceFile> pages, List<SourceFile> assets, List<Finding> findings) {
        this(root, pages, assets, findings, List.of());
    }
}
