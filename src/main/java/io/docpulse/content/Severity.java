package io.docpulse.content;

import java.util.Locale;

/** How bad a finding is. Ordered from worst to mildest. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The lower-case name used in report.json and on the console. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
