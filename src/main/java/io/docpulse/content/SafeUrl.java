package io.docpulse.content;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells whether a URL would run script when a reader clicks or loads it. A browser decodes HTML
 * entities in attributes, drops tabs and newlines anywhere in a URL and leading spaces and control
 * characters, and compares schemes without regard to case; docpulse resolves percent-escapes in
 * paths. So the check decodes all of these, repeatedly, before it looks at the scheme:
 * {@code JaVaScRiPt:}, {@code &#x6A;avascript:}, {@code %6Aavascript:} and {@code java&#x0A;script:}
 * are all {@code javascript:}.
 */
public final class SafeUrl {
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");
    // images a browser shows and never runs (SVG can hold script, so it is not among them)
    private static final Pattern DATA_IMAGE = Pattern.compile("^data:image/(png|gif|jpe?g|webp|avif|bmp|x-icon)[;,]");

    private SafeUrl() {
    }

    /**
     * The scheme that makes {@code url} unsafe ({@code javascript}, {@code vbscript} or
     * {@code data}), or null when it is safe to write into a page.
     */
    public static String unsafeScheme(String url) {
        if (url == null || url.indexOf(':') < 0 && url.indexOf('&') < 0 && url.indexOf('%') < 0) return null;
        String s = url;
        // decode until nothing changes: &amp;#x6A; and %256A hide one escape inside another
        for (int round = 0; round < 4; round++) {
            String next = percentDecode(org.jsoup.parser.Parser.unescapeEntities(s, true));
            if (next.equals(s)) break;
            s = next;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // browsers strip tab, newline and carriage return anywhere, and control characters and
            // spaces around the URL; NUL and other controls inside a scheme do not count either
            if (c <= 0x20 || c == 0x7f) continue;
            b.append(c);
        }
        String lower = b.toString().toLowerCase(Locale.ROOT);
        var m = SCHEME.matcher(lower);
        if (!m.find()) return null;
        String scheme = m.group(1);
        return switch (scheme) {
            case "javascript", "vbscript", "livescript", "mocha" -> scheme;
            case "data" -> DATA_IMAGE.matcher(lower).find() ? null : scheme;
            default -> null;
        };
    }

    /** Whether the URL is safe to write into a page. */
    public static boolean isSafe(String url) {
        return unsafeScheme(url) == null;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                int v = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
                // only ASCII: a scheme is ASCII, and multi-byte sequences do not matter here
                if (v < 0x80) {
                    b.append((char) v);
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
