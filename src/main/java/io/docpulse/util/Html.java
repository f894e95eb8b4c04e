package io.docpulse.util;

/** Escaping for text put into HTML or XML element content and double-quoted attributes. */
public final class Html {
    private Html() {
    }

    /** {@code &}, {@code <}, {@code >} and {@code "} as entities. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
