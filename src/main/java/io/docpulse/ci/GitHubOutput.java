package io.docpulse.ci;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.docpulse.content.Finding;
import io.docpulse.content.Severity;
import io.docpulse.readiness.Readiness;

/**
 * What a run prints when it runs in GitHub Actions ({@code GITHUB_ACTIONS=true}): a workflow
 * command per error and warning, so each shows on its Markdown line in the pull request, and a
 * Markdown summary appended to {@code $GITHUB_STEP_SUMMARY}.
 */
public final class GitHubOutput {
    /** GitHub shows at most 10 annotations of each kind per step; more only fill the log. */
    static final int MAX_ANNOTATIONS = 50;

    private GitHubOutput() {
    }

    /** Whether the environment is a GitHub Actions job. */
    public static boolean active(Map<String, String> env) {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }

    /** {@code ::error file=docs/a.md,line=3,col=5,title=broken-link::message} for each error and warning. */
    public static void annotate(PrintWriter out, List<Finding> findings, String repoPrefix) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == Severity.NOTE) continue;
            if (n++ == MAX_ANNOTATIONS) break;
            StringBuilder sb = new StringBuilder("::").append(f.severity() == Severity.ERROR ? "error" : "warning")
                    .append(' ');
            // a finding about the whole run has no file
            if (!f.where().file().isEmpty()) sb.append("file=").append(property(repoPrefix + f.where().file())).append(',');
            if (!f.where().file().isEmpty() && f.where().line() > 0) {
                sb.append("line=").append(f.where().line()).append(',');
                if (f.where().column() > 0) sb.append("col=").append(f.where().column()).append(',');
            }
            sb.append("title=").append(property(f.rule())).append("::")
                    .append(data(f.message() + (f.hint().isBlank() ? "" : ". Hint: " + f.hint())));
            out.println(sb);
        }
        out.flush();
    }

    /** Appends the Markdown summary to the step summary file. */
    public static void summary(Path file, Readiness.Result r, List<Finding> findings, Gate.Outcome gate)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## docpulse: async readiness ").append(r.overall()).append(" of 100, ").append(r.verdict()).append("\n\n");
        for (String reason : r.reasons()) md.append("- ").append(reason).append('\n');
        md.append("\n| Score | Value | Evidence |\n| --- | ---: | --- |\n");
        for (Readiness.Score s : r.scores()) {
            md.append("| ").append(s.name()).append(" | ").append(s.value() < 0 ? "unknown" : String.valueOf(s.value()))
                    .append(" | ").append(cell(s.evidence())).append(" |\n");
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        md.append("\n**Findings:** ").append(errors).append(errors == 1 ? " error, " : " errors, ").append(warnings)
                .append(warnings == 1 ? " warning.\n" : " warnings.\n");
        if (gate.diff() != null) {
            md.append("\n**Since the baseline:**\n\n");
            for (String s : gate.diff().sentences()) md.append("- ").append(s).append('\n');
        }
        if (!gate.checks().isEmpty()) {
            md.append("\n| Threshold | Result |\n| --- | --- |\n");
            for (CiReports.Check c : gate.checks()) {
                md.append("| ").append(cell(c.name())).append(" | ").append(c.passed() ? "passed: " : "**failed**: ")
                        .append(cell(c.message())).append(" |\n");
            }
        }
        if (!r.fixes().isEmpty()) {
            md.append("\n**Top fixes:**\n\n");
            for (int i = 0; i < Math.min(5, r.fixes().size()); i++) {
                Readiness.Fix f = r.fixes().get(i);
                md.append(i + 1).append(". ").append(f.title()).append(String.format(Locale.ROOT, " (+%.1f)", f.gain()))
                        .append('\n');
            }
        }
        Files.writeString(file, md.append('\n').toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** Escaping of a workflow command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
