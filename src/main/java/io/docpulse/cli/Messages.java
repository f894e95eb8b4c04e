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

    /** A stack overflow no stage contained, and where it happened (the first docpulse frame). */
    static String outOfStack(StackOverflowError e) {
        String where = java.util.Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().startsWith("io.docpulse."))
                .map(f -> " in " + f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .findFirst().orElse("");
        return "out of stack" + where + " (input nested too deeply?); please report it, with the page that causes it";
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

    /**
     * One line of the counts per rule under the summary: {@code   errors:   8 missing-anchor, 4 broken-link}
     * (rules in the order given).
     */
    static String ruleCounts(Severity severity, java.util.Map<String, Integer> rules) {
        StringBuilder sb = new StringBuilder("  ");
        sb.append(String.format(Locale.ROOT, "%-10s", severity.label() + "s:"));
        String sep = "";
        for (var e : rules.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return sb.toString();
    }

    /** The line above one rule's findings: {@code broken-link: 4 errors}. */
    static String ruleHeader(String rule, Severity severity, int n) {
        return rule + ": " + plural(n, severity.label());
    }

    /** Where the findings the console leaves out can be read. */
    private static String fullList(String report) {
        return report == null ? "run with -v to list them all, or write the reports with --reports DIR"
                : "all are in " + report + ", or run with -v to list them here";
    }

    /** After the first findings of a rule: {@code   ... and 12 more broken-link: all are in site-output/report.json, ...}. */
    static String moreOfRule(int n, String rule, String report) {
        return "  ... and " + n + " more " + rule + ": " + fullList(report);
    }

    /** After the last rule listed, when the total cap left whole rules out. */
    static String moreRules(int findings, int rules, String report) {
        return "... and " + plural(findings, "more finding") + " of " + plural(rules, "other rule")
                + " (counted above): " + fullList(report);
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

    static String strictFailed(String flag, long problems) {
        return flag + ": " + plural(problems, "error or warning", "errors or warnings") + " fail the run";
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
        String questions = questions(r.questions(), 3);
        if (!questions.isEmpty()) sb.append(System.lineSeparator()).append(questions);
        return sb.toString();
    }

    /**
     * The questions report in a line, and the first few questions the docs cannot answer; empty
     * when no questions were given.
     */
    static String questions(io.docpulse.questions.Questions.Result q, int shown) {
        if (!q.given()) return "";
        var unanswered = io.docpulse.questions.Questions.Outcome.UNANSWERED;
        StringBuilder sb = new StringBuilder("Questions: " + count(q.asked().size(), "question") + " asked, "
                + q.count(io.docpulse.questions.Questions.Outcome.ANSWERED) + " answered, "
                + q.count(io.docpulse.questions.Questions.Outcome.RANKED_LOW) + " ranked low, "
                + q.count(unanswered) + " the docs cannot answer");
        int n = 0;
        for (var t : q.topics()) {
            for (var a : t.questions()) {
                if (n++ == shown) return sb.append(String.format("%n  and %d more (see report.json)", q.count(unanswered) - shown)).toString();
                sb.append(String.format("%n  - %s (%s, %s)", a.question().text(), a.question().where(), t.label()));
            }
        }
        return sb.toString();
    }
}
