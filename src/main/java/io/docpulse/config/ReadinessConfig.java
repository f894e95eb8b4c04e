package io.docpulse.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code readiness:} section of docpulse.yml: how the async-readiness report weighs its scores,
 * which categories of docs apply, which real-time-dependence rules run.
 *
 * @param weights       {@code weights}: the share of each score in the overall score (coverage,
 *                      freshness, findability, links, self_service); they need not add up to 1
 * @param notApplicable {@code not_applicable}: categories this team does not need (for example
 *                      runbooks for a team that runs no service)
 * @param queries       {@code queries}: a Lucene query per category, replacing the built-in one; a
 *                      name that is not a built-in category adds a category
 * @param rules         {@code rules}: rule name to on or off
 * @param stubWords     {@code stub_words}: a page with fewer words is a stub
 */
public record ReadinessConfig(Map<String, Double> weights, Set<String> notApplicable, Map<String, String> queries,
                              Map<String, Boolean> rules, int stubWords) {
    /** The scores that make up the overall score, in the order they are shown. */
    public static final List<String> SCORES = List.of("coverage", "freshness", "findability", "links", "self_service");

    /** The real-time-dependence rules, each on unless turned off. */
    public static final List<String> RULES = List.of("ask-a-person", "placeholder", "stub-page",
            "runbook-without-steps", "decision-without-status", "decision-without-outcome");
    /** The built-in categories of async-critical docs. */
    public static final List<String> CATEGORIES = List.of("onboarding", "process", "communication", "decisions",
            "runbooks", "architecture", "ownership");

    public ReadinessConfig {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        notApplicable = Set.copyOf(notApplicable.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        queries = java.util.Collections.unmodifiableMap(new TreeMap<>(queries));
        rules = java.util.Collections.unmodifiableMap(new TreeMap<>(rules));
    }

    public static ReadinessConfig defaults() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("coverage", 0.30);
        w.put("freshness", 0.20);
        w.put("findability", 0.20);
        w.put("links", 0.15);
        w.put("self_service", 0.15);
        return new ReadinessConfig(w, Set.of(), Map.of(), Map.of(), 50);
    }

    /** Whether a rule runs: every rule is on unless {@code rules} turns it off. */
    public boolean ruleOn(String rule) {
        return rules.getOrDefault(rule, true);
    }
}
