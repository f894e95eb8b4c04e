package io.docpulse.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML block at the top of a page, with the keys docpulse understands pulled out.
 * Keys it does not know are kept in {@link #other()} for themes and later checks.
 *
 * @param title       {@code title}, or empty
 * @param description {@code description}, or empty
 * @param tags        {@code tags} (a list, or one comma-separated string)
 * @param owner       {@code owner}, or empty
 * @param type        {@code type} (runbook, adr, onboarding...), or empty
 * @param status      {@code status} (for decision records), or empty
 * @param reviewed    {@code reviewed} as written (an ISO date), or empty
 * @param reviewBy    {@code review_by} as written (an ISO date), or empty
 * @param draft       {@code draft: true} keeps the page out of the site
 * @param weight      {@code weight} orders the navigation (lower first); empty when not set
 * @param aliases     {@code aliases}: old paths that redirect to this page
 * @param lines       number of lines the block takes in the file, fences included (0 when absent)
 * @param other       every other key, as plain Java values (strings, numbers, lists, maps)
 */
public record FrontMatter(String title, String description, List<String> tags, String owner, String type,
                          String status, String reviewed, String reviewBy, boolean draft, Optional<Integer> weight,
                          List<String> aliases, int lines, Map<String, Object> other) implements java.io.Serializable {
    public static final FrontMatter NONE = new FrontMatter("", "", List.of(), "", "", "", "", "", false,
            Optional.empty(), List.of(), 0, Map.of());

    public FrontMatter {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        other = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(other));
    }

    /** Kept in the cache as {@link Kept} ({@code Optional} cannot be serialised). */
    private Object writeReplace() {
        return new Kept(title, description, tags, owner, type, status, reviewed, reviewBy, draft, weight.orElse(null),
                aliases, lines, new java.util.TreeMap<>(other));
    }

    private record Kept(String title, String description, List<String> tags, String owner, String type,
                        String status, String reviewed, String reviewBy, boolean draft, Integer weight,
                        List<String> aliases, int lines, java.util.TreeMap<String, Object> other)
            implements java.io.Serializable {
        private Object readResolve() {
            return new FrontMatter(title, description, tags, owner, type, status, reviewed, reviewBy, draft,
                    Optional.ofNullable(weight), aliases, lines, other);
        }
    }
}
