package io.docpulse.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;
import io.docpulse.history.Freshness;
import io.docpulse.index.Findability;
import io.docpulse.index.PageFindability;
import io.docpulse.questions.Questions;
import io.docpulse.readiness.Readiness;

/**
 * What the site's health section shows, computed from the analyses: the readiness scores as SVG
 * gauges, a chart of pages by age, the category table, the top fixes, and a health score per page
 * (the average of its freshness, findability, link and self-service parts) for the page table and
 * the badge on each page. Charts are SVG made here, so the section needs no JavaScript.
 */
public final class HealthView {
    /** Age buckets of the freshness chart, in days (upper bounds, inclusive). */
    private static final int[] AGE_BOUNDS = {30, 90, 180, 365, Integer.MAX_VALUE};
    private static final String[][] AGE_LABELS = {{"under", "1 month"}, {"1-3", "months"}, {"3-6", "months"},
            {"6-12", "months"}, {"over", "1 year"}};

    /** One page's health, with the parts it is made of. */
    public record PageHealth(String path, String title, String route, String category, int score,
                             Integer freshness, int findability, int brokenLinks, int signals, long ageDays,
                             boolean stale) {
    }

    private final String route;
    private final Readiness.Result readiness;
    private final Map<String, PageHealth> pages;
    private final Map<String, Freshness> freshness;

    /**
     * @param route where the section lives in the site ({@code health/})
     */
    public HealthView(String route, List<Page> all, Map<String, Freshness> freshness, Findability.Result findability,
                      Readiness.Result readiness, List<Finding> findings) {
        this.route = route;
        this.readiness = readiness;
        this.freshness = freshness;
        Map<String, Integer> broken = new TreeMap<>();
        Map<String, Integer> signals = new TreeMap<>();
        for (Finding f : findings) {
            if (Readiness.brokenLink(f)) broken.merge(f.where().file(), 1, Integer::sum);
            if (io.docpulse.config.ReadinessConfig.RULES.contains(f.rule())) signals.merge(f.where().file(), 1, Integer::sum);
        }
        Map<String, PageHealth> out = new TreeMap<>();
        for (Page p : all) {
            if (p.frontMatter().draft()) continue;
            Freshness fr = freshness.get(p.path());
            boolean dated = Readiness.dated(fr);
            Integer freshPart = dated ? (fr.stale() ? 0 : 100) : null;
            PageFindability pf = findability.pages().get(p.path());
            int find = pf == null ? 100 : pf.score();
            int b = broken.getOrDefault(p.path(), 0);
            int s = signals.getOrDefault(p.path(), 0);
            int sum = find + (b == 0 ? 100 : 0) + (s == 0 ? 100 : 0);
            int parts = 3;
            if (freshPart != null) {
                sum += freshPart;
                parts++;
            }
            Readiness.Assignment a = readiness.categoryOf().get(p.path());
            String cat = a == null ? "" : readiness.categories().stream().filter(c -> c.id().equals(a.category()))
                    .map(Readiness.CategoryReport::name).findFirst().orElse(a.category());
            long age = dated ? fr.ageDays().orElse(-1L) : -1;
            out.put(p.path(), new PageHealth(p.path(), p.title(), p.route(), cat, Math.round((float) sum / parts),
                    freshPart, find, b, s, age, dated && fr.stale()));
        }
        this.pages = out;
    }

    /** The section's route, {@code health/}. */
    public String route() {
        return route;
    }

    /** The health of a page, or null for a draft. */
    public PageHealth page(String path) {
        return pages.get(path);
    }

    /** {@code good} (80 and up), {@code fair} (50 to 79) or {@code poor}: the badge's colour. */
    public static String grade(int score) {
        return score >= 80 ? "good" : score >= 50 ? "fair" : "poor";
    }

