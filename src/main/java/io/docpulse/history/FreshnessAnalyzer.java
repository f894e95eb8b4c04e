package io.docpulse.history;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.docpulse.config.FreshnessConfig;
import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceRef;

/**
 * Turns history and front matter into freshness and ownership: the last update (front matter
 * {@code reviewed} counts as one), the owner ({@code owner}, else CODEOWNERS), the page type
 * ({@code type}, else path conventions), and whether the page is past its review budget.
 */
public final class FreshnessAnalyzer {
    /** Decision records in these states are history, not instructions: they never go stale. */
    private static final Set<String> SETTLED = Set.of("accepted", "superseded", "rejected", "deprecated", "final");

    /** Path conventions, tried in order: the first whose pattern finds the path names the type. */
    private static final List<Map.Entry<String, Pattern>> CONVENTIONS = List.of(
            Map.entry("decision", Pattern.compile(
                    "(^|/)(adrs?|decisions?|decision-records?|rfcs?)/|(^|/)adr-\\d+|(^|/)\\d{4}-[^/]+\\.md$")),
            Map.entry("runbook", Pattern.compile("runbook|on-?call|incident|post-?mortem")),
            Map.entry("onboarding", Pattern.compile("onboarding|getting-started|new-hire|welcome")),
            Map.entry("process", Pattern.compile("(^|/)(process(es)?|how-we-work|playbooks?|practices|ways-of-working)/")),
            Map.entry("reference", Pattern.compile("(^|/)(reference|api|references)/")),
            Map.entry("guide", Pattern.compile("(^|/)(guides?|how-?tos?|tutorials?)/")));

    private final FreshnessConfig config;
    private final Instant now;

    public FreshnessAnalyzer(FreshnessConfig config, Instant now) {
        this.config = config;
        this.now = now;
    }

    /** The analysis: per page (by content path) its freshness, and the findings. */
    public record Result(Map<String, Freshness> pages, List<Finding> findings) {
        public Result {
            pages = Map.copyOf(pages);
            findings = List.copyOf(findings);
        }
    }

    public Result analyze(List<Page> pages, History history) throws IOException {
        CodeOwners owners = history.repoRoot().isPresent() ? CodeOwners.find(history.repoRoot().get()) : CodeOwners.none();
        Map<String, Freshness> out = new TreeMap<>();
        List<Finding> findings = new ArrayList<>(history.findings());
        for (Page p : pages) {
            PageHistory h = history.pages().get(p.path());
            Optional<Instant> last = h == null ? Optional.empty() : h.lastChange();
            String author = h == null ? "" : h.lastAuthor();
            String commit = h == null ? "" : h.lastCommit();
            String source = h == null ? "unknown" : h.source();
            // a file's time is when it was copied or checked out, not when its content changed:
            // only the user can say it means more here
            if (source.equals("file-time") && !config.fileTimes()) {
                last = Optional.empty();
                source = "unknown";
            }
            Optional<Instant> reviewed = date(p.frontMatter().reviewed());
            if (reviewed.isPresent() && (last.isEmpty() || reviewed.get().isAfter(last.get()))) {
                last = reviewed;
                author = "";
                commit = "";
                source = "reviewed";
            }
            String owner;
            String ownerSource;
            if (!p.frontMatter().owner().isBlank()) {
                owner = p.frontMatter().owner();
                ownerSource = "front-matter";
            } else {
                Optional<List<String>> o = owners.ownersOf(history.contentPrefix() + p.path());
                owner = o.map(l -> String.join(" ", l)).orElse("");
                ownerSource = o.isPresent() ? "codeowners" : "none";
            }
            String type;
            String typeSource;
            if (!p.frontMatter().type().isBlank()) {
                type = p.frontMatter().type().toLowerCase(Locale.ROOT);
                typeSource = "front-matter";
            } else {
                type = typeFromPath(p.path());
                typeSource = type.isEmpty() ? "default" : "path";
                if (type.isEmpty()) type = "page";
            }
            Optional<Long> age = last.map(t -> Math.max(0, Duration.between(t, now).toDays()));
            boolean settled = type.equals("decision")
                    && SETTLED.contains(p.frontMatter().status().toLowerCase(Locale.ROOT));
            Optional<Integer> budget = settled ? Optional.empty() : Optional.of(config.budgetFor(type));
            Optional<Instant> reviewBy = date(p.frontMatter().reviewBy());
            boolean overBudget = age.isPresent() && budget.isPresent() && age.get() > budget.get();
            // due on the review_by date itself; stale from the day after
            boolean overdue = reviewBy.isPresent() && !now.isBefore(reviewBy.get().plus(Duration.ofDays(1)));
            boolean stale = !p.frontMatter().draft() && (overBudget || overdue);
            Freshness f = new Freshness(p.path(), last, author, commit, source, h == null ? 0 : h.commits(), owner,
                    ownerSource, type, typeSource, age, budget, p.frontMatter().reviewBy(), stale,
                    h == null ? List.of() : h.ignored());
            out.put(p.path(), f);
            if (stale) findings.add(staleFinding(p, f, overBudget, overdue));
            if (ownerSource.equals("none") && !p.frontMatter().draft()) {
                findings.add(new Finding("no-owner", Severity.NOTE, SourceRef.file(p.path()),
                        "nobody owns this page, so nobody is asked to keep it current",
                        "add owner: @team to its front matter, or a rule for it in CODEOWNERS"));
            }
        }
        return new Result(out, findings);
    }

    private Finding staleFinding(Page p, Freshness f, boolean overBudget, boolean overdue) {
        StringBuilder msg = new StringBuilder("stale: ");
        Map<String, String> details = new LinkedHashMap<>();
        if (overBudget) {
            long over = f.ageDays().get() - f.budgetDays().get();
            msg.append("last updated ").append(f.ageDays().get()).append(" days ago (")
                    .append(LocalDate.ofInstant(f.lastUpdated().get(), ZoneOffset.UTC)).append("), ").append(over)
                    .append(over == 1 ? " day" : " days").append(" over the ").append(f.budgetDays().get())
                    .append("-day budget for ")
                    .append(f.type().equals("page") ? "pages without a type" : f.type() + " pages");
            details.put("ageDays", String.valueOf(f.ageDays().get()));
            details.put("budgetDays", String.valueOf(f.budgetDays().get()));
        }
        if (overdue) {
            if (overBudget) msg.append("; ");
            msg.append("its review_by date ").append(f.reviewBy()).append(" has passed");
            details.put("reviewBy", f.reviewBy());
        }
        msg.append(f.owner().isEmpty() ? "; no owner" : "; owner " + f.owner());
        details.put("owner", f.owner());
        details.put("type", f.type());
        return new Finding("stale-page", Severity.WARNING, SourceRef.file(p.path()), msg.toString(),
                "review the page: bring it up to date, or if it is still right set reviewed: "
                        + LocalDate.ofInstant(now, ZoneOffset.UTC) + " in its front matter", details);
    }

    /** The type a path's conventions suggest, or empty. */
    static String typeFromPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Pattern> c : CONVENTIONS) {
            if (c.getValue().matcher(lower).find()) return c.getKey();
        }
        return "";
    }

    private static Optional<Instant> date(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())))
                    .atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
