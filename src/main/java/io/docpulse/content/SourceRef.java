package io.docpulse.content;

/**
 * A place in a content file.
 *
 * @param file   path relative to the content root, with {@code /} separators
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 */
public record SourceRef(String file, int line, int column) implements java.io.Serializable {
    public static SourceRef file(String file) {
        return new SourceRef(file, 0, 0);
    }

    public static SourceRef line(String file, int line) {
        return new SourceRef(file, line, 0);
    }

    /** {@code docs/guide.md:12:5}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.toString();
    }
}
