package io.docpulse.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How fresh one page is, and who owns it.
 *
 * @param path        the page's content path
 * @param lastUpdated when it last really changed (or was marked reviewed); empty when unknown
 * @param lastAuthor  who made that change, or empty
 * @param lastCommit  the commit of that change, or empty
 * @param dateSource  {@code git}, {@code reviewed} (front matter), {@code uncommitted}, {@code file-time}
 *                    (outside git, only with {@code freshness.file_times}) or {@code unknown}
 * @param commits     commits that touched the page
 * @param owner       its owner, or empty
 * @param ownerSource {@code front-matter}, {@code codeowners} or {@code none}
 * @param type        its type (runbook, onboarding, process, reference, decision, ...)
 * @param typeSource  {@code front-matter}, {@code path} or {@code default}
 * @param ageDays     whole days from the last update to "now"; empty when unknown
 * @param budgetDays  days a page of this type may go without a change; empty when it never goes stale
 * @param reviewBy    front matter {@code review_by}, or empty
 * @param stale       past its budget or its review_by date
 * @param ignored     later commits that were not real changes, newest first
 */
public record Freshness(String path, Optional<Instant> lastUpdated, String lastAuthor, String lastCommit,
                        String dateSource, int commits, String owner, String ownerSource, String type,
                        String typeSource, Optional<Long> ageDays, Optional<Integer> budgetDays, String reviewBy,
                        boolean stale, List<IgnoredChange> ignored) {
    public Freshness {
        ignored = List.copyOf(ignored);
    }
}
