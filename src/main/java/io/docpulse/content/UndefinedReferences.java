package io.docpulse.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reference links whose label no definition on the page names, as {@code [modules][#module]}:
 * Markdown shows them as text, brackets and all, and no other check sees them.
 *
 * <p>Which are reported: the full form {@code [text][label]} and the collapsed {@code [text][]},
 * which are links in intent; the shortcut {@code [label]} alone only when its label is an anchor
 * or the words of a heading on the page (see {@link #isShortcutLink}), since brackets in prose are
 * mostly not links ({@code [x]}, {@code [WIP]}, {@code command [options]}). Brackets right after a
 * letter, a digit, {@code _}, {@code ]} or {@code )} are code ({@code array[i][j]}), and
 * {@code [^label]} is a footnote's: neither is reported.
 */
final class UndefinedReferences {
    private UndefinedReferences() {
    }

    /** How the reference is written. */
    enum Form {
        /** {@code [text][label]} */
        FULL,
        /** {@code [label][]} */
        COLLAPSED,
        /** {@code [label]} */
        SHORTCUT
    }

    /**
     * A reference link or image as written, whose label has no definition.
     *
     * @param source    the reference as written, {@code [text][label]}
     * @param text      the link text as written ({@code text}; for the collapsed and shortcut forms, the label)
     * @param label     the label as written
     * @param afterCode whether a letter, digit, {@code _}, {@code ]} or {@code )} comes right before it
     * @param beforeParen whether {@code (} comes right after it, as in {@code [a][b](url)}
     * @param line      1-based line of its first character
     * @param column    1-based column of its first character
     */
    record Written(String source, String text, String label, Form form, boolean afterCode, boolean beforeParen,
                   int line, int column) {
    }

    /** Whether brackets right after this character read as code, as {@code a[i]} and {@code f()[0]}. */
    static boolean isCodeBefore(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ']' || c == ')';
    }

    static List<Finding> findings(String path, List<Written> written, List<Heading> headings) {
        List<Finding> out = new ArrayList<>();
        for (Written w : written) {
            // [^note] is a footnote's, not a link's
            if (w.afterCode() || w.label().isBlank() || w.label().startsWith("^")) continue;
            Heading meant = closestHeading(w.label(), headings);
            if (w.form() == Form.SHORTCUT && !isShortcutLink(w, meant)) continue;
            String label = oneLine(w.label());
            String hint = w.beforeParen() && w.form() == Form.FULL
                    // flexmark reads [a][b](url) as text; CommonMark and GitHub as [a] and a link
                    ? "a link written right after brackets is read as text here: write `\\[" + oneLine(w.text())
                            + "]` to keep those brackets as text and make the link work"
                    : looksLikeAddress(w.label())
                    ? "did you mean `[" + oneLine(w.text()) + "](" + label + ")`? A link's address goes in parentheses"
                    : meant != null
                    ? "did you mean `[" + oneLine(w.text()) + "](#" + meant.id() + ")`, a link to the heading \""
                            + oneLine(meant.text()) + "\"? Or define the label on a line of its own: `[" + label + "]: URL`"
                    : "define the label on a line of its own (`[" + label + "]: URL`), or write `\\[` if the brackets are not a link";
            out.add(new Finding("undefined-reference", Severity.WARNING, new SourceRef(path, w.line(), w.column()),
                    "`" + oneLine(w.source()) + "` is not a link: no `[" + label
                            + "]: …` is defined on this page, so it shows as text with its brackets",
                    hint, java.util.Map.of("label", w.label(), "text", w.text())));
        }
        return out;
    }

    /** Whether a label is an address rather than a name: {@code https://…}, {@code mailto:…}, a path to a page. */
    private static boolean looksLikeAddress(String label) {
        String l = label.strip();
        return !l.contains(" ") && (l.matches("(?i)[a-z][a-z0-9+.-]*:.+") || l.startsWith("/") || l.startsWith("./")
                || l.toLowerCase(Locale.ROOT).matches(".+\\.md(#.*)?"));
    }

    /**
     * Whether a shortcut {@code [label]} alone is meant as a link: its label is an anchor
     * ({@code [#usage]}, not an issue number {@code [#123]}), or the words of a heading elsewhere on
     * the page ({@code see [Gc versus Rc]}). One word in brackets is most often not a link
     * ({@code cargo add [options]}), and a heading written in brackets is a placeholder.
     */
    private static boolean isShortcutLink(Written w, Heading meant) {
        String label = w.label().strip();
        if (label.length() > 1 && label.charAt(0) == '#') return Character.isLetter(label.charAt(1));
        return meant != null && label.chars().anyMatch(Character::isWhitespace)
                && meant.id().equals(GitHubSlugger.slugOf(label)) && meant.line() != w.line();
    }

    /**
     * The heading a label probably means: the one whose id is the label's anchor ({@code #modules})
     * or slug ({@code Getting started}), else the closest id within a typo's distance, else null.
     */
    static Heading closestHeading(String label, List<Heading> headings) {
        String wanted = label.startsWith("#") ? label.substring(1).strip().toLowerCase(Locale.ROOT)
                : GitHubSlugger.slugOf(label);
        if (wanted.isEmpty()) return null;
        Heading best = null;
        // a short label must match exactly: "1" is not a typo of "ci"
        int bestDistance = (wanted.length() < 4 ? 0 : Math.max(2, wanted.length() / 3)) + 1;
        for (Heading h : headings) {
            if (h.id().isEmpty()) continue;
            int d = EditDistance.within(wanted, h.id(), bestDistance - 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = h;
            }
        }
        return best;
    }

    /** On one line and at most 80 characters, for a message. */
    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= 80 ? t : t.substring(0, 79) + "…";
    }
}
