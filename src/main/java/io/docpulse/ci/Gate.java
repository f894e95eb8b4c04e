package io.docpulse.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.config.GateConfig;
import io.docpulse.content.Finding;
import io.docpulse.content.Severity;
import io.docpulse.readiness.Readiness;

/**
 * The thresholds a run is held to (errors, warnings, the readiness score and each of its parts),
 * and, with a baseline (the report.json of an earlier run), what changed since: with
 * {@code --fail-on new} only findings the baseline did not have count against the thresholds, so
 * an old docs set can adopt docpulse today and ratchet up.
 */
public final class Gate {
    private Gate() {
    }

    /** What an earlier run found: its findings (as keys) and its scores. */
    public record Baseline(Path file, Set<String> findings, Map<String, Integer> rules, Map<String, Integer> scores) {
    }

    /** What changed since the baseline. */
    public record Diff(List<Finding> added, int fixed, List<String> sentences) {
        public Diff {
            added = List.copyOf(added);
            sentences = List.copyOf(sentences);
        }
    }

    /** The thresholds checked, and the diff when there was a baseline. */
    public record Outcome(List<CiReports.Check> checks, Diff diff, long errors, long warnings) {
        public Outcome {
            checks = List.copyOf(checks);
        }

        public boolean passed() {
            return checks.stream().allMatch(CiReports.Check::passed);
        }
    }

