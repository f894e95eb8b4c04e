package io.docpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;
import io.docpulse.content.Finding;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceRef;

/** What build prints: the summary and the counts per rule first, then the findings grouped by rule and capped. */
class BuildConsoleTest {
    @TempDir
    Path dir;

    /** A home page with 12 broken links (errors) and a page with 2 placeholders (warnings). */
    private Path site() throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        StringBuilder home = new StringBuilder("# Home\n\n[Setup](setup.md)\n\n");
        for (int i = 1; i <= 12; i++) home.append("- [Gone ").append(i).append("](gone-").append(i).append(".md)\n");
        f.put("README.md", home.toString());
        f.put("setup.md", "# Setup\n\nThe VPN address is TBD.\n\nThe password policy is TBD.\n");
        return TestSites.write(dir.resolve("content"), f);
    }

    /** Runs build with stdout and stderr on one writer, as a terminal shows them. */
    private TestSites.Run buildTogether(Path content, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(),
                "--out", dir.resolve("out").toString(), "--cache-dir", dir.resolve("cache").toString()));
        args.addAll(Arrays.asList(extra));
        StringWriter both = new StringWriter();
        PrintWriter w = new PrintWriter(both, true);
        int code = Main.run(args.toArray(String[]::new), w, w);
        return new TestSites.Run(code, both.toString(), both.toString());
    }

    private static long lines(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).count();
    }

    @Test
    void summaryAndCountsPerRuleComeBeforeTheFindingsWhichAreCappedPerRule() throws Exception {
        Path content = site();
        TestSites.Run run = buildTogether(content);
        assertThat(run.exitCode()).as(run.out()).isZero();
        String out = run.out();
        int summary = out.indexOf("Built 2 pages in ");
        assertThat(summary).as(out).isGreaterThanOrEqualTo(0);
        int counts = out.indexOf("  errors:   12 broken-link");
        int firstFinding = out.indexOf("[broken-link]");
        assertThat(counts).as(out).isGreaterThan(summary);
        assertThat(firstFinding).as(out).isGreaterThan(counts);
        assertThat(out.substring(summary, out.indexOf('\n', summary))).contains("(12 errors, 3 warnings");
        assertThat(out).contains("  warnings: 2 placeholder");
        // the broken links under their rule, 5 of 12, then where the rest is
        assertThat(out).contains("broken-link: 12 errors\n");
        assertThat(lines(out, "[broken-link]")).isEqualTo(ConsoleFindings.PER_RULE);
        assertThat(out).contains("  ... and 7 more broken-link: all are in "
                + dir.resolve("out").resolve("report.json") + ", or run with -v to list them here");
        // errors before warnings, and the placeholders whole (2 is under the cap)
        assertThat(out.indexOf("placeholder: 2 warnings")).isGreaterThan(out.lastIndexOf("[broken-link]"));
        assertThat(lines(out, "[placeholder]")).isEqualTo(2);
        // the report has them all
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        long broken = 0;
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals("broken-link")) broken++;
        assertThat(broken).isEqualTo(12);
    }

    @Test
    void verboseListsEveryFinding() throws Exception {
        TestSites.Run run = buildTogether(site(), "-v");
        assertThat(lines(run.out(), "[broken-link]")).isEqualTo(12);
        assertThat(lines(run.out(), "[missing-description]")).isEqualTo(2);
        assertThat(run.out()).doesNotContain("... and ");
    }

    @Test
    void failOnErrorMakesBuildExit1AndStillWritesTheSite() throws Exception {
        Path content = site();
        TestSites.Run plain = TestSites.build(dir, content);
        assertThat(plain.exitCode()).isZero();

        TestSites.Run run = TestSites.build(dir, content, "--fail-on", "error");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).endsWith("error: 12 errors found");
        assertThat(dir.resolve("out/setup/index.html")).exists();

        TestSites.Run warnings = TestSites.build(dir, content, "--fail-on", "warning");
        assertThat(warnings.exitCode()).isEqualTo(1);
        assertThat(warnings.err()).contains("error: --fail-on warning: 15 errors or warnings fail the run");

        // a site with warnings only: --fail-on error passes, --fail-on warning does not
        Files.writeString(content.resolve("README.md"), "# Home\n\n[Setup](setup.md)\n");
        assertThat(TestSites.build(dir, content, "--fail-on", "error").exitCode()).isZero();
        assertThat(TestSites.build(dir, content, "--fail-on", "warning").exitCode()).isEqualTo(1);

        TestSites.Run bad = TestSites.build(dir, content, "--fail-on", "errors");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--fail-on must be error, warning, all or new");
        assertThat(TestSites.build(dir, content, "--fail-on", "all,new").exitCode()).isEqualTo(2);
    }

    @Test
    void theListStopsAtFiftyFindingsAndSaysWhatItLeftOut() {
        List<Finding> findings = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            for (int i = 1; i <= 6; i++) {
                findings.add(new Finding(String.format("rule-%02d", r), Severity.WARNING,
                        SourceRef.line("page-" + r + ".md", i), "problem " + i, "fix it"));
            }
        }
        StringWriter err = new StringWriter();
        ConsoleFindings.print(new PrintWriter(err, true), Path.of("content"), findings, false, null);
        String text = err.toString();
        assertThat(lines(text, ": warning: problem")).isEqualTo(ConsoleFindings.TOTAL);
        // 10 rules of 5 each; the last 2 rules are left out whole
        assertThat(text).contains("rule-09: 6 warnings").doesNotContain("rule-10: ");
        assertThat(lines(text, "  ... and 1 more rule-")).isEqualTo(10);
        assertThat(text).contains("... and 12 more findings of 2 other rules (counted above): run with -v to list"
                + " them all, or write the reports with --reports DIR");

        StringWriter all = new StringWriter();
        ConsoleFindings.print(new PrintWriter(all, true), Path.of("content"), findings, true, null);
        assertThat(lines(all.toString(), ": warning: problem")).isEqualTo(72);
    }
}
