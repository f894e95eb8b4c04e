package io.docpulse.readiness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.docpulse.config.ReadinessConfig;
import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.content.Severity;
import io.docpulse.history.Freshness;
import io.docpulse.index.Findability;
import io.docpulse.index.PageFindability;
import io.docpulse.index.SearchIndex;
import io.docpulse.questions.Questions;
import io.docpulse.util.Parallel;

/**
 * The async-readiness report: can these docs support asynchronous work? Each page is placed in at
 * most one category of docs that async work relies on; the real-time-dependence rules run; five
 * scores (coverage, freshness, findability, link health, self-service) make an overall score and a
 * verdict, and the fixes that would raise the overall score most are ranked by their expected gain.
 * Every number is computed from the pages and keeps the list of pages behind it, and the verdict
 * claims nothing that was not measured: unknown freshness, a weak score or many errors keep it from
 * "ready", and its first reason names the weakest score.
 */
public final class Readiness {
    /** Link findings that make a page's links count as broken. */
    static final Set<String> BROKEN_LINK_RULES = Set.of("broken-link", "missing-asset", "missing-anchor",
            "broken-external-link", "missing-scheme", "unsafe-url");
    /** The rules of {@link Signals}: a page with one of them does not answer on its own. */
    static final Set<String> SIGNAL_RULES = Set.copyOf(ReadinessConfig.RULES);
    /** How many fixes the report keeps. */
    static final int MAX_FIXES = 20;
    /** The score the overall score, and each score that counts, must reach for the verdict "ready". */
    static final int READY = 75;
    /** At most one error finding per this many pages for the verdict "ready". */
    static final int PAGES_PER_ERROR = 10;

    private Readiness() {
    }

    /** Why a page is in its category. {@code source}: {@code front-matter}, {@code path} or {@code search}. */
    public record Assignment(String category, String source, String reason) {
    }

    /** One category's health. */
    public record CategoryReport(String id, String name, String why, String page, boolean critical, boolean present,
                                 List<String> pages, int fresh, int findable, int withBrokenLinks,
                                 int withSignals, int score, String evidence) {
        public CategoryReport {
            pages = List.copyOf(pages);
        }
    }

    /** One score with the sentence that explains it and the pages that cost it points. */
    public record Score(String id, String name, int value, double weight, String evidence, List<String> pages) {
        public Score {
            pages = List.copyOf(pages);
        }
    }

    /**
     * A fix, and how many points of the overall score it is expected to add.
     *
     * @param kind    {@code write-category}, {@code review-stale}, {@code fix-links}, {@code answer-here},
     *                {@code improve-findability} or {@code answer-questions}
     * @param pages   the pages to change (empty for a page to write)
     * @param critical it writes a category a team cannot work asynchronously without; on equal gain
     *                such fixes come first
     */
    public record Fix(String kind, String title, String problem, List<String> pages, double gain, boolean critical) {
        public Fix {
            pages = List.copyOf(pages);
        }
    }

    /**
     * The whole report.
     *
     * @param categories  the categories expected of these docs (see {@link Category#expectedFrom()})
     * @param weakest     the lowest of the scores that count (measured, with a weight above 0); the
     *                    first in score order on a tie
     * @param cappedBy    what keeps the verdict from {@code ready}, in this order: {@code overall-score},
     *                    {@code critical-missing}, {@code freshness-unknown}, {@code weak-score},
     *                    {@code errors}; empty when it is ready
     * @param notExpected ids of the categories not expected of docs this small, which do not count
     * @param questions   the questions the team gave and how the docs answer them (an input of
     *                    self-service), or {@link Questions.Result#NONE}
     */
    public record Result(Map<String, Assignment> categoryOf, List<CategoryReport> categories, List<Score> scores,
                         int overall, String verdict, List<String> reasons, List<Fix> fixes,
                         List<Finding> findings, Score weakest, List<String> cappedBy, List<String> notExpected,
                         Questions.Result questions) {
        public Result {
            categoryOf = java.util.Collections.unmodifiableMap(new TreeMap<>(categoryOf));
            categories = List.copyOf(categories);
            scores = List.copyOf(scores);
            reasons = List.copyOf(reasons);
            fixes = List.copyOf(fixes);
            findings = List.copyOf(findings);
            cappedBy = List.copyOf(cappedBy);
            notExpected = List.copyOf(notExpected);
        }
    }

