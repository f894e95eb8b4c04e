package io.docpulse.content;

/**
 * A heading and the text under it, up to the next heading: what a search result deep-links to.
 * The text before a page's first section heading is a section with an empty id.
 *
 * @param id      the heading's anchor id, or empty for the page's opening text
 * @param heading the heading as plain text, or empty for the opening text
 * @param level   the heading level (2 to 6), or 1 for the opening text
 * @param text    the plain text under the heading
 */
public record Section(String id, String heading, int level, String text) implements java.io.Serializable {
}
