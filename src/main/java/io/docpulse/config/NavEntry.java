package io.docpulse.config;

import java.util.List;

/**
 * One entry of the {@code nav:} list of {@code docpulse.yml}, as written (MkDocs' syntax): a page
 * ({@code - guides/ci.md} or {@code - CI: guides/ci.md}), a folder ({@code - reference/}: its pages
 * in their usual order), a link ({@code - Issues: https://example.com/}) or a section
 * ({@code - Guides:} with a list of entries under it).
 *
 * @param title    the title given in the list, or empty when the entry is a bare path
 * @param target   the page or folder (relative to the content folder, {@code /} separators, a folder
 *                 ending in {@code /}) or the link's URL; empty for a section
 * @param children a section's entries, in order; empty for anything else
 * @param line     1-based line of the entry in the config file
 */
public record NavEntry(String title, String target, List<NavEntry> children, int line) {
    /** What an entry leads to. */
    public enum Kind { PAGE, FOLDER, LINK, SECTION }

    public NavEntry {
        children = List.copyOf(children);
    }

    public Kind kind() {
        if (target.isEmpty()) return Kind.SECTION;
        if (isUrl(target)) return Kind.LINK;
        return target.endsWith("/") ? Kind.FOLDER : Kind.PAGE;
    }

    /** Whether a written target is a URL with a scheme ({@code https:}, {@code mailto:}) rather than a path. */
    static boolean isUrl(String target) {
        return target.matches("[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    /** Every entry of a list, depth first, sections before their entries. */
    public static List<NavEntry> flatten(List<NavEntry> list) {
        List<NavEntry> out = new java.util.ArrayList<>();
        for (NavEntry e : list) {
            out.add(e);
            out.addAll(flatten(e.children()));
        }
        return out;
    }

    /**
     * Whether a page (its path relative to the content folder) is in the list: listed itself, or
     * inside a folder that is listed.
     */
    public static boolean covers(List<NavEntry> list, String page) {
        for (NavEntry e : flatten(list)) {
            if (e.kind() == Kind.PAGE && e.target().equals(page)) return true;
            if (e.kind() == Kind.FOLDER && page.startsWith(e.target())) return true;
        }
        return false;
    }
}
