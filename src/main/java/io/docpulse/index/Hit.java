package io.docpulse.index;

/**
 * One search result: a page, deep-linked to its best-matching section.
 *
 * @param path    the page's content path
 * @param url     the page's URL, with {@code #anchor} when a section matched best
 * @param title   the page title
 * @param section the matching section's heading, or empty when the page as a whole matched best
 * @param snippet a short extract with the matching words wrapped in {@code <mark>}...{@code </mark>}
 * @param score   the relevance score (higher is better; only comparable within one query)
 */
public record Hit(String path, String url, String title, String section, String snippet, float score) {
}
