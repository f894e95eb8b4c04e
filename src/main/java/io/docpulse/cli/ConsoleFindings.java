package io.docpulse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.docpulse.content.Finding;
import io.docpulse.content.Severity;

/**
 * The findings as {@code build} and {@code check} show them on the console: a count per rule under
 * the summary line, then the findings grouped by rule, worst and most frequent rules first, at most
 * {@link #PER_RULE} per rule and {@link #TOTAL} in all unless everything is asked for ({@code -v}).
 * The reports always hold the full list.
 */
final class ConsoleFindings {
    /** Findings listed per rule, unless everything is asked for. */
    static final int PER_RULE = 5;
    /** Findings listed in all, unless everything is asked for. */
    static final int TOTAL = 50;

    private ConsoleFindings() {
    }

    /** One group: a rule at one severity, and its findings in report order. */
    private record Group(String rule, Severity severity, List<Finding> findings) {
    }

    /**
     * The findings by severity, then by rule: worst severity first, then the rule with the most
     * findings (then by name). A rule that reports at two severities makes two groups.
     */
    private static List<Group> groups(List<Finding> findings) {
        Map<Severity, Map<String, List<Finding>>> by = new TreeMap<>();
        for (Finding f : findings) {
            by.computeIfAbsent(f.severity(), s -> new TreeMap<>())
                    .computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
        }
        List<Group> out = new ArrayList<>();
        by.forEach((severity, rules) -> {
            List<Group> level = new ArrayList<>();
            rules.forEach((rule, list) -> level.add(new Group(rule, severity, list)));
            level.sort(Comparator.comparingInt((Group g) -> -g.findings().size()).thenComparing(Group::rule));
            out.addAll(level);
        });
        return out;
    }

    /** The lines under the summary: per severity, each rule and its count ({@code errors: 4 broken-link, ...}). */
    static List<String> countsByRule(List<Finding> findings) {
        Map<Severity, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Group g : groups(findings)) {
            counts.computeIfAbsent(g.severity(), s -> new LinkedHashMap<>()).put(g.rule(), g.findings().size());
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((severity, rules) -> lines.add(Messages.ruleCounts(severity, rules)));
        return lines;
    }

    /**
     * Prints the findings on {@code err}, grouped by rule.
     *
     * @param all      every finding, notes included, without a cap ({@code -v})
     * @param fullList where the full list is, for the line that says how many were left out
     *                 ({@code site-output/report.json}), or null when no report was written
     */
    static void print(PrintWriter err, Path contentDir, List<Finding> findings, boolean all, String fullList) {
        int listed = 0;
        int leftOut = 0;
        int leftOutRules = 0;
        for (Group g : groups(findings)) {
            if (g.severity() == Severity.NOTE && !all) continue;
            int room = all ? g.findings().size() : Math.min(PER_RULE, TOTAL - listed);
            if (room <= 0) {
                leftOut += g.findings().size();
                leftOutRules++;
                continue;
            }
            err.println(Messages.ruleHeader(g.rule(), g.severity(), g.findings().size()));
            List<Finding> shown = g.findings().subList(0, Math.min(room, g.findings().size()));
            for (Finding f : shown) err.println(Messages.finding(contentDir, f));
            listed += shown.size();
            if (shown.size() < g.findings().size()) {
                err.println(Messages.moreOfRule(g.findings().size() - shown.size(), g.rule(), fullList));
            }
            err.println();
        }
        if (leftOut > 0) {
            err.println(Messages.moreRules(leftOut, leftOutRules, fullList));
            err.println();
        }
        err.flush();
    }
}
