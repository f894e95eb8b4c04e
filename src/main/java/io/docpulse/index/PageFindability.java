package io.docpulse.index;

import java.util.List;

/**
 * How findable one page is, with the evidence.
 *
 * @param path     the page's content path
 * @param score    0 to 100 (see content/reference/findability.md)
 * @param findable its title, searched as a query, puts it in the top 3
 * @param queries  the known-item queries run for it, and where it landed
 * @param reasons  what cost it points, in plain sentences
 * @param nearDuplicates pages with nearly the same text, most similar first
 */
public record PageFindability(String path, int score, boolean findable, List<KnownItem> queries, List<String> reasons,
                              List<NearDuplicates.Match> nearDuplicates) {
    public PageFindability {
        queries = List.copyOf(queries);
        reasons = List.copyOf(reasons);
        nearDuplicates = List.copyOf(nearDuplicates);
    }

    /**
     * A query a reader who knows the page would type.
     *
     * @param kind        {@code title}, {@code description} or {@code heading}
     * @param query       the query
     * @param rank        the page's rank for it (1 is first), or 0 when not in the top 10
     * @param outrankedBy pages that came before it (at most 3)
     */
    public record KnownItem(String kind, String query, int rank, List<String> outrankedBy) {
        public KnownItem {
            outrankedBy = List.copyOf(outrankedBy);
        }
    }
}