    /**
     * @param pages      every page (drafts are left out here)
     * @param sources    each page's file on disk, by content path, to read the Markdown with its lines
     * @param freshness  per page
     * @param findability per page and for the site
     * @param findings   the findings of the other stages (for broken links, and the errors that cap the verdict)
     */
    public static Result analyze(List<Page> pages, Map<String, Path> sources, Map<String, Freshness> freshness,
                                 Findability.Result findability, List<Finding> findings, SearchIndex index,
                                 ReadinessConfig config, int threads) throws IOException {
        return analyze(pages, sources, freshness, findability, findings, index, config, threads, Questions.Result.NONE);
    }

    /**
     * As {@link #analyze(List, Map, Map, Findability.Result, List, SearchIndex, ReadinessConfig, int)},
     * with the team's questions: when it gave any, the share of them the docs answer is half of the
     * self-service score.
     */
    public static Result analyze(List<Page> pages, Map<String, Path> sources, Map<String, Freshness> freshness,
                                 Findability.Result findability, List<Finding> findings, SearchIndex index,
                                 ReadinessConfig config, int threads, Questions.Result questions) throws IOException {
        return analyze(pages, sources, freshness, findability, findings, index, config, threads, questions, null);
    }

    /**
     * As above, with what the page-by-page rules found in the last build kept in {@code keep} (in
     * the cache folder, or null for none): a page whose file and inputs are unchanged is not read again.
     */
    public static Result analyze(List<Page> pages, Map<String, Path> sources, Map<String, Freshness> freshness,
                                 Findability.Result findability, List<Finding> findings, SearchIndex index,
                                 ReadinessConfig config, int threads, Questions.Result questions, Path keep)
            throws IOException {
        List<Page> live = pages.stream().filter(p -> !p.frontMatter().draft()).toList();
        List<Category> configured = Category.configured(config);
        Map<String, Assignment> categoryOf = classify(live, configured, index);
        // advice scales with the docs: a kind of doc is expected once the docs are big enough for
        // it, or as soon as a page of its kind is there (then it is judged like any other)
        Set<String> placed = new HashSet<>();
        categoryOf.values().forEach(a -> placed.add(a.category()));
        List<Category> categories = configured.stream()
                .filter(c -> live.size() >= c.expectedFrom() || placed.contains(c.id())).toList();
        List<Category> notExpected = configured.stream().filter(c -> !categories.contains(c)).toList();

        SignalsKept kept = SignalsKept.open(keep, config);
        Signals signals = new Signals(config, live, threads, kept);
        List<List<Finding>> perPage = Parallel.map(live, threads, "readiness", p -> {
            Assignment a = categoryOf.get(p.path());
            boolean record = a != null && !a.source().equals("search") && !isIndex(p);
            String category = a == null ? "" : a.category();
            return kept.check(p, category, record, signals.organisationsStamp(), () -> {
                Path file = sources.get(p.path());
                String source = file == null ? "" : new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                return signals.check(p, source, category, record);
            });
        });
        kept.save();
        List<Finding> signalFindings = new ArrayList<>();
        perPage.forEach(signalFindings::addAll);

        Set<String> livePaths = new HashSet<>();
        live.forEach(p -> livePaths.add(p.path()));
        Set<String> draftPaths = new HashSet<>();
        pages.stream().filter(p -> p.frontMatter().draft()).forEach(p -> draftPaths.add(p.path()));
        int errors = (int) findings.stream()
                .filter(f -> f.severity() == Severity.ERROR && !draftPaths.contains(f.where().file())).count();
        Map<String, List<String>> brokenOn = new TreeMap<>();
        for (Finding f : findings) {
            if (brokenLink(f) && livePaths.contains(f.where().file())) {
                brokenOn.computeIfAbsent(f.where().file(), k -> new ArrayList<>()).add(f.details().getOrDefault("target", ""));
            }
        }
        Map<String, List<Finding>> signalsOn = new TreeMap<>();
        for (Finding f : signalFindings) signalsOn.computeIfAbsent(f.where().file(), k -> new ArrayList<>()).add(f);
        Set<String> stubs = new HashSet<>();
        for (Finding f : signalFindings) if (f.rule().equals("stub-page")) stubs.add(f.where().file());

        // categories
        List<CategoryReport> reports = new ArrayList<>();
        for (Category c : categories) {
            List<String> in = new ArrayList<>();
            for (Page p : live) {
                Assignment a = categoryOf.get(p.path());
                if (a != null && a.category().equals(c.id())) in.add(p.path());
            }
            boolean present = in.stream().anyMatch(path -> !stubs.contains(path));
            int datedIn = (int) in.stream().filter(path -> dated(freshness, path)).count();
            int fresh = (int) in.stream().filter(path -> dated(freshness, path) && !stale(freshness, path)).count();
            int findable = (int) in.stream().filter(path -> findable(findability, path)).count();
            int broken = (int) in.stream().filter(brokenOn::containsKey).count();
            int withSignals = (int) in.stream().filter(signalsOn::containsKey).count();
            int score = 0;
            String evidence;
            if (!present) {
                evidence = in.isEmpty() ? "no page is about this" : "only stub pages: " + String.join(", ", in);
            } else {
                double n = in.size();
                double parts = 0.3 * findable / n + 0.2 * (n - broken) / n + 0.2 * (n - withSignals) / n;
                score = datedIn == 0 ? (int) Math.round(100 * parts / 0.7)
                        : (int) Math.round(100 * (0.3 * fresh / datedIn + parts));
                evidence = in.size() + (in.size() == 1 ? " page" : " pages") + ": "
                        + (datedIn == 0 ? "no dates" : fresh + " of " + datedIn + " dated fresh") + ", " + findable
                        + " findable by title, " + (in.size() - broken) + " with working links, "
                        + (in.size() - withSignals) + " answering on their own";
            }
            reports.add(new CategoryReport(c.id(), c.name(), c.why(), c.page(), c.critical(), present, in, fresh, findable,
                    broken, withSignals, score, evidence));
        }

        // scores
        int n = Math.max(1, live.size());
        List<String> dated = live.stream().map(Page::path).filter(path -> dated(freshness, path)).toList();
        // only a real date can make a page stale here: a file's time says nothing about its content
        List<String> stalePages = live.stream().map(Page::path)
                .filter(path -> dated(freshness, path) && stale(freshness, path)).toList();
        List<String> brokenPages = live.stream().map(Page::path).filter(brokenOn::containsKey).toList();
        List<String> deferring = live.stream().map(Page::path).filter(signalsOn::containsKey).toList();
        List<String> hardToFind = live.stream().map(Page::path)
                .filter(path -> findability.pages().containsKey(path) && findability.pages().get(path).score() < 100)
                .toList();
        List<String> missing = reports.stream().filter(r -> !r.present()).map(CategoryReport::name).toList();
        int applicable = Math.max(1, reports.size());
        Map<String, Double> raw = new LinkedHashMap<>();
        raw.put("coverage", reports.isEmpty() ? 100.0 : 100.0 * (reports.size() - missing.size()) / applicable);
        // a page dated only by its file's time has no real date: freshness counts dated pages only
        raw.put("freshness", dated.isEmpty() ? Double.NaN : 100.0 * (dated.size() - stalePages.size()) / dated.size());
        raw.put("findability", (double) findability.siteScore());
        raw.put("links", 100.0 * (live.size() - brokenPages.size()) / n);
        double pagesOnTheirOwn = 100.0 * (live.size() - deferring.size()) / n;
        int asked = questions.asked().size();
        int answered = questions.count(Questions.Outcome.ANSWERED);
        // the team's questions, when it gave some, are the other half of self-service
        raw.put("self_service", asked == 0 ? pagesOnTheirOwn : (pagesOnTheirOwn + 100.0 * answered / asked) / 2);
        Map<String, Double> w = new LinkedHashMap<>(config.weights());
        if (dated.isEmpty()) w.put("freshness", 0.0);
        double total = w.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            w.put("coverage", 1.0);
            total = 1.0;
        }
        double overallRaw = 0;
        for (String s : ReadinessConfig.SCORES) {
            if (w.getOrDefault(s, 0.0) > 0) overallRaw += w.get(s) * raw.get(s);
        }
        overallRaw /= total;
        int overall = (int) Math.round(overallRaw);

