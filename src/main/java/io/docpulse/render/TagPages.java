package io.docpulse.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceRef;

/**
 * The tags of the pages' front matter ({@code tags: [ci, Release notes]}), grouped for the
 * {@code tags/} index and one page per tag. Tags that differ only in case or spacing are one tag,
 * shown as most pages spell it; the order does not depend on the order pages come in.
 */
public final class TagPages {
    /** Where the tag pages go, unless the content has a page or file there. */
    public static final String ROUTE = "tags/";
    /** Where they go then. */
    public static final String FALLBACK_ROUTE = "docpulse-tags/";

    private TagPages() {
    }

    /**
     * One tag and the pages that carry it.
     *
     * @param slug  its folder under the tags route ({@code release-notes})
     * @param name  how it is shown: the spelling most of its pages use
     * @param pages its pages, by title
     */
    record Tag(String slug, String name, List<Page> pages) {
        Tag {
            pages = List.copyOf(pages);
        }
    }

    /** The folder name of a tag: lower case, spaces as hyphens, {@code C++} and {@code C#} kept apart from {@code C}. */
    static String slug(String tag) {
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        lower.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                sb.appendCodePoint(cp);
            } else if (cp == '+') {
                sb.append("-plus-");
            } else if (cp == '#') {
                sb.append("-sharp-");
            } else if (cp == '&') {
                sb.append("-and-");
            } else if (cp == '.') {
                sb.append("-dot-");
            } else if (cp == '@') {
                sb.append("-at-");
            } else {
                sb.append('-');
            }
        });
        String s = sb.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "tag" : s;
    }

    /** Every tag of these pages, by name (case aside), each with its pages by title. */
    static List<Tag> collect(List<Page> pages) {
        Map<String, List<Page>> bySlug = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (Page p : pages) {
            List<String> seen = new ArrayList<>();
            for (String t : p.frontMatter().tags()) {
                String slug = slug(t);
                if (seen.contains(slug)) continue;
                seen.add(slug);
                bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(p);
                spellings.computeIfAbsent(slug, k -> new TreeMap<>()).merge(t.strip(), 1, Integer::sum);
            }
        }
        List<Tag> out = new ArrayList<>();
        for (Map.Entry<String, List<Page>> e : bySlug.entrySet()) {
            // the most used spelling; on a tie, the first in code-point order (TreeMap), for the same bytes every build
            String name = spellings.get(e.getKey()).entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, Integer> s) -> s.getValue())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            List<Page> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparing((Page p) -> p.title().toLowerCase(Locale.ROOT)).thenComparing(Page::path));
            out.add(new Tag(e.getKey(), name, sorted));
        }
        out.sort(Comparator.comparing((Tag t) -> t.name().toLowerCase(Locale.ROOT)).thenComparing(Tag::slug));
        return out;
    }

    /**
     * Where the tag pages go: {@link #ROUTE}, or {@link #FALLBACK_ROUTE} when a page or file of the
     * content is already there (then {@link #clash} says so).
     *
     * @param paths the content's pages' routes and its other files' paths
     */
    public static String route(List<String> paths) {
        return paths.stream().anyMatch(TagPages::inTagsFolder) ? FALLBACK_ROUTE : ROUTE;
    }

    static boolean inTagsFolder(String path) {
        return path.toLowerCase(Locale.ROOT).startsWith(ROUTE);
    }

    /** The finding for a content folder {@code tags/} that took the tag pages' place, at its first file. */
    static Finding clash(String file, String route) {
        return new Finding("tags-folder-taken", Severity.WARNING, SourceRef.file(file),
                "the content has a tags/ folder, so the pages listing the tags of front matter are written to "
                        + route + " instead",
                "rename the content's tags/ folder if you want the tag pages at tags/");
    }
}
