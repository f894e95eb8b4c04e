package io.docpulse.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.docpulse.config.ReadinessConfig;

/**
 * A kind of page that asynchronous work depends on: onboarding guides, process docs, communication
 * norms, decision records, runbooks, architecture and ownership.
 *
 * @param id       short name, as in config and report.json
 * @param name     what the report calls it
 * @param why      one sentence: what a team loses without it
 * @param types    front matter {@code type} values that put a page in it
 * @param path     a pattern on the lower-cased content path that puts a page in it, or null
 * @param query    a Lucene query that describes it (the search syntax of {@code docpulse search})
 * @param critical whether a team cannot work asynchronously without it (a missing one caps the verdict)
 * @param page     what to write when it is missing ("an onboarding guide")
 * @param expectedFrom how many pages (drafts left out) the docs need before they are expected to
 *                 hold this kind of doc; below that, it counts only once a page of its kind is there
 */
public record Category(String id, String name, String why, Set<String> types, Pattern path, String query,
                       boolean critical, String page, int expectedFrom) {
    public Category {
        types = Set.copyOf(types);
    }

    /**
     * From how many pages records and reference (decisions, runbooks and incidents, architecture,
     * ownership) are expected. They pile up as a team grows and runs things; a handful of pages is
     * not yet asked to start them. Norms (onboarding, how we work, communication) are expected of
     * docs of any size.
     */
    public static final int RECORDS_FROM = 10;

    private static final List<Category> BUILT_IN = List.of(
            new Category("onboarding", "Onboarding",
                    "new people answer their own first questions instead of asking a colleague",
                    Set.of("onboarding"),
                    Pattern.compile("(^|/)(onboarding|new-hires?|first-(day|week)s?)(/|\\.md$|-)|(^|/)(getting-started|welcome)(/|\\.md$)"),
                    "onboarding \"first week\" \"first day\" \"new hire\" \"new hires\" \"new joiner\" \"welcome to the team\"", true, "an onboarding guide", 1),
            new Category("process", "How we work",
                    "planning, reviews and rituals are written down, so nobody waits for a meeting to learn them",
                    Set.of("process", "playbook", "ritual", "workflow", "how-we-work"),
                    Pattern.compile("(^|/)(process(es)?|playbooks?|practices|rituals?|planning|workflows?)/"
                            + "|(^|/)(how-we-work|ways-of-working)(/|\\.md$|-)"),
                    "\"how we work\" \"ways of working\" retrospective retrospectives \"sprint planning\" ceremonies standup \"stand-up\" \"code reviews\" \"code review process\" \"definition of done\" \"release process\" rituals", false, "a how-we-work page", 1),
            new Category("communication", "Communication norms",
                    "people know how fast to expect an answer and where to ask, so they stop interrupting",
                    Set.of("communication", "norms", "meetings", "meeting"),
                    Pattern.compile("(^|/)(communication|norms|etiquette|meetings?|working-agreements?|response-times?"
                            + "|status-updates?|async-work|slack-(guidelines|etiquette|channels))(/|\\.md$|-)"),
                    "\"communication norms\" \"response time\" \"response times\" \"working agreement\" \"meeting norms\" \"status updates\" \"where to ask\" etiquette \"async communication\" slack", true, "a page of communication norms", 1),
            new Category("decisions", "Decisions",
                    "decisions and their reasons live in records rather than in someone's memory",
                    Set.of("decision", "adr", "rfc", "decisions"),
                    Pattern.compile("(^|/)(adrs?|decisions?|decision-records?|rfcs?)/|(^|/)adr-\\d+|(^|/)\\d{4}-[^/]+\\.md$"),
                    "\"decision record\" \"decision records\" adr adrs rfc rfcs \"architecture decision\"", true, "a first decision record", RECORDS_FROM),
            new Category("runbooks", "Runbooks and incidents",
                    "whoever is on call can act without waking the one person who knows",
                    Set.of("runbook", "runbooks", "incident", "postmortem", "post-mortem", "on-call", "oncall"),
                    Pattern.compile("(^|/)(runbooks?|on-?call|incidents?|post-?mortems?|playbooks/incidents?)(/|\\.md$|-)"
                            + "|-runbook\\.md$|-post-?mortem\\.md$"),
                    "runbook runbooks \"on-call\" oncall postmortem \"post-mortem\" \"incident response\" \"incident review\" escalation", true, "a runbook", RECORDS_FROM),
            new Category("architecture", "Architecture and reference",
                    "engineers learn how the systems fit together without a walkthrough",
                    Set.of("architecture", "design", "reference", "system", "api"),
                    Pattern.compile("(^|/)(architecture|design|systems?|reference|api)/|(^|/)architecture(\\.md$|-)"),
                    "architecture \"system design\" \"system overview\" \"design doc\" \"technical design\"", false, "an architecture overview", RECORDS_FROM),
            new Category("ownership", "Ownership and people",
                    "everyone can tell who owns what and whom a question belongs to",
                    Set.of("team", "teams", "people", "ownership", "owners", "directory"),
                    Pattern.compile("(^|/)(teams?|people|ownership|owners|who-?is-?who|org-?chart|team-directory)(/|\\.md$)"),
                    "\"who owns\" ownership \"team directory\" \"org chart\" \"points of contact\" \"point of contact\" \"team members\"", false, "a page of who owns what", RECORDS_FROM));

    /** The built-in categories, with the config's queries and additions applied, minus those not applicable. */
    public static List<Category> configured(ReadinessConfig config) {
        List<Category> out = new ArrayList<>();
        for (Category c : BUILT_IN) {
            String q = config.queries().getOrDefault(c.id(), c.query());
            if (!config.notApplicable().contains(c.id())) {
                out.add(new Category(c.id(), c.name(), c.why(), c.types(), c.path(), q, c.critical(), c.page(),
                        c.expectedFrom()));
            }
        }
        for (Map.Entry<String, String> e : config.queries().entrySet()) {
            if (ReadinessConfig.CATEGORIES.contains(e.getKey()) || config.notApplicable().contains(e.getKey())) continue;
            String name = Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1).replace('-', ' ').replace('_', ' ');
            out.add(new Category(e.getKey(), name, "the team named it as a kind of doc it relies on",
                    Set.of(e.getKey()), null, e.getValue(), false, "a page on " + name.toLowerCase(java.util.Locale.ROOT), 1));
        }
        return out;
    }
}
