package io.docpulse.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.TestSites;

/** Doc sets built to be ready, partly ready and not ready; each real-time-dependence rule firing and not. */
class ReadinessTest {
    @TempDir
    Path dir;

    /** Sixty-odd words of plain prose about a topic, so a page is not a stub. */
    private static String prose(String topic) {
        return ("This page explains " + topic + " for everyone on the team. It says what we do, why we do it, and"
                + " where the details live, so that nobody has to wait for a meeting or ask a colleague to learn it."
                + " Each section answers one question a new engineer asked us, in the words they used, and we"
                + " keep it current when the way we work about " + topic + " changes.\n");
    }

    private static String page(String frontMatter, String title, String body) {
        return "---\n" + frontMatter + "description: About " + title.toLowerCase() + ".\n---\n\n# " + title + "\n\n"
                + body + "\n";
    }

    /** A handbook with every category, each page in good shape. */
    private static Map<String, String> ready() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", page("", "Team handbook", prose("the handbook") + "\n- [Onboarding](onboarding/first-week.md)\n"
                + "- [How we work](process/planning.md)\n- [Communication](communication/norms.md)\n"
                + "- [Decisions](decisions/0001-use-postgres.md)\n- [Runbooks](runbooks/restart-api.md)\n"
                + "- [Architecture](architecture/overview.md)\n- [Teams](teams/platform.md)\n"));
        f.put("onboarding/first-week.md", page("type: onboarding\n", "Your first week", prose("the first week")));
        f.put("process/planning.md", page("", "Planning and reviews", prose("planning")));
        f.put("communication/norms.md", page("type: communication\n", "Response times and channels",
                prose("response times") + "\nWe answer written questions within one working day.\n"));
        f.put("decisions/0001-use-postgres.md", page("status: accepted\n", "Use Postgres for the billing store",
                prose("the billing store") + "\n## Decision\n\nWe will use Postgres.\n"));
        f.put("runbooks/restart-api.md", page("type: runbook\n", "Restart the API",
                prose("restarting the API") + "\n1. Drain the node.\n2. Run `systemctl restart api`.\n3. Check the health page.\n"));
        f.put("architecture/overview.md", page("", "System overview", prose("the system design")));
        f.put("teams/platform.md", page("type: team\n", "Platform team", prose("who owns the platform")));
        return f;
    }

    /**
     * The same files with {@code reviewed:} set to today in every front matter, so each page has a
     * real date and freshness is measured (the files are not in a git repository).
     */
    private static Map<String, String> reviewedToday(Map<String, String> files) {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((path, text) -> out.put(path,
                text.startsWith("---\n") ? "---\nreviewed: " + today + "\n" + text.substring(4) : text));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    private JsonNode build(Map<String, String> files, String... extra) throws IOException {
        Path content = TestSites.write(dir.resolve("content-" + files.hashCode()), files);
        Path out = dir.resolve("run-" + files.hashCode() + "-" + extra.length);
        TestSites.Run run = TestSites.build(out, content, extra);
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return new ObjectMapper().readTree(out.resolve("out/report.json").toFile());
    }

    private static List<String> rules(JsonNode report, String file) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("file").asText().equals(file) && Readiness.SIGNAL_RULES.contains(f.get("rule").asText())) {
                out.add(f.get("rule").asText() + ":" + f.get("line").asInt());
            }
        }
        return out;
    }

    @Test
    void aCompleteCurrentHandbookIsReady() throws IOException {
        JsonNode report = build(reviewedToday(ready()));
        JsonNode r = report.get("readiness");
        assertThat(r.get("verdict").asText()).as(r.toString()).isEqualTo("ready");
        assertThat(r.get("cappedBy")).isEmpty();
        assertThat(report.get("scores").get("coverage").asInt()).isEqualTo(100);
        assertThat(report.get("scores").get("selfService").asInt()).isEqualTo(100);
        assertThat(report.get("scores").get("freshness").asInt()).isEqualTo(100);
        for (JsonNode c : r.get("categories")) assertThat(c.get("present").asBoolean()).as(c.get("id").asText()).isTrue();
        JsonNode pages = report.get("pages");
        Map<String, String> cats = new LinkedHashMap<>();
        for (JsonNode p : pages) cats.put(p.get("path").asText(), p.get("category").get("id").asText(null));
        assertThat(cats).containsEntry("onboarding/first-week.md", "onboarding")
                .containsEntry("process/planning.md", "process")
                .containsEntry("communication/norms.md", "communication")
                .containsEntry("decisions/0001-use-postgres.md", "decisions")
                .containsEntry("runbooks/restart-api.md", "runbooks")
                .containsEntry("architecture/overview.md", "architecture")
                .containsEntry("teams/platform.md", "ownership");
        JsonNode onboarding = null;
        for (JsonNode p : pages) if (p.get("path").asText().equals("onboarding/first-week.md")) onboarding = p;
        assertThat(onboarding.get("category").get("source").asText()).isEqualTo("front-matter");
    }

    @Test
    void withoutCommunicationNormsItIsPartlyReadyAndSaysSo() throws IOException {
        Map<String, String> f = ready();
        f.remove("communication/norms.md");
        f.put("README.md", f.get("README.md").replace("- [Communication](communication/norms.md)\n", ""));
        JsonNode report = build(f);
        JsonNode r = report.get("readiness");
        assertThat(r.get("verdict").asText()).isEqualTo("partly ready");
        assertThat(r.get("reasons").toString()).contains("communication norms");
        JsonNode top = r.get("fixes").get(0);
        assertThat(top.get("kind").asText()).isEqualTo("write-category");
        assertThat(top.get("title").asText()).isEqualTo("Write a page of communication norms");
        assertThat(top.get("gain").asDouble()).isGreaterThan(0);
    }

    @Test
    void aThinWikiThatSendsReadersToPeopleIsNotReady() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Wiki\n\n[Setup](setup.md)\n");
        f.put("setup.md", "# Setup\n\nAsk Sam for the VPN password. Docs TBD.\n");
        JsonNode report = build(f);
        JsonNode r = report.get("readiness");
        assertThat(r.get("verdict").asText()).isEqualTo("not ready");
        assertThat(rules(report, "setup.md")).containsExactly("stub-page:0", "ask-a-person:3", "placeholder:3");
        assertThat(report.get("scores").get("selfService").asInt()).isEqualTo(50);
        JsonNode self = r.get("scores").get(4);
        assertThat(self.get("id").asText()).isEqualTo("selfService");
        assertThat(self.get("pages")).extracting(JsonNode::asText).containsExactly("setup.md");
    }

    @Test
    void askAPersonFiresOnPeopleNotOnQuestionsCodeOrRunbooks() throws IOException {
        Map<String, String> f = ready();
        f.put("process/help.md", page("", "Getting help", prose("getting help") + """

                Ask Sam for the staging password.
                If the deploy fails, ping @ops in the channel.
                Ask questions in the issue tracker; we answer within a day.
                Run `ask Sam` to see the bot's help.

                ```
                ask Sam
                ```
                DM me if the build is red.
                Just hop on a call with the release manager.
                """));
        f.put("runbooks/restart-api.md", f.get("runbooks/restart-api.md") + "\nIf it still fails, page Priya, ask Priya.\n");
        JsonNode report = build(f);
        assertThat(rules(report, "process/help.md"))
                .containsExactly("ask-a-person:9", "ask-a-person:10", "ask-a-person:17", "ask-a-person:18");
        assertThat(rules(report, "runbooks/restart-api.md")).isEmpty();
    }

    @Test
    void placeholdersFireOnPromisesNotOnProse() throws IOException {
        Map<String, String> f = ready();
        f.put("architecture/data.md", page("", "Data flow", prose("the data flow") + """

                The retry policy is TBD.
                Metrics dashboard: coming soon.
                Our todo list lives in the tracker.
                We expect tests to be written for every change.
                Alerting (to be written)
                """));
        JsonNode report = build(f);
        assertThat(rules(report, "architecture/data.md"))
                .containsExactly("placeholder:9", "placeholder:10", "placeholder:13");
    }

    @Test
    void stubPagesButNotLinkLists() throws IOException {
        Map<String, String> f = ready();
        f.put("process/README.md", "# Process\n\n- [Planning](planning.md): how we plan.\n- [Help](help.md)\n");
        f.put("process/help.md", "# Help\n\nSee the tracker.\n");
        JsonNode report = build(f);
        assertThat(rules(report, "process/help.md")).containsExactly("stub-page:0");
        assertThat(rules(report, "process/README.md")).isEmpty();
    }

    @Test
    void runbooksNeedStepsAndDecisionsNeedStatusAndOutcome() throws IOException {
        Map<String, String> f = ready();
        f.put("runbooks/database.md", page("", "Database failover", prose("database failover")));
        f.put("runbooks/postmortem-2026-03.md", page("", "Post-mortem: March outage", prose("the March outage")));
        f.put("decisions/0002-drop-redis.md", page("", "Drop Redis", prose("the cache")));
        f.put("decisions/0003-queue.md", page("", "Pick a queue", prose("the queue")
                + "\nStatus: accepted\n\n## Outcome\n\nRabbitMQ.\n"));
        f.put("decisions/README.md", page("", "Decision records", prose("decision records")));
        JsonNode report = build(f);
        assertThat(rules(report, "runbooks/database.md")).containsExactly("runbook-without-steps:0");
        assertThat(rules(report, "runbooks/postmortem-2026-03.md")).isEmpty();
        assertThat(rules(report, "runbooks/restart-api.md")).isEmpty();
        assertThat(rules(report, "decisions/0002-drop-redis.md"))
                .containsExactlyInAnyOrder("decision-without-status:0", "decision-without-outcome:0");
        assertThat(rules(report, "decisions/0003-queue.md")).isEmpty();
        assertThat(rules(report, "decisions/0001-use-postgres.md")).isEmpty();
        assertThat(rules(report, "decisions/README.md")).isEmpty();
    }

    @Test
    void rulesCategoriesAndWeightsComeFromConfig() throws IOException {
        Map<String, String> f = ready();
        f.put("setup.md", "# Setup\n\nAsk Sam. TBD.\n");
        f.put("README.md", f.get("README.md") + "- [Setup](setup.md)\n");
        f.put("docpulse.yml", """
                readiness:
                  rules:
                    ask-a-person: false
                    stub-page: false
                  not_applicable: [runbooks]
                  queries:
                    security: "security threat model secrets"
                  weights:
                    coverage: 1
                    findability: 0
                    links: 0
                    self_service: 0
                """);
        f.put("security/threat-model.md", page("type: security\n", "Threat model", prose("security")));
        JsonNode report = build(f);
        assertThat(rules(report, "setup.md")).containsExactly("placeholder:3");
        List<String> ids = new ArrayList<>();
        for (JsonNode c : report.get("readiness").get("categories")) ids.add(c.get("id").asText());
        assertThat(ids).doesNotContain("runbooks").contains("security");
        // coverage alone decides: every applicable category is there
        assertThat(report.get("readiness").get("score").asInt()).isEqualTo(100);
    }

    /** What the corpora taught: link lists and tables, reference entries, redirects, badges, open questions. */
    @Test
    void tunedOnTheCorpora() throws IOException {
        Map<String, String> f = ready();
        f.put("process/README.md", "# Process\n\nWhat is in this folder:\n\n| Doc | About |\n|--|--|\n"
                + "| [Planning](planning.md) | how we plan |\n");
        f.put("architecture/errors/e1001.md", "# Error E1001\n\nThe config file is missing.\n\n```\nE1001: no config\n```\n");
        f.put("architecture/moved.md", "# Old overview\n\nMoved to [the system overview](overview.md).\n");
        f.put("architecture/badges.md", page("", "Status badges", prose("badges")
                + "\n![TBD][tbd] means nobody owns it yet.\n\n[tbd]: https://img.shields.io/badge/TBD-red\n"
                + "\nA \"TODO\" comment in code is fine.\n"));
        f.put("decisions/0002-cache.md", page("", "Cache layer", prose("the cache")
                + "\n| Status | Accepted |\n|--|--|\n\n## Summary\n\nWe add Redis. The eviction policy is TBD.\n"));
        JsonNode report = build(f);
        assertThat(rules(report, "process/README.md")).isEmpty();
        assertThat(rules(report, "architecture/errors/e1001.md")).isEmpty();
        assertThat(rules(report, "architecture/moved.md")).isEmpty();
        assertThat(rules(report, "architecture/badges.md")).isEmpty();
        assertThat(rules(report, "decisions/0002-cache.md")).isEmpty();
    }

    @Test
    void withoutDatesTheVerdictIsCappedAndSaysHowToMeasureFreshness() throws IOException {
        JsonNode report = build(ready());
        JsonNode r = report.get("readiness");
        // no git history and no reviewed: dates: freshness is unknown, not 100, and does not count...
        assertThat(report.get("scores").get("freshness").isNull()).isTrue();
        assertThat(r.get("scores").get(1).get("weight").asDouble()).isZero();
        // ...so the docs cannot be called current: the verdict stops below ready and says why
        assertThat(r.get("verdict").asText()).isEqualTo("partly ready");
        assertThat(texts(r.get("cappedBy"))).containsExactly("freshness-unknown");
        String reasons = texts(r.get("reasons")).toString();
        assertThat(reasons).contains("Freshness could not be measured").contains("fetch-depth: 0")
                .doesNotContain("current").doesNotContain("within its review budget");
    }

    @Test
    void aFewDatedPagesDoNotMeasureTheFreshnessOfTheRest() throws IOException {
        Map<String, String> f = ready();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        f.put("README.md", "---\nreviewed: " + today + "\n" + f.get("README.md").substring(4));
        JsonNode r = build(f).get("readiness");
        assertThat(r.get("verdict").asText()).isEqualTo("partly ready");
        assertThat(texts(r.get("cappedBy"))).containsExactly("freshness-unknown");
        assertThat(texts(r.get("reasons")).toString()).contains("only 1 of 8 pages has a date");
    }

    @Test
    void theVerdictNamesTheWeakestScore() throws IOException {
        Map<String, String> f = reviewedToday(ready());
        f.put("architecture/data.md", page("reviewed: " + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\n",
                "Data flow", prose("the data flow") + "\nThe retry policy is TBD.\n"));
        JsonNode report = build(f);
        JsonNode r = report.get("readiness");
        String weakestName = null;
        int weakest = 101;
        for (JsonNode s : r.get("scores")) {
            if (!s.get("score").isNull() && s.get("weight").asDouble() > 0 && s.get("score").asInt() < weakest) {
                weakest = s.get("score").asInt();
                weakestName = s.get("name").asText();
            }
        }
        assertThat(weakest).isLessThan(100);
        assertThat(r.get("weakest").get("score").asInt()).isEqualTo(weakest);
        assertThat(r.get("reasons").get(0).asText())
                .contains("the weakest score is " + weakestName.toLowerCase(java.util.Locale.ROOT) + " at " + weakest)
                .doesNotContain("current and easy to find");
    }

    @Test
    void aScoreUnder75KeepsTheVerdictFromReady() throws IOException {
        Map<String, String> f = reviewedToday(ready());
        for (String path : List.of("process/planning.md", "architecture/overview.md", "teams/platform.md")) {
            f.put(path, f.get(path) + "\nThe rest of this page is TBD.\n");
        }
        JsonNode report = build(f);
        JsonNode r = report.get("readiness");
        assertThat(report.get("scores").get("selfService").asInt()).isEqualTo(63);
        assertThat(r.get("score").asInt()).isGreaterThanOrEqualTo(75);
        assertThat(r.get("verdict").asText()).isEqualTo("partly ready");
        assertThat(texts(r.get("cappedBy"))).containsExactly("weak-score");
        assertThat(r.get("reasons").get(0).asText()).contains("the weakest score is self-service at 63");
    }

    @Test
    void moreThanOneErrorPerTenPagesKeepsTheVerdictFromReady() throws IOException {
        Map<String, String> f = reviewedToday(ready());
        f.put("README.md", f.get("README.md") + "- [Old plan](process/old-plan.md)\n- [Roadmap](roadmap.md)\n");
        JsonNode report = build(f);
        JsonNode r = report.get("readiness");
        assertThat(report.get("summary").get("errors").asInt()).isEqualTo(2);
        assertThat(r.get("score").asInt()).isGreaterThanOrEqualTo(75);
        assertThat(r.get("verdict").asText()).isEqualTo("partly ready");
        assertThat(texts(r.get("cappedBy"))).containsExactly("errors");
        assertThat(texts(r.get("reasons")).toString()).contains("2 errors on 8 pages");
    }

    @Test
    void fixesThatAddNoPointAreLeftOut() throws IOException {
        Map<String, String> f = reviewedToday(ready());
        // a stale page, while the team gave freshness no weight: reviewing it adds nothing to the score
        f.put("process/planning.md", f.get("process/planning.md").replaceFirst("reviewed: [0-9-]+", "reviewed: 2001-01-01"));
        f.put("docpulse.yml", "readiness:\n  weights:\n    freshness: 0\n");
        JsonNode report = build(f);
        JsonNode page = null;
        for (JsonNode p : report.get("pages")) if (p.get("path").asText().equals("process/planning.md")) page = p;
        assertThat(page.get("stale").asBoolean()).isTrue();
        for (JsonNode fix : report.get("readiness").get("fixes")) {
            assertThat(fix.get("gain").asDouble()).as(fix.toString()).isGreaterThan(0.0);
        }
    }

    @Test
    void aOnePageSiteIsNotAskedForRunbooksOrDecisionRecords() throws IOException {
        JsonNode r = build(Map.of("README.md", page("", "Deploying the app", prose("deploying the app")))).get("readiness");
        List<String> titles = new ArrayList<>();
        for (JsonNode fix : r.get("fixes")) titles.add(fix.get("title").asText());
        assertThat(titles).contains("Write an onboarding guide", "Write a page of communication norms")
                .doesNotContain("Write a runbook", "Write a first decision record", "Write an architecture overview",
                        "Write a page of who owns what");
        List<String> ids = new ArrayList<>();
        for (JsonNode c : r.get("categories")) ids.add(c.get("id").asText());
        assertThat(ids).containsExactly("onboarding", "process", "communication");
        assertThat(texts(r.get("notExpected"))).containsExactly("decisions", "runbooks", "architecture", "ownership");
        assertThat(texts(r.get("reasons")).toString()).contains("not expected of docs under 10 pages");
    }

    @Test
    void aSmallSiteWithARunbookIsJudgedOnIt() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", page("", "Deploying the app", prose("deploying the app")));
        f.put("runbooks/restart.md", "# Restart\n\nTBD.\n");
        JsonNode r = build(f).get("readiness");
        List<String> ids = new ArrayList<>();
        for (JsonNode c : r.get("categories")) ids.add(c.get("id").asText());
        assertThat(ids).containsExactly("onboarding", "process", "communication", "runbooks");
        assertThat(texts(r.get("notExpected"))).containsExactly("decisions", "architecture", "ownership");
    }
}
