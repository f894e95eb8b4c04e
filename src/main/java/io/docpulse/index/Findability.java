package io.docpulse.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.docpulse.content.Finding;
import io.docpulse.content.Heading;
import io.docpulse.content.Page;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceRef;
import io.docpulse.content.TitleSource;
import io.docpulse.links.LinkReport;
import io.docpulse.links.PageLinks;
import io.docpulse.util.Parallel;

/**
 * Known-item findability: for every page, the queries a reader who knows it would type (its title,
 * its description, its second-level headings) are run against the index, and where the page lands
 * is recorded. With duplicate titles, missing titles and descriptions and click depth, this gives
 * each page a score from 0 to 100 and the site the average.
 */
public final class Findability {
    /** Known-item queries look this deep; a page below it counts as not found. */
    static final int DEPTH = 10;
    /** At most this many second-level headings of a page are tried as queries. */
    static final int MAX_HEADINGS = 5;
    /** A level-2 heading on this many pages or more is generic, and not a known-item query. */
    static final int GENERIC_HEADING_PAGES = 3;

    /** The analysis. */
    /**
     * @param searches how many distinct known-item queries were run against the index
     */
    public record Result(Map<String, PageFindability> pages, int siteScore, List<Finding> findings, int searches) {
        public Result {
            pages = Map.copyOf(pages);
            findings = List.copyOf(findings);
        }
    }

    private Findability() {
    }

    public static Result analyze(List<Page> all, SearchIndex index, LinkReport links, int maxDepth, int threads)
            throws IOException {
        return analyze(all, index, links, maxDepth, threads, null);
    }

    /** Bump when the known-item rankings or the near-duplicates (NearDuplicates) change for the same pages. */
    static final String FORMAT = "docpulse-known-items-2";

    /**
     * As {@link #analyze(List, SearchIndex, LinkReport, int, int)}, with the rankings of the
     * known-item queries kept in {@code keep} (in the cache folder) under the index's fingerprint:
     * the next build of the same pages runs no query twice.
     */
    public static Result analyze(List<Page> all, SearchIndex index, LinkReport links, int maxDepth, int threads,
                                 java.nio.file.Path keep) throws IOException {
        return analyze(all, index, links, maxDepth, threads, keep, path -> false);
    }

