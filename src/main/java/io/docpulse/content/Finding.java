package io.docpulse.content;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the content, reported in {@code report.json} and on the console.
 *
 * @param rule     stable rule id, for example {@code front-matter-invalid}
 * @param severity how bad it is
 * @param where    file, line and column it concerns
 * @param message  what is wrong, in one sentence
 * @param hint     what to do about it, or empty
 * @param details  facts behind the finding, by name (for a link: {@code text} and {@code target}), in
 *                 key order; written to report.json as they are
 */
public record Finding(String rule, Severity severity, SourceRef where, String message, String hint,
                      java.util.Map<String, String> details) implements java.io.Serializable {
    /** File, then line, then column, then rule: the order of report.json and the console. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.where().file())
            .thenComparingInt(f -> f.where().line())
            .thenComparingInt(f -> f.where().column())
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(where);
        Objects.requireNonNull(message);
        hint = hint == null ? "" : hint;
        details = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(details));
    }

    public Finding(String rule, Severity severity, SourceRef where, String message, String hint) {
        this(rule, severity, where, message, hint, java.util.Map.of());
    }
}
