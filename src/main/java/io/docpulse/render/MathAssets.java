package io.docpulse.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KaTeX, from its WebJar, for the pages that have math: its script, and its style sheet with the
 * fonts inside it. A browser refuses a web font from a {@code file://} page (a font is a
 * cross-origin request, and a file has no origin), so fonts as files would leave math in the
 * wrong fonts when the site is opened from disk; as {@code data:} URLs they load everywhere.
 */
final class MathAssets {
    /** Folder under the theme's asset folder that holds KaTeX. */
    static final String DIR = "katex/";

    /** One font face's sources: its woff2 file, then the woff and ttf fallbacks that are left out. */
    private static final Pattern FONT_SOURCES = Pattern.compile(
            "url\\(fonts/([A-Za-z0-9_-]+)\\.woff2\\) format\\(\"woff2\"\\)(?:,url\\(fonts/[^)]+\\) format\\(\"[a-z]+\"\\))*");

    private MathAssets() {
    }

    /** The files to write under {@link #DIR}, by name. */
    static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        out.put("katex.min.js", SiteRenderer.webJar("katex", "katex.version", "dist/katex.min.js"));
        String css = new String(SiteRenderer.webJar("katex", "katex.version", "dist/katex.min.css"), StandardCharsets.UTF_8);
        Matcher m = FONT_SOURCES.matcher(css);
        StringBuilder sb = new StringBuilder(css.length() * 16);
        while (m.find()) {
            byte[] font = SiteRenderer.webJar("katex", "katex.version", "dist/fonts/" + m.group(1) + ".woff2");
            m.appendReplacement(sb, "url(data:font/woff2;base64," + Base64.getEncoder().encodeToString(font)
                    + ") format(\"woff2\")");
        }
        m.appendTail(sb);
        out.put("katex.min.css", sb.toString().getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
