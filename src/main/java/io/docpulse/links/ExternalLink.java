package io.docpulse.links;

import io.docpulse.content.SourceRef;

/**
 * An http(s) link found in the content, with where it was written.
 *
 * @param url   the URL as written
 * @param text  the link text
 * @param where file, line and column of the link
 */
public record ExternalLink(String url, String text, SourceRef where) {
}
