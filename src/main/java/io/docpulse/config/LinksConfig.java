package io.docpulse.config;

import java.util.List;

/**
 * The {@code links:} section of docpulse.yml.
 *
 * @param checkExternal  {@code check_external}: also check http(s) links over the network
 * @param ignore         {@code ignore}: regular expressions; a link whose target matches one is not checked
 * @param timeoutSeconds {@code timeout}: seconds to wait for one external request
 * @param maxConcurrency {@code max_concurrency}: external requests in flight at once
 * @param maxPerHost     {@code max_per_host}: external requests in flight to one host at once
 * @param retries        {@code retries}: extra tries after a 429, a 5xx or a timeout
 * @param maxRedirects   {@code max_redirects}: redirects followed before giving up
 * @param cacheHours     {@code cache_hours}: how long an external result is reused from the cache
 */
public record LinksConfig(boolean checkExternal, List<String> ignore, int timeoutSeconds, int maxConcurrency,
                          int maxPerHost, int retries, int maxRedirects, int cacheHours) {
    public LinksConfig {
        ignore = List.copyOf(ignore);
    }

    public static LinksConfig defaults() {
        return new LinksConfig(false, List.of(), 10, 16, 2, 3, 5, 24);
    }

    public LinksConfig withCheckExternal(boolean value) {
        return new LinksConfig(value, ignore, timeoutSeconds, maxConcurrency, maxPerHost, retries, maxRedirects, cacheHours);
    }
}
