package io.docpulse.questions;

import io.docpulse.content.SourceRef;

/**
 * A question a team gave docpulse, as read.
 *
 * @param text     the question, as asked (chat markup stripped)
 * @param where    where it was read: the questions file or the export file, and its 1-based line
 * @param expected the content path of the page that should answer it, or empty
 * @param anchor   the heading id on that page that should answer it (without {@code #}), or empty
 * @param chat     true when read from a chat export (noisier than a questions file a team wrote)
 */
public record Question(String text, SourceRef where, String expected, String anchor, boolean chat) {
}