    /** The id of a page's row in the page table, for links to it. */
    public static String rowId(String path) {
        return "p-" + path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The overview page's data, with hrefs relative to the overview. */
    public Map<String, Object> overview() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", readiness.overall());
        m.put("verdict", readiness.verdict());
        m.put("grade", grade(readiness.overall()));
        m.put("reasons", readiness.reasons().stream().map(HealthView::codeSpans).toList());
        m.put("gauge", gauge("Async readiness", readiness.overall(), 160));
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Readiness.Score s : readiness.scores()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("value", s.value() < 0 ? "unknown" : String.valueOf(s.value()));
            sm.put("gauge", gauge(s.name(), s.value(), 110));
            sm.put("evidence", capitalize(s.evidence()));
            sm.put("weight", Math.round(s.weight() * 100) + "%");
            sm.put("pages", links(s.pages(), 10));
            sm.put("more", Math.max(0, s.pages().size() - 10));
            scores.add(sm);
        }
        m.put("scores", scores);
        List<Map<String, Object>> cats = new ArrayList<>();
        for (Readiness.CategoryReport c : readiness.categories()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("critical", c.critical());
            cm.put("present", c.present());
            cm.put("pages", c.pages().size());
            cm.put("score", c.present() ? String.valueOf(c.score()) : "missing");
            cm.put("grade", c.present() ? grade(c.score()) : "poor");
            cm.put("fresh", c.fresh());
            cm.put("findable", c.findable());
            cm.put("broken", c.withBrokenLinks());
            cm.put("signals", c.withSignals());
            cm.put("evidence", capitalize(c.evidence()));
            cm.put("why", c.why());
            cm.put("examples", links(c.pages(), 5));
            cats.add(cm);
        }
        m.put("categories", cats);
        List<Map<String, Object>> fixes = new ArrayList<>();
        for (Readiness.Fix f : readiness.fixes()) {
            if (fixes.size() == 10) break;
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("title", codeSpans(f.title()));
            fm.put("problem", codeSpans(f.problem()));
            fm.put("gain", String.format(Locale.ROOT, "+%.1f", f.gain()));
            fm.put("pages", links(f.pages(), 5));
            fm.put("more", Math.max(0, f.pages().size() - 5));
            fixes.add(fm);
        }
        m.put("fixes", fixes);
        m.put("ageChart", ageChart());
        m.put("pageCount", pages.size());
        m.put("questions", questions());
        return m;
    }

    /**
     * The questions part: counts, then the questions the docs cannot answer by topic, those whose
     * page ranks low with the pages above it, and those answered with their page.
     */
    private Map<String, Object> questions() {
        Questions.Result r = readiness.questions();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("given", r.given());
        m.put("sources", r.sources());
        m.put("asked", r.asked().size());
        m.put("answered", r.count(Questions.Outcome.ANSWERED));
        m.put("rankedLow", r.count(Questions.Outcome.RANKED_LOW));
        m.put("unanswered", r.count(Questions.Outcome.UNANSWERED));
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Questions.Topic t : r.topics()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("label", t.label());
            tm.put("questions", t.questions().stream().map(a -> question(a, a.top().stream()
                    .filter(x -> !x.held().isEmpty()).map(Questions.Ranked::path).toList())).toList());
            topics.add(tm);
        }
        m.put("topics", topics);
        m.put("low", r.asked().stream().filter(a -> a.outcome() == Questions.Outcome.RANKED_LOW).map(a -> {
            Map<String, Object> q = question(a, a.outrankedBy());
            q.put("expected", links(List.of(a.question().expected()), 1));
            q.put("rank", a.rank() == 0 ? "not in the first 10" : "rank " + a.rank());
            return q;
        }).toList());
        m.put("answeredList", r.asked().stream().filter(a -> a.outcome() == Questions.Outcome.ANSWERED)
                .map(a -> question(a, List.of(a.question().expected().isEmpty() ? best(a) : a.question().expected())))
                .toList());
        return m;
    }

    private Map<String, Object> question(Questions.Asked a, List<String> paths) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("text", a.question().text());
        q.put("where", a.question().where().toString());
        q.put("pages", links(paths, 3));
        return q;
    }

    /** The first of a question's first pages that holds it with the most confidence. */
    private static String best(Questions.Asked a) {
        Questions.Ranked best = null;
        for (Questions.Ranked r : a.top()) if (best == null || r.coverage() > best.coverage()) best = r;
        return best == null ? "" : best.path();
    }

    /** The rows of the page table, worst health first, with hrefs relative to {@code health/pages/}. */
    public List<Map<String, Object>> rows() {
        List<PageHealth> sorted = new ArrayList<>(pages.values());
        sorted.sort((a, b) -> a.score() != b.score() ? Integer.compare(a.score(), b.score()) : a.path().compareTo(b.path()));
        String from = route + "pages/";
        List<Map<String, Object>> out = new ArrayList<>();
        for (PageHealth h : sorted) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rowId(h.path()));
            r.put("title", h.title());
            r.put("path", h.path());
            r.put("shortPath", shortPath(h.path(), SHORT_PATH));
            r.put("href", Routes.encodePath(Routes.relative(from, h.route())));
            r.put("category", h.category());
            r.put("score", h.score());
            r.put("grade", grade(h.score()));
            r.put("freshness", h.freshness() == null ? "no date" : h.stale() ? "stale" : "fresh");
            r.put("age", h.ageDays() < 0 ? "" : String.valueOf(h.ageDays()));
            r.put("findability", h.findability());
            r.put("broken", h.brokenLinks());
            r.put("signals", h.signals());
            out.add(r);
        }
        return out;
    }

    private List<Map<String, Object>> links(List<String> paths, int max) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String p : paths) {
            if (out.size() == max) break;
            PageHealth h = pages.get(p);
            if (h == null) continue;
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("title", h.title());
            l.put("path", p);
            l.put("href", Routes.encodePath(Routes.relative(route, h.route())));
            out.add(l);
        }
        return out;
    }

    /** A half-circle gauge, 0 to 100; a dashed grey arc when the value is unknown (negative). */
    static String gauge(String label, int value, int width) {
        double r = 40;
        double length = Math.PI * r;
        double filled = value < 0 ? 0 : length * Math.min(100, value) / 100.0;
        String grade = value < 0 ? "unknown" : grade(value);
        String text = value < 0 ? "?" : String.valueOf(value);
        return "<svg class=\"gauge gauge-" + grade + "\" width=\"" + width + "\" viewBox=\"0 0 100 60\" role=\"img\""
                + " aria-label=\"" + esc(label) + ": " + (value < 0 ? "unknown" : value + " of 100") + "\">"
                + "<path class=\"gauge-track\" d=\"M10 50 A40 40 0 0 1 90 50\" fill=\"none\" stroke-width=\"10\"/>"
                + "<path class=\"gauge-value\" d=\"M10 50 A40 40 0 0 1 90 50\" fill=\"none\" stroke-width=\"10\""
                + " stroke-dasharray=\"" + fmt(filled) + " " + fmt(length) + "\"/>"
                + "<text x=\"50\" y=\"48\" text-anchor=\"middle\" class=\"gauge-text\">" + text + "</text></svg>";
    }

    /** Bars of pages by the age of their last real change, and one for pages without a date. */
    String ageChart() {
        int[] counts = new int[AGE_BOUNDS.length + 1];
        int[] stale = new int[AGE_BOUNDS.length + 1];
        for (PageHealth h : pages.values()) {
            int bucket = AGE_BOUNDS.length;
            if (h.ageDays() >= 0) {
                for (int i = 0; i < AGE_BOUNDS.length; i++) {
                    if (h.ageDays() <= AGE_BOUNDS[i]) {
                        bucket = i;
                        break;
                    }
                }
            }
            counts[bucket]++;
            if (h.stale()) stale[bucket]++;
        }
        int max = 1;
        for (int c : counts) max = Math.max(max, c);
        // room above the tallest bar for its count, and two lines under each bar for its label,
        // so neither is clipped and no two labels run together
        int slot = 66;
        int barW = 42;
        int top = 26;
        int height = 140;
        int w = counts.length * slot;
        StringBuilder sb = new StringBuilder("<svg class=\"age-chart\" viewBox=\"0 0 " + w + " " + (top + height + 46)
                + "\" width=\"" + w + "\" role=\"img\" aria-labelledby=\"age-chart-title\"><title id=\"age-chart-title\">Pages by"
                + " the age of their last change</title>");
        for (int i = 0; i < counts.length; i++) {
            int x = i * slot + (slot - barW) / 2;
            int mid = i * slot + slot / 2;
            int h = (int) Math.round((double) height * counts[i] / max);
            int hs = (int) Math.round((double) height * stale[i] / max);
            String[] label = i < AGE_LABELS.length ? AGE_LABELS[i] : new String[] {"no", "date"};
            String name = label[0] + " " + label[1];
            sb.append("<g><title>").append(esc(name)).append(": ").append(counts[i]).append(counts[i] == 1 ? " page" : " pages")
                    .append(stale[i] > 0 ? ", " + stale[i] + " stale" : "").append("</title>");
            sb.append("<rect class=\"bar").append(i == AGE_LABELS.length ? " bar-undated" : "").append("\" x=\"").append(x)
                    .append("\" y=\"").append(top + height - h).append("\" width=\"").append(barW).append("\" height=\"")
                    .append(h).append("\"/>");
            if (hs > 0) {
                sb.append("<rect class=\"bar-stale\" x=\"").append(x).append("\" y=\"").append(top + height - hs)
                        .append("\" width=\"").append(barW).append("\" height=\"").append(hs).append("\"/>");
            }
            sb.append("<text x=\"").append(mid).append("\" y=\"").append(top + height - h - 7)
                    .append("\" text-anchor=\"middle\" class=\"bar-count\">").append(counts[i]).append("</text>");
            sb.append("<text x=\"").append(mid).append("\" y=\"").append(top + height + 20)
                    .append("\" text-anchor=\"middle\" class=\"bar-label\">").append(esc(label[0])).append(" ")
                    .append("<tspan x=\"").append(mid).append("\" dy=\"17\">").append(esc(label[1]))
                    .append("</tspan></text></g>");
        }
        return sb.append("</svg>").toString();
    }

    /** Longest path the page table shows whole; longer ones are shortened. */
    static final int SHORT_PATH = 36;

    /**
     * A page's path cut to at most {@code max} characters for the page table, by putting "…" in
     * its middle: the top folder and the end of the file's name stay readable.
     */
    static String shortPath(String path, int max) {
        if (path.length() <= max) return path;
        int head = (max - 1) / 2;
        int tail = max - 1 - head;
        return path.substring(0, head) + "…" + path.substring(path.length() - tail);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** HTML-escaped text in which {@code `x`} becomes {@code <code>x</code>}. */
    static String codeSpans(String text) {
        String[] parts = esc(text).split("`", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            sb.append(code ? "<code>" + parts[i] + "</code>" : (i % 2 == 1 ? "`" : "") + parts[i]);
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String esc(String s) {
        return io.docpulse.util.Html.escape(s);
    }
}
