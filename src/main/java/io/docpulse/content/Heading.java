package io.docpulse.content;

/**
 * A heading of a page.
 *
 * @param level 1 to 6
 * @param text  the heading as plain text (markup removed)
 * @param id    its anchor id: GitHub's slug, or the explicit {@code {#id}}
 * @param line  1-based line in the Markdown file
 */
public record Heading(int level, String text, String id, int line) implements java.io.Serializable {
}
