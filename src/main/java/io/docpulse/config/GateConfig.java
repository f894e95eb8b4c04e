package io.docpulse.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code gate:} section of docpulse.yml: the thresholds a run must meet, or exit 1. A value
 * of -1 means "not set". Command-line options override them.
 *
 * @param failUnder   {@code fail_under}: the lowest async-readiness score that passes
 * @param maxErrors   {@code max_errors}: the most error findings that pass
 * @param maxWarnings {@code max_warnings}: the most warning findings that pass
 * @param minScores   {@code min_scores}: the lowest value of each score that passes (coverage,
 *                    freshness, findability, links, self_service)
 */
public record GateConfig(int failUnder, int maxErrors, int maxWarnings, Map<String, Integer> minScores) {
    public GateConfig {
        minScores = java.util.Collections.unmodifiableMap(new TreeMap<>(minScores));
    }

    public static GateConfig defaults() {
        return new GateConfig(-1, -1, -1, Map.of());
    }
}