        List<Score> scores = new ArrayList<>();
        scores.add(new Score("coverage", "Coverage", round(raw.get("coverage")), w.get("coverage") / total,
                (reports.size() - missing.size()) + " of " + reports.size() + " kinds of docs that async work relies on are there"
                        + (missing.isEmpty() ? "" : "; missing: " + join(missing)), List.of()));
        scores.add(new Score("freshness", "Freshness", dated.isEmpty() ? -1 : round(raw.get("freshness")),
                w.get("freshness") / total, dated.isEmpty()
                        ? "no page has a date from git history or a reviewed: date, so freshness cannot be measured"
                        + " and does not count"
                        : (dated.size() - stalePages.size()) + " of " + dated.size() + " dated pages are within their review budget"
                        + (dated.size() < live.size() ? " (" + (live.size() - dated.size()) + " have no date)" : ""),
                stalePages));
        scores.add(new Score("findability", "Findability", findability.siteScore(), w.get("findability") / total,
                "the average findability score of the pages; " + hardToFind.size() + " score below 100", hardToFind));
        scores.add(new Score("links", "Link health", round(raw.get("links")), w.get("links") / total,
                (live.size() - brokenPages.size()) + " of " + live.size() + " pages have no broken link, image or anchor",
                brokenPages));
        scores.add(new Score("self_service", "Self-service", round(raw.get("self_service")), w.get("self_service") / total,
                (live.size() - deferring.size()) + " of " + live.size()
                        + " pages answer on their own, without sending the reader to a person, a placeholder or a stub"
                        + (asked > 0 ? "; " + answered + " of " + asked + (asked == 1 ? " question" : " questions")
                        + " people ask are answered in the top 3 results"
                        : questions.given() ? "; the questions files hold no question"
                        : "; no questions were given (list the questions people ask in questions.md to count them)"),
                deferring));

