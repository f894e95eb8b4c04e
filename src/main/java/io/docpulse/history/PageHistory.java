package io.docpulse.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the repository says about one page.
 *
 * @param path       the page's content path
 * @param lastChange when its content last really changed; empty when history cannot tell (shallow clone)
 * @param lastAuthor who made that change, or empty
 * @param lastCommit the commit of that change, or empty (uncommitted changes, file times)
 * @param commits    how many commits touched it, renames followed
 * @param ignored    later commits that touched it but were not real changes, newest first
 * @param source     where the date comes from: {@code git}, {@code uncommitted}, {@code file-time}, {@code unknown}
 */
public record PageHistory(String path, Optional<Instant> lastChange, String lastAuthor, String lastCommit, int commits,
                          List<IgnoredChange> ignored, String source) {
    public PageHistory {
        ignored = List.copyOf(ignored);
    }
}