    /**
     * A finding's identity across runs: its rule, its file, what it is about (the link target, or
     * the words it quotes) and which occurrence of that it is. Not its line, which moves when text
     * is added above, and not its message, which holds numbers that change by themselves (a stale
     * page's age, a rank).
     */
    static List<String> keys(List<String[]> findings) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        List<String> out = new ArrayList<>();
        for (String[] f : findings) {
            String base = f[0] + "\t" + f[1] + "\t" + f[2];
            int n = seen.merge(base, 1, Integer::sum);
            out.add(base + "\t" + n);
        }
        return out;
    }

    /** rule, file and subject of a finding, for {@link #keys}. */
    static String[] identity(Finding f) {
        String subject = f.details().getOrDefault("target", f.details().getOrDefault("text", ""));
        return new String[]{f.rule(), f.where().file(), subject};
    }

    /** Reads the report.json of an earlier run. */
    public static Baseline readBaseline(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a docpulse report.json (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.has("findings") || !root.has("schemaVersion")) {
            throw new IOException(file + ": not a docpulse report.json (no schemaVersion or findings)");
        }
        List<String[]> ids = new ArrayList<>();
        Map<String, Integer> rules = new TreeMap<>();
        for (JsonNode f : root.get("findings")) {
            JsonNode d = f.path("details");
            String subject = d.has("target") ? d.get("target").asText() : d.path("text").asText("");
            ids.add(new String[]{f.path("rule").asText(), f.path("file").asText(), subject});
            rules.merge(f.path("rule").asText(), 1, Integer::sum);
        }
        Set<String> keys = new HashSet<>(keys(ids));
        Map<String, Integer> scores = new LinkedHashMap<>();
        JsonNode s = root.path("scores");
        s.fieldNames().forEachRemaining(n -> {
            if (s.get(n).isNumber()) scores.put(n, s.get(n).asInt());
        });
        return new Baseline(file, keys, rules, scores);
    }

    /**
     * @param errorsFail whether errors fail the run when no max_errors is set (true for check)
     * @param strict     whether warnings fail too (--strict)
     * @param onlyNew    count only findings the baseline did not have (--fail-on new)
     */
    public static Outcome evaluate(GateConfig gate, boolean errorsFail, boolean strict, boolean onlyNew,
                                   List<Finding> findings, Readiness.Result readiness, Baseline baseline) {
        Diff diff = baseline == null ? null : diff(findings, readiness, baseline);
        List<Finding> counted = onlyNew && diff != null ? diff.added() : findings;
        String scope = onlyNew && diff != null ? "new " : "";
        long errors = counted.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = counted.stream().filter(f -> f.severity() == Severity.WARNING).count();
        List<CiReports.Check> checks = new ArrayList<>();
        // --strict on the command line wins over looser limits in the config
        int maxErrors = strict ? 0 : gate.maxErrors() >= 0 ? gate.maxErrors() : (errorsFail ? 0 : -1);
        int maxWarnings = strict ? 0 : gate.maxWarnings();
        if (maxErrors >= 0) {
            checks.add(new CiReports.Check("errors at most " + maxErrors, errors <= maxErrors,
                    errors + " " + scope + (errors == 1 ? "error" : "errors") + " (at most " + maxErrors + ")"));
        }
        if (maxWarnings >= 0) {
            checks.add(new CiReports.Check("warnings at most " + maxWarnings, warnings <= maxWarnings,
                    warnings + " " + scope + (warnings == 1 ? "warning" : "warnings") + " (at most " + maxWarnings + ")"));
        }
        if (gate.failUnder() >= 0) {
            checks.add(new CiReports.Check("readiness at least " + gate.failUnder(), readiness.overall() >= gate.failUnder(),
                    "async-readiness score " + readiness.overall() + " (at least " + gate.failUnder() + ")"));
        }
        for (Map.Entry<String, Integer> e : gate.minScores().entrySet()) {
            Readiness.Score score = readiness.scores().stream().filter(s -> s.id().equals(e.getKey())).findFirst()
                    .orElse(null);
            if (score == null) continue;
            boolean known = score.value() >= 0;
            checks.add(new CiReports.Check(score.name().toLowerCase(java.util.Locale.ROOT) + " at least " + e.getValue(),
                    known && score.value() >= e.getValue(),
                    known ? score.name() + " score " + score.value() + " (at least " + e.getValue() + ")"
                            : score.name() + " cannot be measured (" + score.evidence() + "), so it cannot reach "
                            + e.getValue()));
        }
        return new Outcome(checks, diff, errors, warnings);
    }

    private static Diff diff(List<Finding> findings, Readiness.Result readiness, Baseline baseline) {
        List<Finding> added = new ArrayList<>();
        Set<String> now = new HashSet<>();
        Map<String, Integer> rulesNow = new TreeMap<>();
        List<String> keys = keys(findings.stream().map(Gate::identity).toList());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            String k = keys.get(i);
            now.add(k);
            rulesNow.merge(f.rule(), 1, Integer::sum);
            if (!baseline.findings().contains(k)) added.add(f);
        }
        int fixed = (int) baseline.findings().stream().filter(k -> !now.contains(k)).count();
        List<String> sentences = new ArrayList<>();
        sentences.add(added.size() + " new " + (added.size() == 1 ? "finding" : "findings") + ", " + fixed + " fixed since "
                + baseline.file().getFileName());
        Set<String> rules = new java.util.TreeSet<>(rulesNow.keySet());
        rules.addAll(baseline.rules().keySet());
        for (String rule : rules) {
            int before = baseline.rules().getOrDefault(rule, 0);
            int after = rulesNow.getOrDefault(rule, 0);
            if (before == after) continue;
            sentences.add(after > before ? (after - before) + " more " + rule + " (" + before + " -> " + after + ")"
                    : (before - after) + " " + rule + " fixed (" + before + " -> " + after + ")");
        }
        Integer was = baseline.scores().get("readiness");
        if (was != null && was != readiness.overall()) {
            sentences.add("async-readiness score " + was + " -> " + readiness.overall()
                    + " (" + (readiness.overall() > was ? "+" : "") + (readiness.overall() - was) + ")");
        }
        return new Diff(added, fixed, sentences);
    }

    /** Reads the baseline file only when it is a regular file. */
    public static Baseline baselineOrFail(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file (given to --baseline)");
        return readBaseline(file);
    }
}
