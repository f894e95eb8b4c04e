package io.docpulse.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** The questions report: a questions file and a Slack export run against a small site. */
class QuestionsTest {
    @TempDir
    Path dir;

    /** A handbook with a page per subject, and three onboarding pages that outrank "First steps". */
    static Map<String, String> site() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Team handbook\n\n- [Laptops](it/laptops.md)\n- [VPN](it/vpn.md)\n- [Leave](people/leave.md)\n"
                + "- [First steps](people/first-steps.md)\n- [Onboarding engineers](people/onboarding-engineers.md)\n"
                + "- [Onboarding designers](people/onboarding-designers.md)\n- [Onboarding managers](people/onboarding-managers.md)\n");
        f.put("it/laptops.md", "# Laptops\n\n## Broken laptops\n\nIf your laptop died or broke, IT will send a replacement"
                + " laptop within two days, Saturday and Sunday too.\n");
        f.put("it/vpn.md", "# VPN\n\nTo set up the VPN, install its client and sign in with single sign-on to reach internal tools.\n");
        f.put("people/leave.md", "# Leave\n\n## Parental leave policy\n\nParental leave is sixteen weeks, paid in full, for every"
                + " parent.\n\n## Holidays\n\nTwenty-five days of holidays a year.\n");
        f.put("people/first-steps.md", "# First steps\n\nYour badge, your desk and your accounts; the checklist of your"
                + " first days. This is part of onboarding.\n");
        for (String who : List.of("engineers", "designers", "managers")) {
            f.put("people/onboarding-" + who + ".md", "# Onboarding " + who + "\n\nOnboarding for " + who
                    + ": onboarding sessions, onboarding buddies and the onboarding plan.\n");
        }
        f.put("questions.md", """
                # Questions people ask in #help

                - My laptop died on a Saturday, can IT send a replacement?
                - How much parental leave do we get? -> people/leave.md#parental-leave-policy
                - Where is the onboarding checklist? -> people/first-steps.md
                - What is the kubernetes pod quota for our namespace?
                - How do I set up the VPN? -> it/vnp.md

                How do we raise the kubernetes quota for a team?
                """);
        return f;
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    private static Map<String, String> classes(JsonNode report) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode q : report.get("questions").get("questions")) out.put(q.get("question").asText(), q.get("class").asText());
        return out;
    }

    @Test
    void questionsFileGivesAnsweredRankedLowAndUnansweredQuestions() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), site());
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = report();
        assertThat(classes(report)).containsExactly(
                Map.entry("My laptop died on a Saturday, can IT send a replacement?", "answered"),
                Map.entry("How much parental leave do we get?", "answered"),
                Map.entry("Where is the onboarding checklist?", "ranked-low"),
                Map.entry("What is the kubernetes pod quota for our namespace?", "unanswered"),
                Map.entry("How do I set up the VPN?", "answered"),
                Map.entry("How do we raise the kubernetes quota for a team?", "unanswered"));
        JsonNode q = report.get("questions");
        assertThat(q.get("sources").get(0).asText()).isEqualTo("questions.md");
        assertThat(q.get("answered").asInt()).isEqualTo(3);
        assertThat(q.get("rankedLow").asInt()).isEqualTo(1);
        assertThat(q.get("unanswered").asInt()).isEqualTo(2);

        JsonNode low = q.get("questions").get(2);
        assertThat(low.get("line").asInt()).isEqualTo(5);
        assertThat(low.get("expected").asText()).isEqualTo("people/first-steps.md");
        assertThat(low.get("rank").asInt()).isEqualTo(4);
        assertThat(low.get("outrankedBy")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "people/onboarding-designers.md", "people/onboarding-engineers.md", "people/onboarding-managers.md");
        JsonNode laptop = q.get("questions").get(0);
        assertThat(laptop.get("top").get(0).get("path").asText()).isEqualTo("it/laptops.md");
        assertThat(laptop.get("coverage").asDouble()).isGreaterThanOrEqualTo(Questions.CONFIDENT);

        // the two kubernetes questions make one topic, each an unanswered-question finding at its line
        assertThat(q.get("topics")).hasSize(1);
        assertThat(q.get("topics").get(0).get("topic").asText()).isEqualTo("kubernetes");
        List<String> unanswered = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals("unanswered-question")) {
                unanswered.add(f.get("file").asText() + ":" + f.get("line").asInt() + " " + f.get("severity").asText());
            }
        }
        assertThat(unanswered).containsExactly("questions.md:6 warning", "questions.md:9 warning");
        // the questions file is not a page of the site
        assertThat(dir.resolve("out/questions/index.html")).doesNotExist();
        // the questions are half of self-service, and the score links to those not answered
        for (JsonNode s : report.get("readiness").get("scores")) {
            if (s.get("id").asText().equals("selfService")) {
                assertThat(s.get("evidence").asText()).endsWith("; 3 of 6 questions people ask are answered in the top 3 results");
                assertThat(s.get("questions")).extracting(JsonNode::asText)
                        .containsExactly("questions.md:5", "questions.md:6", "questions.md:9");
            }
        }
        assertThat(run.out()).contains("Questions: 6 questions asked, 3 answered, 1 ranked low, 2 the docs cannot answer")
                .contains("  - What is the kubernetes pod quota for our namespace? (questions.md:6, kubernetes)");
    }

    @Test
    void anExpectedPageThatDoesNotExistIsAFindingWithTheClosestPath() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), site());
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        JsonNode bad = null;
        for (JsonNode f : report().get("findings")) if (f.get("rule").asText().equals("unknown-expected-page")) bad = f;
        assertThat(bad).isNotNull();
        assertThat(bad.get("file").asText() + ":" + bad.get("line").asInt()).isEqualTo("questions.md:7");
        assertThat(bad.get("severity").asText()).isEqualTo("warning");
        assertThat(bad.get("message").asText()).contains("`it/vnp.md`");
        assertThat(bad.get("hint").asText()).isEqualTo("did you mean `it/vpn.md`?");
    }

    @Test
    void anUnanswerableQuestionAppearsInTheHealthSection() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), site());
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        Document health = Jsoup.parse(dir.resolve("out/health/index.html").toFile());
        assertThat(health.select("h2#questions").text()).isEqualTo("Questions people ask");
        assertThat(health.select(".questions-summary").text())
                .isEqualTo("6 questions from questions.md: 3 answered, 1 ranked low, 2 the docs cannot answer.");
        assertThat(health.select(".questions-topic h4").first().ownText()).isEqualTo("kubernetes");
        assertThat(health.select("li.question-unanswered").eachText()).hasSize(2)
                .anyMatch(t -> t.startsWith("What is the kubernetes pod quota for our namespace? questions.md:6"));
        assertThat(health.select("li.question-ranked-low").text()).contains("First steps at rank 4, below");
        assertThat(health.select("li.question-ranked-low a").first().attr("href")).isEqualTo("../people/first-steps/");
    }

    @Test
    void withoutQuestionsSelfServiceSaysHowToGiveThem() throws IOException {
        Map<String, String> f = site();
        f.remove("questions.md");
        Path content = TestSites.write(dir.resolve("content"), f);
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        JsonNode report = report();
        assertThat(report.get("questions").get("given").asBoolean()).isFalse();
        for (JsonNode s : report.get("readiness").get("scores")) {
            if (s.get("id").asText().equals("selfService")) {
                assertThat(s.get("evidence").asText()).contains("no questions were given (list the questions people ask in questions.md");
                assertThat(s.has("questions")).isFalse();
            }
        }
        assertThat(Jsoup.parse(dir.resolve("out/health/index.html").toFile()).select(".questions-summary").text())
                .startsWith("No questions were given.");
    }

    @Test
    void slackExportIsReadWithMarkupStrippedAndNonQuestionsSkipped() throws IOException, URISyntaxException {
        Map<String, String> f = site();
        f.remove("questions.md");
        Path content = TestSites.write(dir.resolve("content"), f);
        TestSites.copyTree(Path.of(getClass().getResource("/slack/help").toURI()), dir.resolve("slack/help"));
        Files.writeString(dir.resolve("docpulse.yml"), "questions:\n  - slack/help\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = report();
        assertThat(classes(report)).containsExactly(
                Map.entry("hi! my laptop died, can #it-help send a replacement?", "answered"),
                Map.entry("is the way to raise the kubernetes quota?", "unanswered"),
                Map.entry("did anyone read the parental leave policy & is it paid?", "answered"));
        JsonNode first = report.get("questions").get("questions").get(0);
        assertThat(first.get("file").asText() + ":" + first.get("line").asInt()).isEqualTo("../slack/help/2026-01-05.json:2");
        List<String> rules = new ArrayList<>();
        for (JsonNode x : report.get("findings")) {
            if (x.get("rule").asText().startsWith("questions") || x.get("rule").asText().equals("unanswered-question")) {
                rules.add(x.get("rule").asText() + " " + x.get("severity").asText() + " " + x.get("file").asText());
            }
        }
        // a chat is noisy: its unanswered questions are notes; the broken day is named, the rest is read
        assertThat(rules).containsExactlyInAnyOrder("unanswered-question note ../slack/help/2026-01-05.json",
                "questions-unreadable warning ../slack/help/2026-01-07.json");
    }

    @Test
    void aQuestionsEntryOutsideTheConfigFolderOrMissingIsAConfigError() throws IOException {
        Path project = dir.resolve("project");
        Path content = TestSites.write(project.resolve("content"), site());
        Files.writeString(dir.resolve("secrets.txt"), "Is this read?\n");
        Files.writeString(project.resolve("docpulse.yml"), "site_name: Handbook\nquestions:\n  - ../secrets.txt\n");
        TestSites.Run outside = TestSites.build(project, content);
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("docpulse.yml:3").contains("'../secrets.txt' is outside the folder of docpulse.yml");
        Files.writeString(project.resolve("docpulse.yml"), "questions:\n  - slack/nope\n");
        TestSites.Run missing = TestSites.build(project, content);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("docpulse.yml:2").contains("'slack/nope' does not exist");
        assertThat(project.resolve("out")).doesNotExist();
    }

    @Test
    void slackMarkupIsStripped() {
        assertThat(SlackExport.plain("<@U1> see <#C1|deploys> and <https://x.example/a|the guide> or <https://y.example>"
                + " :thumbsup::skin-tone-2: ```code\nblock``` `x` &lt;ok&gt;?")).isEqualTo("see #deploys and the guide or &lt;ok&gt;?".replace("&lt;", "<").replace("&gt;", ">"));
    }
}
