package io.docpulse.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code freshness:} section of docpulse.yml.
 *
 * @param budgets   {@code budgets}: days a page of each type may go without a real change before it is
 *                  stale; the key {@code default} applies to every other type
 * @param fileTimes {@code file_times}: outside git, date pages by their files' modification times (shown
 *                  on the page as such, and judged against the budgets); off by default, since a copy
 *                  or a checkout gives every file the time it was made
 */
public record FreshnessConfig(Map<String, Integer> budgets, boolean fileTimes) {
    public FreshnessConfig {
        TreeMap<String, Integer> lower = new TreeMap<>();
        budgets.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        budgets = java.util.Collections.unmodifiableMap(lower);
    }

    public static FreshnessConfig defaults() {
        return new FreshnessConfig(Map.of("runbook", 90, "onboarding", 180, "process", 180, "reference", 365,
                "guide", 365, "decision", 365, "default", 365), false);
    }

    /** The budget for a type, falling back to {@code default}. */
    public int budgetFor(String type) {
        Integer b = budgets.get(type.toLowerCase(java.util.Locale.ROOT));
        return b != null ? b : budgets.getOrDefault("default", 365);
    }
}
