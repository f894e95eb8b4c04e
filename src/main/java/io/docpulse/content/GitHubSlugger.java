package io.docpulse.content;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Heading ids exactly as GitHub makes them (the github-slugger algorithm): lower-case, drop every
 * character that is not a letter, mark, number, connector ({@code _}), hyphen or space, turn spaces
 * into hyphens, and number repeats {@code -1}, {@code -2}. One instance per page.
 */
public final class GitHubSlugger {
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The id for the next heading with this text. */
    public String slug(String text) {
        String base = slugOf(text);
        String result = base;
        while (occurrences.containsKey(result)) {
            int n = occurrences.merge(base, 1, Integer::sum);
            result = base + "-" + n;
        }
        occurrences.put(result, 0);
        return result;
    }

    /** Reserves an explicit id so a later generated one does not take it. */
    public void reserve(String id) {
        occurrences.putIfAbsent(id, 0);
    }

    /** The slug of one text, without de-duplication. */
    public static String slugOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            if (cp == ' ') {
                sb.append('-');
            } else if (cp == '-' || keeps(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean keeps(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }
}
