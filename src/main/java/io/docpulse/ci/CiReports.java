package io.docpulse.ci;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.docpulse.content.Finding;
import io.docpulse.content.Routes;
import io.docpulse.content.Severity;

/**
 * The reports CI systems read: SARIF 2.1.0 (code review shows each finding on its Markdown line)
 * and JUnit XML (test dashboards show each page with problems as a failed test, and each
 * threshold as a test).
 */
public final class CiReports {
    private CiReports() {
    }

    /** A threshold the run was held to, and whether it held. */
    public record Check(String name, boolean passed, String message) {
    }

    /**
     * SARIF 2.1.0: one run, one result per finding, located in the repository.
     *
     * @param repoPrefix the content folder's path inside its repository ({@code docs/}), so that
     *                   locations are repository paths, as code scanning expects
     */
    public static byte[] sarif(String version, List<Finding> findings, String repoPrefix) {
        Map<String, Integer> ruleIndex = new TreeMap<>();
        Map<String, Finding> firstOfRule = new TreeMap<>();
        for (Finding f : findings) firstOfRule.putIfAbsent(f.rule(), f);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map.Entry<String, Finding> e : firstOfRule.entrySet()) {
            ruleIndex.put(e.getKey(), rules.size());
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", e.getKey());
            rule.put("name", camel(e.getKey()));
            rule.put("shortDescription", Map.of("text", humanize(e.getKey())));
            rules.add(rule);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> fingerprints = Gate.keys(findings.stream().map(Gate::identity).toList());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ruleId", f.rule());
            r.put("ruleIndex", ruleIndex.get(f.rule()));
            r.put("level", level(f.severity()));
            String text = f.message() + (f.hint().isBlank() ? "" : ". Hint: " + f.hint());
            r.put("message", Map.of("text", text));
            // a finding about the whole run (no git history) has no file: it gets no location
            if (!f.where().file().isEmpty()) {
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", Map.of("uri", Routes.encodePath(repoPrefix + f.where().file())));
                if (f.where().line() > 0) {
                    Map<String, Object> region = new LinkedHashMap<>();
                    region.put("startLine", f.where().line());
                    if (f.where().column() > 0) region.put("startColumn", f.where().column());
                    physical.put("region", region);
                }
                r.put("locations", List.of(Map.of("physicalLocation", physical)));
            }
            // stable across runs while the problem stays: the same identity --baseline uses
            r.put("partialFingerprints", Map.of("docpulseFinding/v1", sha256(fingerprints.get(i))));
            if (!f.details().isEmpty()) r.put("properties", new TreeMap<>(f.details()));
            results.add(r);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "docpulse");
        driver.put("version", version);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        try {
            return (new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JUnit XML: a suite "pages" with one test per file that has findings (errors and warnings
     * fail it; notes are its output), and a suite "thresholds" with one test per threshold.
     */
    public static byte[] junit(List<Finding> findings, List<Check> checks) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding f : findings) byFile.computeIfAbsent(f.where().file(), k -> new ArrayList<>()).add(f);
        StringBuilder pages = new StringBuilder();
        int pageFailures = 0;
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            List<Finding> failing = e.getValue().stream().filter(f -> f.severity() != Severity.NOTE).toList();
            List<Finding> notes = e.getValue().stream().filter(f -> f.severity() == Severity.NOTE).toList();
            String file = e.getKey().isEmpty() ? "(content folder)" : e.getKey();
            String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "(root)";
            pages.append("    <testcase classname=\"").append(xml(folder)).append("\" name=\"").append(xml(file))
                    .append("\">\n");
            if (!failing.isEmpty()) {
                pageFailures++;
                long errors = failing.stream().filter(f -> f.severity() == Severity.ERROR).count();
                pages.append("      <failure type=\"").append(errors > 0 ? "error" : "warning").append("\" message=\"")
                        .append(xml(failing.size() + (failing.size() == 1 ? " problem" : " problems") + ": "
                                + failing.get(0).message())).append("\">");
                for (Finding f : failing) pages.append(xml(line(f))).append('\n');
                pages.append("</failure>\n");
            }
            if (!notes.isEmpty()) {
                pages.append("      <system-out>");
                for (Finding f : notes) pages.append(xml(line(f))).append('\n');
                pages.append("</system-out>\n");
            }
            pages.append("    </testcase>\n");
        }
        StringBuilder thresholds = new StringBuilder();
        int thresholdFailures = 0;
        for (Check c : checks) {
            thresholds.append("    <testcase classname=\"thresholds\" name=\"").append(xml(c.name())).append("\">\n");
            if (!c.passed()) {
                thresholdFailures++;
                thresholds.append("      <failure type=\"threshold\" message=\"").append(xml(c.message())).append("\"/>\n");
            } else {
                thresholds.append("      <system-out>").append(xml(c.message())).append("</system-out>\n");
            }
            thresholds.append("    </testcase>\n");
        }
        String out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"docpulse\" tests=\"" + (byFile.size() + checks.size()) + "\" failures=\""
                + (pageFailures + thresholdFailures) + "\">\n"
                + "  <testsuite name=\"pages\" tests=\"" + byFile.size() + "\" failures=\"" + pageFailures + "\">\n"
                + pages
                + "  </testsuite>\n"
                + "  <testsuite name=\"thresholds\" tests=\"" + checks.size() + "\" failures=\"" + thresholdFailures + "\">\n"
                + thresholds
                + "  </testsuite>\n"
                + "</testsuites>\n";
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String line(Finding f) {
        return f.where().file() + (f.where().line() > 0 ? ":" + f.where().line()
                + (f.where().column() > 0 ? ":" + f.where().column() : "") : "") + ": "
                + f.severity().label() + ": " + f.message() + " [" + f.rule() + "]"
                + (f.hint().isBlank() ? "" : " hint: " + f.hint());
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /** XML text and attribute escaping, dropping characters XML 1.0 cannot hold. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static String humanize(String rule) {
        String s = rule.replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String camel(String rule) {
        StringBuilder sb = new StringBuilder();
        for (String part : rule.split("-")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
