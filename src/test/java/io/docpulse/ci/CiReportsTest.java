package io.docpulse.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.docpulse.TestSites;

/** report.sarif against the SARIF 2.1.0 schema, report.junit.xml parsed, thresholds and baselines with their exit codes. */
class CiReportsTest {
    @TempDir
    Path dir;

    private static Map<String, String> site() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Home\n\n[Setup](setup.md) and [missing](nope.md).\n");
        f.put("setup.md", "# Setup & \"install\"\n\nAsk Sam for the password. TBD.\n");
        return f;
    }

    @Test
    void sarifIsValidAgainstTheSchemaAndPointsAtMarkdownLines() throws Exception {
        Path content = TestSites.write(dir.resolve("content"), site());
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("out/report.sarif").toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
        // and the schema does catch a broken log
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif).put("version", "2.0");
        assertThat(schema.validate(sarif)).isNotEmpty();

        JsonNode run0 = new ObjectMapper().readTree(dir.resolve("out/report.sarif").toFile()).get("runs").get(0);
        assertThat(run0.get("tool").get("driver").get("name").asText()).isEqualTo("docpulse");
        JsonNode broken = null;
        for (JsonNode r : run0.get("results")) if (r.get("ruleId").asText().equals("broken-link")) broken = r;
        assertThat(broken.get("level").asText()).isEqualTo("error");
        JsonNode loc = broken.get("locations").get(0).get("physicalLocation");
        assertThat(loc.get("artifactLocation").get("uri").asText()).isEqualTo("README.md");
        assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(3);
        String rule = run0.get("tool").get("driver").get("rules").get(broken.get("ruleIndex").asInt()).get("id").asText();
        assertThat(rule).isEqualTo("broken-link");
    }

    @Test
    void junitXmlHasAFailingTestPerPageWithProblemsAndOnePerThreshold() throws Exception {
        Path content = TestSites.write(dir.resolve("content"), site());
        TestSites.Run run = TestSites.run("check", "--content", content.toString(), "--cache-dir",
                dir.resolve("cache").toString(), "--reports", dir.resolve("reports").toString(), "--fail-under", "101");
        assertThat(run.exitCode()).isEqualTo(2);
        run = TestSites.run("check", "--content", content.toString(), "--cache-dir", dir.resolve("cache").toString(),
                "--reports", dir.resolve("reports").toString(), "--fail-under", "95");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: 1 error found").contains("error: threshold not met: async-readiness score");
        assertThat(dir.resolve("reports/report.json")).exists();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("reports/report.junit.xml").toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList cases = doc.getElementsByTagName("testcase");
        Map<String, Boolean> failed = new LinkedHashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            failed.put(c.getAttribute("name"), c.getElementsByTagName("failure").getLength() > 0);
        }
        // the content folder itself has a warning: it is not in a git repository
        assertThat(failed).containsEntry("README.md", true).containsEntry("setup.md", true)
                .containsEntry("(content folder)", true)
                .containsEntry("errors at most 0", true).containsEntry("readiness at least 95", true);
        assertThat(Integer.parseInt(root.getAttribute("failures"))).isEqualTo(5);
        // special characters in messages are escaped, so the file parses (it did above)
        assertThat(Files.readString(dir.resolve("reports/report.junit.xml"))).contains("&apos;");
    }

    @Test
    void thresholdsFromConfigAndFlags() throws IOException {
        Map<String, String> f = site();
        f.put("README.md", "# Home\n\n[Setup](setup.md)\n");
        f.put("docpulse.yml", "gate:\n  max_warnings: 0\n  min_scores:\n    coverage: 50\n");
        Path content = TestSites.write(dir.resolve("content"), f);
        TestSites.Run run = TestSites.run("check", "--content", content.toString(), "--cache-dir", dir.resolve("c").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: threshold not met: 3 warnings (at most 0)")
                .contains("error: threshold not met: Coverage score 0 (at least 50)");
        run = TestSites.run("check", "--content", content.toString(), "--cache-dir", dir.resolve("c").toString(),
                "--max-warnings", "5");
        assertThat(run.err()).doesNotContain("warnings (at most").contains("Coverage score 0 (at least 50)");
        // a build without thresholds passes even with findings
        Files.delete(content.resolve("docpulse.yml"));
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
    }

    @Test
    void aBaselineGatesOnNewFindingsOnly() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), site());
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        Path baseline = dir.resolve("baseline.json");
        Files.copy(dir.resolve("out/report.json"), baseline);
        String cache = dir.resolve("cache").toString();
        // nothing new: passes even though the old broken link is still there
        TestSites.Run same = TestSites.run("check", "--content", content.toString(), "--cache-dir", cache,
                "--baseline", baseline.toString(), "--fail-on", "new");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.err()).contains("baseline: 0 new findings, 0 fixed since baseline.json");
        // a new broken link fails; the removed placeholder counts as fixed
        Files.writeString(content.resolve("setup.md"), "# Setup & \"install\"\n\nAsk Sam for the password. See [gone](gone.md).\n");
        TestSites.Run worse = TestSites.run("check", "--content", content.toString(), "--cache-dir", cache,
                "--baseline", baseline.toString(), "--fail-on", "new");
        assertThat(worse.exitCode()).isEqualTo(1);
        assertThat(worse.err()).contains("error: 1 new error found").contains("1 more broken-link (1 -> 2)")
                .contains("1 placeholder fixed (1 -> 0)");
        // usage errors exit 2
        assertThat(TestSites.run("check", "--content", content.toString(), "--fail-on", "new").exitCode()).isEqualTo(2);
        assertThat(TestSites.run("check", "--content", content.toString(), "--baseline",
                dir.resolve("nothing.json").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void githubAnnotationsAndStepSummary() throws IOException {
        assertThat(GitHubOutput.active(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
        assertThat(GitHubOutput.active(Map.of())).isFalse();
        java.io.StringWriter sw = new java.io.StringWriter();
        io.docpulse.content.Finding f = new io.docpulse.content.Finding("broken-link", io.docpulse.content.Severity.ERROR,
                new io.docpulse.content.SourceRef("a b.md", 3, 5), "`x.md` points to 100%, nothing: really", "fix it");
        GitHubOutput.annotate(new java.io.PrintWriter(sw), List.of(f), "docs/");
        assertThat(sw.toString().strip()).isEqualTo(
                "::error file=docs/a b.md,line=3,col=5,title=broken-link::`x.md` points to 100%25, nothing: really. Hint: fix it");
    }
}