        // verdict: "ready" only when nothing it claims is unmeasured or weak
        List<String> missingCritical = reports.stream().filter(r -> r.critical() && !r.present())
                .map(CategoryReport::name).toList();
        List<Score> counted = scores.stream().filter(s -> s.weight() > 0 && s.value() >= 0).toList();
        Score weakest = counted.get(0);
        for (Score s : counted) if (s.value() < weakest.value()) weakest = s;
        List<Score> weak = counted.stream().filter(s -> s.value() < READY).toList();
        // the team may give freshness no weight; otherwise the docs cannot be called current unless
        // at least half of the pages have a real date
        boolean freshnessUnknown = config.weights().getOrDefault("freshness", 0.0) > 0 && dated.size() * 2 < live.size();
        List<String> cappedBy = new ArrayList<>();
        if (overall < READY) cappedBy.add("overall-score");
        if (!missingCritical.isEmpty()) cappedBy.add("critical-missing");
        if (freshnessUnknown) cappedBy.add("freshness-unknown");
        if (!weak.isEmpty()) cappedBy.add("weak-score");
        if ((long) errors * PAGES_PER_ERROR > live.size()) cappedBy.add("errors");
        String verdict;
        if (overall < 50 || missingCritical.size() >= 2) verdict = "not ready";
        else if (cappedBy.isEmpty()) verdict = "ready";
        else verdict = "partly ready";
        List<String> reasons = reasons(verdict, overall, weakest, cappedBy, missingCritical, scores, weak,
                live.size(), dated.size(), errors, notExpected, stalePages, brokenPages, deferring);

