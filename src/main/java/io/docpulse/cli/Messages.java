package io.docpulse.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.docpulse.content.Finding;
import io.docpulse.content.Severity;

/** Everything the command line says to a person, in one place. */
final class Messages {
    private Messages() {
    }

    static String error(String message) {
        return "error: " + message;
    }

    static String hint(String hint) {
        return "  hint: " + hint;
    }

    /** "did you mean build?", "did you mean --content or --config?": picocli's closest names, three at most. */
    static String didYouMean(java.util.List<String> suggestions) {
        return "did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
    }

    /** A config problem and the others found with it, in file order. */
    static java.util.List<io.docpulse.config.ConfigException> withMore(io.docpulse.config.ConfigException first) {
        java.util.List<io.docpulse.config.ConfigException> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(first.more());
        return all;
    }

    static String causeChain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (sb.length() > 0) sb.append(": ");
            String m = c.getMessage();
            sb.append(m == null ? c.getClass().getSimpleName() : (c instanceof java.io.IOException
                    && !(c.getClass() == java.io.IOException.class) ? c.getClass().getSimpleName() + " " + m : m));
            if (c.getCause() == c) break;
        }
        return sb.toString();
    }

    /** {@code content/guide.md:12:5: warning: message [rule]} and its hint, for one finding. */
    static String finding(Path contentDir, Finding f) {
        String where = contentDir.resolve(f.where().file()).toString()
                + (f.where().line() > 0 ? ":" + f.where().line() + (f.where().column() > 0 ? ":" + f.where().column() : "") : "");
        String text = where + ": " + f.severity().label() + ": " + f.message() + " [" + f.rule() + "]";
        return f.hint().isEmpty() ? text : text + "\n" + hint(f.hint());
    }

    /** The line that says repo_url was read from git. */
    static String repoUrlFromGit(String url) {
        return "repo_url: " + url + " (read from the git remote origin; links to its files count as internal links;"
                + " set repo_url in docpulse.yml to change it)";
    }

    static String summary(String verb, int pages, List<Finding> findings, Duration elapsed, String output) {
        long errors = count(findings, Severity.ERROR);
        long warnings = count(findings, Severity.WARNING);
        long notes = count(findings, Severity.NOTE);
        String time = String.format(Locale.ROOT, "%.2f s", elapsed.toMillis() / 1000.0);
        return verb + " " + pages + (pages == 1 ? " page" : " pages") + " in " + time
                + (output == null ? "" : " -> " + output)
                + " (" + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note") + ")";
    }

    static String strictFailed(long problems) {
        return "--strict: " + plural(problems, "error or warning", "errors or warnings") + " fail the run";
    }

    /** {@code 1 internal link}, {@code 3 internal links}. */
    static String count(long n, String thing) {
        return plural(n, thing);
    }

    static String errorsFailed(long errors) {
        return plural(errors, "error") + " found";
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** The async-readiness verdict, its scores and the top fixes, for the end of a build or check. */
    static String readiness(io.docpulse.readiness.Readiness.Result r, int fixes) {
        StringBuilder sb = new StringBuilder("Async readiness: " + r.overall() + " of 100, " + r.verdict() + " (");
        for (int i = 0; i < r.scores().size(); i++) {
            var s = r.scores().get(i);
            if (i > 0) sb.append(", ");
            sb.append(s.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(s.value() < 0 ? "unknown" : s.value());
        }
        sb.append(')');
        for (int i = 0; i < Math.min(fixes, r.fixes().size()); i++) {
            var f = r.fixes().get(i);
            // a fix worth less than a tenth of a point is not worth a line
            if (f.gain() < 0.05) break;
            sb.append(String.format(java.util.Locale.ROOT, "%n  %d. %s (+%.1f)", i + 1, f.title(), f.gain()));
        }
        return sb.toString();
    }
}
