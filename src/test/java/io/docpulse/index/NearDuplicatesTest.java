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

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    private static List<String> rules(JsonNode report, String rule) {
        List<String> files = new ArrayList<>();
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals(rule)) files.add(f.get("file").asText());
        return files;
    }

    /** Four advisories written from one template, and the drifted copy of site(). */
    private Map<String, String> siteWithAdvisories() {
        Map<String, String> files = site();
        StringBuilder home = new StringBuilder(files.get("README.md"));
        for (int i = 1; i <= 4; i++) {
            String id = "CVE-2026-100" + i;
            files.put("security/cves/" + id + ".md", "# " + id + "\n\n" + prose("advisory", 3)
                    + "\n\nAffected version: 2." + i + ".0. Fixed in 2." + i + ".1.\n");
            home.append(" [").append(id).append("](security/cves/").append(id).append(".md)");
        }
        files.put("README.md", home + "\n");
        return files;
    }

    @Test
    void pagesMeantToLookAlikeAreMarkedByFolderOrFrontMatter() throws IOException {
        Map<String, String> files = siteWithAdvisories();
        Path content = TestSites.write(dir.resolve("content"), files);
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        JsonNode before = report();
        assertThat(rules(before, "near-duplicate")).hasSize(6).contains("security/cves/CVE-2026-1001.md", "setup.md");
        for (JsonNode f : before.get("findings")) {
            if (f.get("rule").asText().equals("near-duplicate")) {
                assertThat(f.get("hint").asText()).contains("add near_duplicates: expected to their front matter")
                        .contains("findability.near_duplicates_expected");
            }
        }

        // the folder listed in the config: same pages, same cache, the advisories are left out
        java.nio.file.Files.writeString(dir.resolve("docpulse.yml"),
                "findability:\n  near_duplicates_expected: [security/cves/]\n");
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        assertThat(rules(report(), "near-duplicate")).containsExactly("setup-copy.md", "setup.md");

        // one page of a pair marked in its front matter: the pair is left out
        java.nio.file.Files.writeString(content.resolve("setup-copy.md"),
                "---\nnear_duplicates: expected\n---\n" + files.get("setup-copy.md"));
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        assertThat(rules(report(), "near-duplicate")).isEmpty();
    }

    @Test
    void aWrongMarkIsReportedWithItsLineAndAWrongFolderFailsTheConfig() throws IOException {
        Map<String, String> files = site();
        files.put("setup-copy.md", "---\ntitle: Old setup\nnear_duplicates: yes\n---\n" + files.get("setup-copy.md"));
        Path content = TestSites.write(dir.resolve("content"), files);
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        JsonNode report = report();
        JsonNode invalid = null;
        for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals("front-matter-invalid")) invalid = f;
        assertThat(invalid).isNotNull();
        assertThat(invalid.get("file").asText()).isEqualTo("setup-copy.md");
        assertThat(invalid.get("line").asInt()).isEqualTo(3);
        assertThat(invalid.get("message").asText()).isEqualTo("near_duplicates must be expected, not 'yes'");
        // an unknown value marks nothing
        assertThat(rules(report, "near-duplicate")).containsExactly("setup-copy.md", "setup.md");

        java.nio.file.Files.writeString(dir.resolve("docpulse.yml"),
                "findability:\n  near_duplicates_expected:\n    - ../elsewhere/\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("docpulse.yml") + ":3: findability.near_duplicates_expected:"
                + " '../elsewhere/' is not a folder or page inside the content folder");
    }

    /** Five pages titled "Onboarding": four are found after a namesake; duplicate-title says so, hard-to-find does not repeat it. */
    @Test
    void aSharedTitleIsReportedOnceNotAlsoAsHardToFind() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder home = new StringBuilder("# Home\n\n[checklist](checklist.md)");
        for (String t : List.of("a", "b", "c", "d", "e")) {
            files.put("team-" + t + "/onboarding.md", "# Onboarding\n\nThe first week in team " + t + ".\n");
            home.append(" [").append(t).append("](team-").append(t).append("/onboarding.md)");
        }
        files.put("README.md", home + "\n");
        files.put("checklist.md", "# Onboarding checklist\n\nWhat to do in the first week.\n");
        Path content = TestSites.write(dir.resolve("content"), files);
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        JsonNode report = report();
        assertThat(rules(report, "duplicate-title")).hasSize(5);
        // team-d and team-e are found at ranks 4 and 5, behind their namesakes only
        for (JsonNode p : report.get("pages")) {
            if (p.get("path").asText().equals("team-e/onboarding.md")) {
                assertThat(p.get("findability").get("queries").get(0).get("rank").asInt()).isGreaterThan(3);
            }
        }
        assertThat(rules(report, "hard-to-find")).isEmpty();

        // the same ranking, but with a third page of its own ahead: still reported once per cause
        List<String> ranked = List.of("team-a/onboarding.md", "faq.md", "x.md", "y.md", "team-b/onboarding.md");
        java.util.Set<String> alike = java.util.Set.of("team-a/onboarding.md", "team-b/onboarding.md");
        assertThat(Findability.foundButForTwins("team-b/onboarding.md", ranked, alike)).isFalse();
        assertThat(Findability.foundButForTwins("team-b/onboarding.md", ranked.subList(0, 3).stream()
                .collect(java.util.stream.Collectors.toList()), alike)).isFalse();
        assertThat(Findability.foundButForTwins("team-b/onboarding.md",
                List.of("team-a/onboarding.md", "faq.md", "x.md", "team-b/onboarding.md"), alike)).isTrue();
    }
}
