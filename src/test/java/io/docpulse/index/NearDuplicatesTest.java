package io.docpulse.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;

class NearDuplicatesTest {
    @TempDir
    Path dir;

    /** About 120 words of prose, different for each seed, so unrelated pages share no phrases. */
    private static String prose(String topic, int seed) {
        String[] verbs = {"configure", "deploy", "rotate", "review", "archive", "measure", "publish", "restore"};
        String[] nouns = {"cluster", "key", "report", "pipeline", "backup", "dashboard", "release", "runbook"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append("To ").append(verbs[(seed + i) % verbs.length]).append(" the ").append(topic).append(' ')
                    .append(nouns[(seed * 3 + i * 5) % nouns.length]).append(" step ").append(seed * 100 + i)
                    .append(" comes next. ");
        }
        return sb.toString();
    }

    private Map<String, String> site() {
        String base = prose("billing", 1);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Home\n\n[a](setup.md) [b](setup-copy.md) [c](other.md) [d](short-a.md) [e](short-b.md)\n");
        files.put("setup.md", "# Set up billing\n\n" + base + "\n");
        // the same text with one sentence changed: a copy that drifted
        files.put("setup-copy.md", "# Billing setup (old)\n\n"
                + base.replaceFirst("comes next. To", "follows. To").replaceFirst("step 100 ", "step one hundred ") + "\n");
        // shares one paragraph with setup.md, the rest is its own
        files.put("other.md", "# Payroll\n\n" + base.substring(0, 200) + "\n\n" + prose("payroll", 7)
                + prose("payroll", 11) + "\n");
        // two short pages with the same words: too short to compare
        files.put("short-a.md", "# Short A\n\nAsk the billing team in the channel for access to the dashboard.\n");
        files.put("short-b.md", "# Short B\n\nAsk the billing team in the channel for access to the dashboard.\n");
        return files;
    }

    private List<Page> pages(Path content) throws IOException {
        ContentSet set = new ContentScanner(Set.of()).scan(content);
        return new ContentParser(new Routes(set, "/", "", "")).parse(set, 1).pages();
    }

    @Test
    void findsTheDriftedCopyAndNothingElse() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), site());
        Map<String, List<NearDuplicates.Match>> found = NearDuplicates.find(pages(content), 2);
        assertThat(found).containsOnlyKeys("setup.md", "setup-copy.md");
        assertThat(found.get("setup.md")).extracting(NearDuplicates.Match::path).containsExactly("setup-copy.md");
        double similarity = found.get("setup.md").get(0).similarity();
        assertThat(similarity).isBetween(NearDuplicates.THRESHOLD, 1.0);
        assertThat(found.get("setup-copy.md").get(0).similarity()).isEqualTo(similarity);
        // the same answer on one thread
        assertThat(NearDuplicates.find(pages(content), 1)).isEqualTo(found);
    }

    @Test
    void jaccardIsSharedOverDistinct() {
        assertThat(NearDuplicates.jaccard(new long[]{1, 2, 3, 4}, new long[]{2, 3, 4, 5})).isEqualTo(3.0 / 5);
        assertThat(NearDuplicates.jaccard(new long[]{1, 2}, new long[]{3})).isZero();
        assertThat(NearDuplicates.jaccard(new long[]{}, new long[]{})).isZero();
    }

    @Test
    void aBuildReportsNearDuplicatesWithTheirSimilarity() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), site());
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        List<JsonNode> near = new ArrayList<>();
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals("near-duplicate")) near.add(f);
        assertThat(near).extracting(f -> f.get("file").asText()).containsExactly("setup-copy.md", "setup.md");
        assertThat(near.get(1).get("message").asText())
                .startsWith("most of the text is the same as in `setup-copy.md` (")
                .contains("% of their 5-word phrases are shared)");
        assertThat(near.get(1).get("severity").asText()).isEqualTo("warning");
        JsonNode setup = null;
        for (JsonNode p : report.get("pages")) if (p.get("path").asText().equals("setup.md")) setup = p;
        JsonNode twins = setup.get("findability").get("nearDuplicates");
        assertThat(twins).hasSize(1);
        assertThat(twins.get(0).get("path").asText()).isEqualTo("setup-copy.md");
        assertThat(twins.get(0).get("similarity").asDouble()).isBetween(0.8, 1.0);
        assertThat(setup.get("findability").get("reasons").toString()).contains("has nearly the same text");
    }

    /** "See also" on every page says nothing about any one of them: it is not a known-item query. */
    @Test
    void headingsSharedByThreePagesAreNotKnownItemQueries() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Home\n\n[a](a.md) [b](b.md) [c](c.md)\n");
        for (String n : List.of("a", "b", "c")) {
            files.put(n + ".md", "# Page " + n + "\n\n## Install " + n + "\n\nText.\n\n## See also\n\nMore.\n");
        }
        Path content = TestSites.write(dir.resolve("content"), files);
        List<Page> pages = pages(content);
        assertThat(Findability.genericHeadings(pages)).containsExactly("see also");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        for (JsonNode p : report.get("pages")) {
            if (!p.get("path").asText().equals("a.md")) continue;
            assertThat(p.get("findability").get("queries")).extracting(q -> q.get("query").asText())
                    .containsExactly("Page a", "Install a");
        }
    }
}