    /**
     * As {@link #analyze(List, SearchIndex, LinkReport, int, int, java.nio.file.Path)}, with the pages
     * meant to look like others (by path, as {@code findability.near_duplicates_expected} lists them;
     * front matter {@code near_duplicates: expected} counts too) left out of the near-duplicate check.
     */
    public static Result analyze(List<Page> all, SearchIndex index, LinkReport links, int maxDepth, int threads,
                                 java.nio.file.Path keep, java.util.function.Predicate<String> nearDuplicateExpected)
            throws IOException {
        List<Page> pages = all.stream().filter(p -> !p.frontMatter().draft()).toList();
        Map<String, List<String>> byTitle = new HashMap<>();
        for (Page p : pages) byTitle.computeIfAbsent(p.title().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p.path());

        // many pages share a query (a duplicate title, a common heading): each is run once
        Map<String, List<String>> memo = new ConcurrentHashMap<>();
        String key = FORMAT + "\n" + index.fingerprint() + "\n" + DEPTH;
        if (keep != null) {
            io.docpulse.util.Kept.read(keep, key, in -> {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String q = io.docpulse.util.Kept.readString(in);
                    int m = in.readInt();
                    List<String> ranked = new ArrayList<>(m);
                    for (int j = 0; j < m; j++) ranked.add(io.docpulse.util.Kept.readString(in));
                    memo.put(q, List.copyOf(ranked));
                }
                return n;
            });
        }
        int known = memo.size();
        List<List<PageFindability.KnownItem>> queries = runQueries(pages, index, threads, memo);
        if (keep != null && memo.size() != known) {
            Map<String, List<String>> sorted = new TreeMap<>(memo);
            io.docpulse.util.Kept.write(keep, key, out -> {
                out.writeInt(sorted.size());
                for (Map.Entry<String, List<String>> e : sorted.entrySet()) {
                    io.docpulse.util.Kept.writeString(out, e.getKey());
                    out.writeInt(e.getValue().size());
                    for (String path : e.getValue()) io.docpulse.util.Kept.writeString(out, path);
                }
            });
        }
        // the pages left out of the near-duplicate check are part of its key: the config can change alone
        StringBuilder dupKey = new StringBuilder(key).append("\nexpected:");
        for (Page p : pages) {
            if (NearDuplicates.expected(p) || nearDuplicateExpected.test(p.path())) dupKey.append(' ').append(p.path());
        }
        Map<String, List<NearDuplicates.Match>> duplicates = nearDuplicates(pages, threads, dupKey.toString(),
                nearDuplicateExpected, keep == null ? null : keep.resolveSibling("near-duplicates.bin"));
        Map<String, PageFindability> out = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            List<PageFindability.KnownItem> items = queries.get(i);
            List<String> reasons = new ArrayList<>();
            int score = 0;
            PageFindability.KnownItem title = items.get(0);
            if (title.rank() == 1) score += 40;
            else if (title.rank() >= 2 && title.rank() <= 3) score += 30;
            else if (title.rank() > 3) score += 10;
            if (title.rank() != 1) reasons.add(title.rank() == 0
                    ? "its title does not find it in the top " + DEPTH
                    : "its title finds it at rank " + title.rank());
            PageFindability.KnownItem desc = items.stream().filter(k -> k.kind().equals("description")).findFirst().orElse(null);
            if (desc == null) {
                reasons.add("it has no description");
            } else if (desc.rank() >= 1 && desc.rank() <= 3) {
                score += 15;
            } else {
                score += 5;
                reasons.add("its description does not find it in the top 3");
            }
            List<PageFindability.KnownItem> heads = items.stream().filter(k -> k.kind().equals("heading")).toList();
            long found = heads.stream().filter(k -> k.rank() >= 1 && k.rank() <= 3).count();
            score += heads.isEmpty() ? 15 : (int) Math.round(15.0 * found / heads.size());
            if (!heads.isEmpty() && found < heads.size()) {
                reasons.add((heads.size() - found) + " of its " + heads.size() + " section headings do not find it in the top 3");
            }
            if (p.titleSource() != TitleSource.FILE_NAME) score += 10;
            else reasons.add("it has no title of its own (the file name stands in)");
            List<String> same = byTitle.get(p.title().strip().toLowerCase(Locale.ROOT));
            List<NearDuplicates.Match> twins = duplicates.getOrDefault(p.path(), List.of());
            if (same.size() == 1 && twins.isEmpty()) score += 10;
            if (same.size() > 1) reasons.add("other pages have the same title");
            if (!twins.isEmpty()) {
                reasons.add("`" + twins.get(0).path() + "` has nearly the same text (" + percent(twins.get(0).similarity())
                        + " of their 5-word phrases are shared)");
            }
            PageLinks pl = links.pages().get(p.path());
            int depth = pl == null ? -1 : pl.clickDepth();
            if (depth >= 0 && depth <= maxDepth) score += 10;
            else reasons.add(depth < 0 ? "it cannot be reached from the home page" : "it is " + depth + " clicks from the home page");
            boolean findable = title.rank() >= 1 && title.rank() <= 3;
            out.put(p.path(), new PageFindability(p.path(), score, findable, items, reasons, twins));
            total += score;
            Set<String> alike = new HashSet<>(same);
            twins.forEach(m -> alike.add(m.path()));
            boolean rankExplained = alike.size() > 1
                    && foundButForTwins(p.path(), memo.getOrDefault(escape(title.query()), List.of()), alike);
            findings.addAll(findingsFor(p, title, same, twins, rankExplained, depth, maxDepth));
        }
        int site = pages.isEmpty() ? 100 : (int) Math.round((double) total / pages.size());
        return new Result(out, site, findings, memo.size());
    }

    /**
     * Whether the page would be in the top 3 for its title if the pages that share its title or its
     * text ({@code alike}, the page itself among them) were not there: then it is hard to find
     * because of them, which the duplicate-title and near-duplicate findings already say. A page
     * missing from a full top {@value #DEPTH} counts when fewer than 3 other pages are in it.
     */
    static boolean foundButForTwins(String self, List<String> ranked, Set<String> alike) {
        int others = 0;
        for (String path : ranked) {
            if (path.equals(self)) return others < 3;
            if (!alike.contains(path)) others++;
        }
        return ranked.size() >= DEPTH && others < 3;
    }

    /** Near-duplicate pages, kept in {@code keep} under the key of the rankings and the pages left out. */
    private static Map<String, List<NearDuplicates.Match>> nearDuplicates(List<Page> pages, int threads, String key,
                                                                         java.util.function.Predicate<String> expected,
                                                                         java.nio.file.Path keep) throws IOException {
        if (keep == null) return NearDuplicates.find(pages, threads, expected);
        var kept = io.docpulse.util.Kept.read(keep, key, in -> {
            Map<String, List<NearDuplicates.Match>> m = new TreeMap<>();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String path = io.docpulse.util.Kept.readString(in);
                int k = in.readInt();
                List<NearDuplicates.Match> list = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    list.add(new NearDuplicates.Match(io.docpulse.util.Kept.readString(in), in.readDouble()));
                }
                m.put(path, list);
            }
            return m;
        });
        if (kept.isPresent()) return kept.get();
        Map<String, List<NearDuplicates.Match>> found = NearDuplicates.find(pages, threads, expected);
        io.docpulse.util.Kept.write(keep, key, out -> {
            out.writeInt(found.size());
            for (Map.Entry<String, List<NearDuplicates.Match>> e : found.entrySet()) {
                io.docpulse.util.Kept.writeString(out, e.getKey());
                out.writeInt(e.getValue().size());
                for (NearDuplicates.Match m : e.getValue()) {
                    io.docpulse.util.Kept.writeString(out, m.path());
                    out.writeDouble(m.similarity());
                }
            }
        });
        return found;
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /**
     * @param rankExplained the title search misses the page only because of pages with the same title
     *                      or text, which duplicate-title and near-duplicate report: no hard-to-find then
     */
    private static List<Finding> findingsFor(Page p, PageFindability.KnownItem title, List<String> same,
                                             List<NearDuplicates.Match> twins, boolean rankExplained, int depth,
                                             int maxDepth) {
        List<Finding> out = new ArrayList<>();
        SourceRef where = SourceRef.file(p.path());
        if ((title.rank() == 0 || title.rank() > 3) && !rankExplained) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("query", title.query());
            details.put("rank", String.valueOf(title.rank()));
            details.put("outrankedBy", String.join(" ", title.outrankedBy()));
            String beaten = title.outrankedBy().isEmpty() ? "" : " finds `" + String.join("`, `", title.outrankedBy()) + "` first";
            out.add(new Finding("hard-to-find", Severity.WARNING, where,
                    "searching for its title '" + title.query() + "'" + beaten
                            + (title.rank() == 0 ? " and not this page in the top " + DEPTH : " and this page at rank " + title.rank()),
                    "make the title say what is specific to this page, and use its words early in the text", details));
        }
        if (same.size() > 1) {
            List<String> others = same.stream().filter(s -> !s.equals(p.path())).toList();
            out.add(new Finding("duplicate-title", Severity.WARNING, where,
                    "the title '" + p.title() + "' is also the title of `" + String.join("`, `", others) + "`",
                    "give each page a title that tells it apart", Map.of("others", String.join(" ", others))));
        }
        if (!twins.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (NearDuplicates.Match m : twins.subList(0, Math.min(3, twins.size()))) {
                named.add("`" + m.path() + "` (" + percent(m.similarity())
                        + (named.isEmpty() ? " of their 5-word phrases are shared)" : ")"));
            }
            String more = twins.size() > 3 ? " and " + (twins.size() - 3) + " more" : "";
            Map<String, String> details = new LinkedHashMap<>();
            details.put("others", String.join(" ", twins.stream().map(NearDuplicates.Match::path).toList()));
            details.put("similarity", String.format(Locale.ROOT, "%.2f", twins.get(0).similarity()));
            out.add(new Finding("near-duplicate", Severity.WARNING, where,
                    "most of the text is the same as in " + String.join(", ", named) + more,
                    "merge the pages and redirect one to the other (aliases:), or make each say what is"
                            + " specific to it; if they are meant to look alike (generated or versioned pages),"
                            + " add near_duplicates: expected to their front matter, or list their folder in"
                            + " findability.near_duplicates_expected in docpulse.yml", details));
        }
        if (p.titleSource() == TitleSource.FILE_NAME) {
            out.add(new Finding("missing-title", Severity.NOTE, where,
                    "the page has no title: neither front matter title nor a # heading, so its file name stands in",
                    "start the page with a # heading, or set title: in its front matter"));
        }
        if (p.frontMatter().description().isBlank()) {
            out.add(new Finding("missing-description", Severity.NOTE, where,
                    "the page has no description, which search results and link previews show",
                    "add description: one sentence on what the page answers, to its front matter"));
        }
        if (depth > maxDepth) {
            out.add(new Finding("deep-page", Severity.NOTE, where,
                    "the page is " + depth + " clicks from the home page (more than " + maxDepth + ")",
                    "link to it from a page nearer the top, or move it up a folder",
                    Map.of("clickDepth", String.valueOf(depth))));
        }
        return out;
    }

    private static List<List<PageFindability.KnownItem>> runQueries(List<Page> pages, SearchIndex index, int threads,
                                                                    Map<String, List<String>> memo) throws IOException {
        Set<String> generic = genericHeadings(pages);
        return Parallel.map(pages, threads, "findability", p -> knownItems(p, index, generic, memo));
    }

    /**
     * Level-2 headings that {@value #GENERIC_HEADING_PAGES} or more pages share ("See also",
     * "Remarks", "Context"): template headings, which no reader types to find one page.
     */
    static Set<String> genericHeadings(List<Page> pages) {
        Map<String, Integer> pagesWith = new HashMap<>();
        for (Page p : pages) {
            Set<String> seen = new HashSet<>();
            for (Heading h : p.headings()) {
                if (h.level() == 2 && seen.add(normal(h.text()))) pagesWith.merge(normal(h.text()), 1, Integer::sum);
            }
        }
        Set<String> generic = new HashSet<>();
        pagesWith.forEach((text, n) -> {
            if (n >= GENERIC_HEADING_PAGES) generic.add(text);
        });
        return generic;
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static List<PageFindability.KnownItem> knownItems(Page p, SearchIndex index, Set<String> generic,
                                                              Map<String, List<String>> memo) throws IOException {
        List<PageFindability.KnownItem> items = new ArrayList<>();
        items.add(item("title", p.title(), p.path(), index, memo));
        if (!p.frontMatter().description().isBlank()) {
            items.add(item("description", p.frontMatter().description(), p.path(), index, memo));
        }
        int headings = 0;
        for (Heading h : p.headings()) {
            if (headings == MAX_HEADINGS) break;
            if (h.level() == 2 && !h.text().isBlank() && !generic.contains(normal(h.text()))) {
                items.add(item("heading", h.text(), p.path(), index, memo));
                headings++;
            }
        }
        return items;
    }

    private static PageFindability.KnownItem item(String kind, String query, String path, SearchIndex index,
                                                  Map<String, List<String>> memo) throws IOException {
        String q = escape(query);
        List<String> ranked = memo.get(q);
        if (ranked == null) {
            ranked = index.rankPages(q, DEPTH);
            memo.put(q, ranked);
        }
        int rank = ranked.indexOf(path) + 1;
        List<String> before = ranked.subList(0, rank == 0 ? Math.min(3, ranked.size()) : Math.min(rank - 1, 3));
        return new PageFindability.KnownItem(kind, query, rank, before);
    }

    /** A known-item query is plain words: operators of the query syntax in a title are taken literally. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("+|-\"*()~\\".indexOf(c) >= 0) sb.append(' ');
            else sb.append(c);
        }
        return sb.toString();
    }
}
