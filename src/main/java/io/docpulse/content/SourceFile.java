package io.docpulse.content;

import java.nio.file.Path;

/**
 * A file found under the content root.
 *
 * @param path     path relative to the content root, with {@code /} separators
 * @param absolute where it is on disk (inside the content root, symlinks resolved)
 * @param markdown whether it is a Markdown page ({@code .md}) rather than an asset
 * @param size     size in bytes when discovered
 */
public record SourceFile(String path, Path absolute, boolean markdown, long size) {
    /** The folder part of {@link #path()}, with a trailing slash, or empty at the root. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** The file name without its extension. */
    public String baseName() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