        List<Fix> fixes = fixes(reports, w, total, live.size(), stalePages, brokenOn, signalsOn, findability, live,
                questions);
        return new Result(categoryOf, reports, scores, overall, verdict, reasons, fixes, signalFindings, weakest,
                cappedBy, notExpected.stream().map(Category::id).toList(), questions);
    }

    /** Front matter type first, then path conventions, then each category's Lucene query. */
    static Map<String, Assignment> classify(List<Page> pages, List<Category> categories, SearchIndex index)
            throws IOException {
        Map<String, Assignment> out = new HashMap<>();
        for (Page p : pages) {
            String type = p.frontMatter().type().strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) continue;
            for (Category c : categories) {
                if (c.types().contains(type) || c.id().equals(type)) {
                    out.put(p.path(), new Assignment(c.id(), "front-matter", "its front matter says type: " + type));
                    break;
                }
            }
        }
        // records first: a runbook under playbooks/ is a runbook, a decision under process/ a decision
        List<Category> byPath = new ArrayList<>(categories);
        byPath.sort(java.util.Comparator.comparingInt(c -> c.id().equals("decisions") ? 0 : c.id().equals("runbooks") ? 1 : 2));
        for (Page p : pages) {
            if (out.containsKey(p.path())) continue;
            String lower = p.path().toLowerCase(Locale.ROOT);
            for (Category c : byPath) {
                if (c.path() != null && c.path().matcher(lower).find()) {
                    out.put(p.path(), new Assignment(c.id(), "path", "its path matches the " + c.name()
                            + " convention (" + c.path().pattern() + ")"));
                    break;
                }
            }
        }
        // the query of each category: its best pages, if no convention placed them; a page found by
        // several queries goes to the one that ranks it highest
        Set<String> live = new HashSet<>();
        pages.forEach(p -> live.add(p.path()));
        int depth = Math.max(2, (int) Math.round(pages.size() * 0.02));
        Map<String, Integer> bestRank = new HashMap<>();
        Map<String, Assignment> byQuery = new HashMap<>();
        for (Category c : categories) {
            List<String> ranked = index.rankTitles(c.query(), depth);
            for (int i = 0; i < ranked.size(); i++) {
                String path = ranked.get(i);
                if (out.containsKey(path) || !live.contains(path)) continue;
                int rank = i + 1;
                if (rank < bestRank.getOrDefault(path, Integer.MAX_VALUE)) {
                    bestRank.put(path, rank);
                    byQuery.put(path, new Assignment(c.id(), "search", "its title matches the " + c.name()
                            + " query (" + c.query() + ") at rank " + rank));
                }
            }
        }
        out.putAll(byQuery);
        return out;
    }

    /**
     * The sentences that explain the verdict: the verdict with the weakest score, then each thing that
     * keeps it from ready, then the scores. Every claim is one of the measured numbers.
     */
    private static List<String> reasons(String verdict, int overall, Score weakest, List<String> cappedBy,
                                        List<String> missingCritical, List<Score> scores, List<Score> weak, int pages,
                                        int dated, int errors, List<Category> notExpected, List<String> stale,
                                        List<String> broken, List<String> deferring) {
        List<String> out = new ArrayList<>();
        String weakestText = lower(weakest.name()) + " at " + weakest.value();
        String total = " (overall " + overall + " of 100).";
        out.add(switch (verdict) {
            case "ready" -> weakest.value() == 100 ? "Ready: every score is 100" + total
                    : "Ready: every score is " + READY + " or more, and the weakest score is " + weakestText + total;
            case "not ready" -> "Not ready: the weakest score is " + weakestText + ", and a team working from these"
                    + " docs would still depend on meetings and quick questions" + total;
            default -> "Partly ready: the weakest score is " + weakestText + total;
        });
        if (!missingCritical.isEmpty()) {
            out.add("Nothing covers what a team cannot work asynchronously without: "
                    + lower(join(missingCritical)) + ".");
        }
        if (cappedBy.contains("freshness-unknown")) {
            out.add("Freshness could not be measured, so the verdict cannot be ready: "
                    + (dated == 0 ? "no page has" : "only " + dated + " of " + count(pages, "page")
                    + (dated == 1 ? " has" : " have")) + " a date from git history or a reviewed: date."
                    + " Build inside a git clone with its full history (in CI, check out with fetch-depth: 0),"
                    + " or set reviewed: dates in the front matter.");
        }
        if (cappedBy.contains("weak-score")) {
            List<String> names = weak.stream().map(s -> lower(s.name()) + " " + s.value()).toList();
            out.add((weak.size() == 1 ? "A score under " + READY + " keeps" : "Scores under " + READY + " keep")
                    + " the verdict from ready: "
                    + join(names) + ".");
        }
        if (cappedBy.contains("errors")) {
            out.add("The build found " + count(errors, "error") + " on " + count(pages, "page") + ", more than one for"
                    + " every " + PAGES_PER_ERROR + " pages, so the verdict cannot be ready: fix the errors first.");
        }
        for (Score s : scores) {
            if (s.id().equals("coverage")) {
                out.add("Coverage " + s.value() + ": " + s.evidence() + ".");
            } else if (s.value() < 0) {
                // said above when it caps the verdict
                if (!cappedBy.contains("freshness-unknown")) out.add(s.name() + " unknown: " + s.evidence() + ".");
            } else if (s.value() < 90) {
                out.add(s.name() + " " + s.value() + ": " + s.evidence() + ".");
            }
        }
        Map<Integer, List<String>> notYet = new TreeMap<>();
        for (Category c : notExpected) notYet.computeIfAbsent(c.expectedFrom(), k -> new ArrayList<>()).add(c.name());
        notYet.forEach((from, names) -> out.add(capitalize(lower(join(names))) + (names.size() == 1 ? " is" : " are")
                + " not expected of docs under " + from + " pages (these have " + pages + "), so "
                + (names.size() == 1 ? "it does" : "they do") + " not count for coverage until a page of "
                + (names.size() == 1 ? "its" : "their") + " kind is written."));
        if (broken.isEmpty() && deferring.isEmpty() && stale.isEmpty() && pages > 0) {
            // "within its review budget" only where every page has a date to judge it by
            out.add(dated == pages ? "Every page is within its review budget, its links work, and it answers on its own."
                    : "Every page's links work, and every page answers on its own.");
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Fixes by expected gain in overall points: a missing category to write, and per top-level folder
     * the stale pages to review, the pages with broken links, the pages that defer to people, and the
     * pages that are hard to find.
     */
    private static List<Fix> fixes(List<CategoryReport> reports, Map<String, Double> w, double total, int pageCount,
                                   List<String> stale, Map<String, List<String>> brokenOn,
                                   Map<String, List<Finding>> signalsOn, Findability.Result findability,
                                   List<Page> live, Questions.Result questions) {
        List<Fix> out = new ArrayList<>();
        int n = Math.max(1, pageCount);
        for (CategoryReport r : reports) {
            if (r.present()) continue;
            double gain = w.get("coverage") / total * 100.0 / reports.size();
            out.add(new Fix("write-category", "Write " + r.page(),
                    "nothing covers " + r.name().toLowerCase(Locale.ROOT) + "; with it, " + r.why(), r.pages(), gain,
                    r.critical()));
        }
        Map<String, List<String>> staleBy = byFolder(stale);
        staleBy.forEach((folder, paths) -> out.add(new Fix("review-stale",
                "Review " + count(paths.size(), "stale page") + where(folder),
                "past their review budget: bring them up to date, or confirm them with reviewed: in the front matter",
                paths, w.get("freshness") / total * 100.0 * paths.size() / n, false)));
        byFolder(new ArrayList<>(brokenOn.keySet())).forEach((folder, paths) -> {
            int links = paths.stream().mapToInt(p -> brokenOn.get(p).size()).sum();
            out.add(new Fix("fix-links", "Fix " + count(links, "broken link") + " on " + count(paths.size(), "page") + where(folder),
                    "links, images or anchors that lead nowhere", paths,
                    w.get("links") / total * 100.0 * paths.size() / n, false));
        });
        byFolder(new ArrayList<>(signalsOn.keySet())).forEach((folder, paths) -> {
            Map<String, Integer> rules = new TreeMap<>();
            for (String p : paths) for (Finding f : signalsOn.get(p)) rules.merge(f.rule(), 1, Integer::sum);
            List<String> what = new ArrayList<>();
            rules.forEach((rule, c) -> what.add(c + " " + rule));
            out.add(new Fix("answer-here", "Answer in the page what " + count(paths.size(), "page") + where(folder)
                    + (paths.size() == 1 ? " leaves" : " leave") + " to people or placeholders", String.join(", ", what), paths,
                    w.get("self_service") / total * 100.0 * paths.size() / n, false));
        });
        Map<String, Double> lost = new TreeMap<>();
        for (Page p : live) {
            PageFindability pf = findability.pages().get(p.path());
            if (pf != null && pf.score() < 100) lost.put(p.path(), 100.0 - pf.score());
        }
        byFolder(new ArrayList<>(lost.keySet())).forEach((folder, paths) -> {
            double points = paths.stream().mapToDouble(lost::get).sum();
            out.add(new Fix("improve-findability", "Make " + count(paths.size(), "page") + where(folder) + " easier to find",
                    "titles that do not find their page, missing descriptions, near-duplicates, deep pages (see each page's"
                            + " findability reasons)", paths, w.get("findability") / total * points / n, false));
        });
        // each topic of questions the docs cannot answer: half of self-service is the share answered
        int asked = questions.asked().size();
        for (Questions.Topic t : questions.topics()) {
            int k = t.questions().size();
            String about = t.label().equals("other") ? "" : " about " + t.label();
            out.add(new Fix("answer-questions", "Answer " + count(k, "question") + about + " that the docs cannot answer",
                    "people ask " + (k == 1 ? "it" : "them") + " and no page holds the answer, for example '"
                            + t.questions().get(0).question().text() + "' (" + t.questions().get(0).question().where() + ")",
                    List.of(), w.get("self_service") / total * 50.0 * k / asked, false));
        }
        // a fix that does not move the score by a tenth of a point, as shown, is not worth listing
        out.removeIf(f -> Math.round(f.gain() * 10) == 0);
        out.sort((a, b) -> a.gain() != b.gain() ? Double.compare(b.gain(), a.gain())
                : a.critical() != b.critical() ? (a.critical() ? -1 : 1) : a.title().compareTo(b.title()));
        return out.size() > MAX_FIXES ? out.subList(0, MAX_FIXES) : out;
    }

    /** Pages grouped by their top-level folder ({@code ""} for the root), each group sorted. */
    private static Map<String, List<String>> byFolder(List<String> paths) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String p : paths) {
            int slash = p.indexOf('/');
            out.computeIfAbsent(slash < 0 ? "" : p.substring(0, slash + 1), k -> new ArrayList<>()).add(p);
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static String where(String folder) {
        return folder.isEmpty() ? " at the top level" : " in `" + folder + "`";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A folder's index page (README.md, index.md): it introduces its records, it is not one. */
    private static boolean isIndex(Page p) {
        String name = p.path().substring(p.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("readme.md") || name.equals("index.md") || name.equals("_index.md");
    }

    /** Whether the page's date comes from git or a reviewed: date, not from its file's time. */
    private static boolean dated(Map<String, Freshness> freshness, String path) {
        return dated(freshness.get(path));
    }

    /**
     * Whether a page has a real date: from git, a {@code reviewed:} date or an uncommitted change.
     * A file's modification time says nothing about its content, so it does not count.
     */
    public static boolean dated(Freshness f) {
        return f != null && f.lastUpdated().isPresent() && Set.of("git", "reviewed", "uncommitted").contains(f.dateSource());
    }

    /** Whether a finding is a broken link, image or anchor, the findings link health counts. */
    public static boolean brokenLink(Finding f) {
        return BROKEN_LINK_RULES.contains(f.rule());
    }

    private static boolean stale(Map<String, Freshness> freshness, String path) {
        Freshness f = freshness.get(path);
        return f != null && f.stale();
    }

    private static boolean findable(Findability.Result findability, String path) {
        PageFindability pf = findability.pages().get(path);
        return pf != null && pf.findable();
    }

    private static int round(double v) {
        return (int) Math.round(v);
    }

    private static String join(List<String> names) {
        if (names.size() <= 1) return String.join("", names);
        // names such as "Runbooks and incidents" already hold an "and"
        if (names.stream().anyMatch(n -> n.contains(" and "))) return String.join("; ", names);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
