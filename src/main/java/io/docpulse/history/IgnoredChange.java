package io.docpulse.history;

import java.time.Instant;

/**
 * A commit that touched a page after its last real change but was not counted as one.
 *
 * @param commit the commit id (full hex)
 * @param when   its committer date
 * @param author its author's name
 * @param reason why it does not count ("only whitespace or line wrapping changed", ...)
 */
public record IgnoredChange(String commit, Instant when, String author, String reason) {
}
