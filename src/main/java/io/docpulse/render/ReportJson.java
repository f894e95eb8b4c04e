package io.docpulse.render;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.config.Config;
import io.docpulse.content.Finding;
import io.docpulse.content.Heading;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;
import io.docpulse.content.Severity;
import io.docpulse.history.Freshness;
import io.docpulse.history.IgnoredChange;
import io.docpulse.index.Findability;
import io.docpulse.index.PageFindability;
import io.docpulse.links.LinkReport;
import io.docpulse.links.PageLinks;
import io.docpulse.questions.Questions;
import io.docpulse.readiness.Readiness;

/**
 * {@code report.json}: the machine-readable result of a build. Its shape is a contract, versioned by
 * {@link #SCHEMA_VERSION} and documented in {@code content/reference/report-json.md}.
 */
public final class ReportJson {
    /** Bumped on any change that could break a reader. */
    public static final int SCHEMA_VERSION = 1;

    private ReportJson() {
    }

    public static byte[] render(Config config, String generator, Instant generatedAt, List<Page> pages,
                                LinkReport links, Map<String, Freshness> freshness, Findability.Result findability,
                                Readiness.Result readiness, List<Finding> findings) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("generator", generator);
        root.put("generatedAt", DateTimeFormatter.ISO_INSTANT.format(generatedAt.truncatedTo(ChronoUnit.SECONDS)));
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("name", config.siteName());
        site.put("baseUrl", config.baseUrl());
        root.put("site", site);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pages", pages.size());
        summary.put("errors", count(findings, Severity.ERROR));
        summary.put("warnings", count(findings, Severity.WARNING));
        summary.put("notes", count(findings, Severity.NOTE));
        root.put("summary", summary);
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("findability", findability.siteScore());
        for (Readiness.Score sc : readiness.scores()) {
            if (!sc.id().equals("findability")) scores.put(camel(sc.id()), sc.value() < 0 ? null : sc.value());
        }
        scores.put("readiness", readiness.overall());
        root.put("scores", scores);
        root.put("readiness", readiness(readiness));
        root.put("questions", questions(readiness.questions()));
        List<Map<String, Object>> pageList = new ArrayList<>(pages.size());
        for (Page p : pages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("url", config.basePath() + Routes.encodePath(p.route()));
            m.put("title", p.title());
            m.put("titleSource", p.titleSource().label());
            m.put("description", p.frontMatter().description());
            m.put("draft", p.frontMatter().draft());
            m.put("words", p.words());
            List<Map<String, Object>> hs = new ArrayList<>(p.headings().size());
            for (Heading h : p.headings()) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("level", h.level());
                hm.put("text", h.text());
                hm.put("id", h.id());
                hm.put("line", h.line());
                hs.add(hm);
            }
            m.put("headings", hs);
            Freshness f = freshness.get(p.path());
            if (f != null) {
                m.put("lastUpdated", f.lastUpdated().map(t -> DateTimeFormatter.ISO_INSTANT.format(t)).orElse(null));
                m.put("lastAuthor", f.lastAuthor());
                m.put("lastCommit", f.lastCommit());
                m.put("dateSource", f.dateSource());
                m.put("commits", f.commits());
                m.put("owner", f.owner());
                m.put("ownerSource", f.ownerSource());
                m.put("type", f.type());
                m.put("typeSource", f.typeSource());
                m.put("ageDays", f.ageDays().orElse(null));
                m.put("budgetDays", f.budgetDays().orElse(null));
                m.put("reviewBy", f.reviewBy());
                m.put("stale", f.stale());
                List<Map<String, Object>> ignored = new ArrayList<>();
                for (IgnoredChange c : f.ignored()) {
                    Map<String, Object> im = new LinkedHashMap<>();
                    im.put("commit", c.commit());
                    im.put("date", DateTimeFormatter.ISO_INSTANT.format(c.when()));
                    im.put("author", c.author());
                    im.put("reason", c.reason());
                    ignored.add(im);
                }
                m.put("ignoredCommits", ignored);
            }
            PageFindability pf = findability.pages().get(p.path());
            if (pf != null) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("score", pf.score());
                fm.put("findable", pf.findable());
                List<Map<String, Object>> qs = new ArrayList<>();
                for (PageFindability.KnownItem k : pf.queries()) {
                    Map<String, Object> qm = new LinkedHashMap<>();
                    qm.put("kind", k.kind());
                    qm.put("query", k.query());
                    qm.put("rank", k.rank() == 0 ? null : k.rank());
                    qm.put("outrankedBy", k.outrankedBy());
                    qs.add(qm);
                }
                fm.put("queries", qs);
                fm.put("reasons", pf.reasons());
                List<Map<String, Object>> twins = new ArrayList<>();
                for (var d : pf.nearDuplicates()) {
                    Map<String, Object> dm = new LinkedHashMap<>();
                    dm.put("path", d.path());
                    dm.put("similarity", Math.round(d.similarity() * 100) / 100.0);
                    twins.add(dm);
                }
                fm.put("nearDuplicates", twins);
                m.put("findability", fm);
            }
            Readiness.Assignment cat = readiness.categoryOf().get(p.path());
            if (!p.frontMatter().draft()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("id", cat == null ? null : cat.category());
                cm.put("source", cat == null ? null : cat.source());
                cm.put("reason", cat == null ? null : cat.reason());
                m.put("category", cm);
            }
            PageLinks pl = links.pages().get(p.path());
            if (pl != null) {
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("outbound", pl.outbound());
                lm.put("inbound", pl.inbound());
                lm.put("clickDepth", pl.clickDepth() < 0 ? null : pl.clickDepth());
                lm.put("orphan", pl.orphan());
                m.put("links", lm);
            }
            pageList.add(m);
        }
        root.put("pages", pageList);
        List<Map<String, Object>> fl = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("severity", f.severity().label());
            m.put("file", f.where().file());
            m.put("line", f.where().line());
            m.put("column", f.where().column());
            m.put("message", f.message());
            m.put("hint", f.hint());
            if (!f.details().isEmpty()) m.put("details", f.details());
            fl.add(m);
        }
        root.put("findings", fl);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        ObjectMapper mapper = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        byte[] json = mapper.writer(pp).writeValueAsBytes(root);
        byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }

    private static Map<String, Object> readiness(Readiness.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", r.overall());
        out.put("verdict", r.verdict());
        out.put("reasons", r.reasons());
        Map<String, Object> weakest = new LinkedHashMap<>();
        weakest.put("id", camel(r.weakest().id()));
        weakest.put("score", r.weakest().value());
        out.put("weakest", weakest);
        out.put("cappedBy", r.cappedBy());
        out.put("notExpected", r.notExpected());
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Readiness.Score s : r.scores()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", camel(s.id()));
            m.put("name", s.name());
            m.put("score", s.value() < 0 ? null : s.value());
            m.put("weight", Math.round(s.weight() * 1000) / 1000.0);
            m.put("evidence", s.evidence());
            m.put("pages", s.pages());
            if (s.id().equals("self_service") && !r.questions().asked().isEmpty()) {
                // the questions behind the number: those not answered, by file and line
                m.put("questions", r.questions().asked().stream()
                        .filter(a -> a.outcome() != Questions.Outcome.ANSWERED)
                        .map(a -> a.question().where().toString()).toList());
            }
            scores.add(m);
        }
        out.put("scores", scores);
        List<Map<String, Object>> cats = new ArrayList<>();
        for (Readiness.CategoryReport c : r.categories()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("critical", c.critical());
            m.put("present", c.present());
            m.put("score", c.score());
            m.put("pages", c.pages());
            m.put("fresh", c.fresh());
            m.put("findable", c.findable());
            m.put("withBrokenLinks", c.withBrokenLinks());
            m.put("withRealtimeSignals", c.withSignals());
            m.put("evidence", c.evidence());
            m.put("why", c.why());
            m.put("toWrite", c.page());
            cats.add(m);
        }
        out.put("categories", cats);
        List<Map<String, Object>> fixes = new ArrayList<>();
        for (Readiness.Fix f : r.fixes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind());
            m.put("title", f.title());
            m.put("problem", f.problem());
            m.put("gain", Math.round(f.gain() * 10) / 10.0);
            m.put("pages", f.pages());
            fixes.add(m);
        }
        out.put("fixes", fixes);
        return out;
    }

    /** The questions report: every question, its class and its first pages, and the unanswered by topic. */
    private static Map<String, Object> questions(Questions.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("given", r.given());
        out.put("sources", r.sources());
        out.put("asked", r.asked().size());
        out.put("answered", r.count(Questions.Outcome.ANSWERED));
        out.put("rankedLow", r.count(Questions.Outcome.RANKED_LOW));
        out.put("unanswered", r.count(Questions.Outcome.UNANSWERED));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Questions.Asked a : r.asked()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", a.question().text());
            m.put("file", a.question().where().file());
            m.put("line", a.question().where().line());
            m.put("class", a.outcome().id());
            m.put("expected", a.question().expected().isEmpty() ? null : a.question().expected());
            m.put("anchor", a.question().anchor().isEmpty() ? null : a.question().anchor());
            m.put("rank", a.rank() == 0 ? null : a.rank());
            m.put("coverage", Math.round(a.coverage() * 100) / 100.0);
            m.put("words", a.words());
            List<Map<String, Object>> top = new ArrayList<>();
            for (Questions.Ranked t : a.top()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("path", t.path());
                tm.put("title", t.title());
                tm.put("url", t.url());
                tm.put("score", Math.round(t.score() * 1000) / 1000.0);
                tm.put("coverage", Math.round(t.coverage() * 100) / 100.0);
                tm.put("held", t.held());
                top.add(tm);
            }
            m.put("top", top);
            m.put("outrankedBy", a.outrankedBy());
            m.put("topic", a.topic().isEmpty() ? null : a.topic());
            list.add(m);
        }
        out.put("questions", list);
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Questions.Topic t : r.topics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", t.label());
            m.put("questions", t.questions().stream().map(a -> a.question().text()).toList());
            topics.add(m);
        }
        out.put("topics", topics);
        return out;
    }

    /** {@code self_service} as JSON spells it: {@code selfService}. */
    private static String camel(String id) {
        int u = id.indexOf('_');
        return u < 0 ? id : id.substring(0, u) + Character.toUpperCase(id.charAt(u + 1)) + id.substring(u + 2);
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
