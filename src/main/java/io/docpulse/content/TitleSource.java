package io.docpulse.content;

import java.util.Locale;

/** Where a page's title came from. */
public enum TitleSource {
    /** front matter {@code title} */
    FRONT_MATTER,
    /** the first level-1 heading */
    H1,
    /** the file name (or the folder name for an index page) */
    FILE_NAME;

    /** The name used in report.json: {@code front-matter}, {@code h1}, {@code file-name}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
