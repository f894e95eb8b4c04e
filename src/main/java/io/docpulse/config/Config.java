package io.docpulse.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings of one run: {@code docpulse.yml} with command-line flags applied on top.
 * Every value has a default, so a run needs no config file at all.
 *
 * @param file            the config file that was read, if any
 * @param siteName        {@code site_name}: shown in the header and the page titles
 * @param siteDescription {@code site_description}: the home page's meta description
 * @param baseUrl         {@code base_url}: where the site is published ({@code https://example.com/docs/} or {@code /docs/})
 * @param repoUrl         {@code repo_url}: the repository's forge URL; links to it count as internal
 * @param editBranch      {@code edit_branch}: the branch "edit this page" links point at
 * @param theme           {@code theme}: a folder under {@code themes/} next to the content, else the built-in default
 * @param language        {@code language}: the {@code lang} of every page
 * @param cacheDir        {@code cache_dir}: docpulse's cache folder
 * @param navMaxSiblings  {@code nav.max_siblings}: how many pages of one folder the sidebar lists before it shows "N more"
 * @param drafts          {@code drafts}: build pages marked {@code draft: true}
 * @param links           the {@code links:} section
 * @param freshness       the {@code freshness:} section
 * @param maxClickDepth   {@code findability.max_depth}: pages more clicks than this from the home page are "deep"
 * @param readiness       the {@code readiness:} section
 * @param gate            the {@code gate:} section: thresholds that fail the run
 * @param nearDuplicatesExpected {@code findability.near_duplicates_expected}: folders (ending in {@code /})
 *                        and pages, relative to the content folder, whose pages are meant to look alike
 *                        (generated or versioned pages), left out of the near-duplicate check
 * @param navList         {@code nav:} written as a list: the sidebar's entries in that order; empty when
 *                        {@code nav:} is a section of settings or absent (the sidebar follows the folders)
 * @param questions       {@code questions}: questions files and chat exports, as absolute paths (each
 *                        checked to be inside the config file's folder or its repository)
 * @param search          the {@code search:} section
 */
public record Config(Optional<Path> file, String siteName, String siteDescription, String baseUrl, String repoUrl,
                     String editBranch, String theme, String language, String cacheDir, int navMaxSiblings,
                     boolean drafts, LinksConfig links, FreshnessConfig freshness, int maxClickDepth,
                     ReadinessConfig readiness, GateConfig gate, java.util.List<String> nearDuplicatesExpected,
                     java.util.List<NavEntry> navList, java.util.List<Path> questions, SearchConfig search) {

    public Config {
        nearDuplicatesExpected = java.util.List.copyOf(nearDuplicatesExpected);
        navList = java.util.List.copyOf(navList);
        questions = java.util.List.copyOf(questions);
    }

    /** Without questions files (the settings of most tests). */
    public Config(Optional<Path> file, String siteName, String siteDescription, String baseUrl, String repoUrl,
                  String editBranch, String theme, String language, String cacheDir, int navMaxSiblings,
                  boolean drafts, LinksConfig links, FreshnessConfig freshness, int maxClickDepth,
                  ReadinessConfig readiness, GateConfig gate, java.util.List<String> nearDuplicatesExpected,
                  java.util.List<NavEntry> navList) {
        this(file, siteName, siteDescription, baseUrl, repoUrl, editBranch, theme, language, cacheDir, navMaxSiblings,
                drafts, links, freshness, maxClickDepth, readiness, gate, nearDuplicatesExpected, navList,
                java.util.List.of(), SearchConfig.defaults());
    }

    /** With search settings, and without a nav list or questions files. */
    public Config(Optional<Path> file, String siteName, String siteDescription, String baseUrl, String repoUrl,
                  String editBranch, String theme, String language, String cacheDir, int navMaxSiblings,
                  boolean drafts, LinksConfig links, FreshnessConfig freshness, int maxClickDepth,
                  ReadinessConfig readiness, GateConfig gate, java.util.List<String> nearDuplicatesExpected,
                  SearchConfig search) {
        this(file, siteName, siteDescription, baseUrl, repoUrl, editBranch, theme, language, cacheDir, navMaxSiblings,
                drafts, links, freshness, maxClickDepth, readiness, gate, nearDuplicatesExpected, java.util.List.of(),
                java.util.List.of(), search);
    }

    public static Config defaults() {
        return new Config(Optional.empty(), "Documentation", "", "", "", "main", "default", "en", ".docpulse", 50, false,
                LinksConfig.defaults(), FreshnessConfig.defaults(), 4, ReadinessConfig.defaults(),
                GateConfig.defaults(), java.util.List.of(), java.util.List.of(), java.util.List.of(), SearchConfig.defaults());
    }

    /** The path part of {@link #baseUrl()}, always starting and ending with a slash. */
    public String basePath() {
        if (baseUrl.isBlank()) return "/";
        String path = baseUrl;
        try {
            URI u = new URI(baseUrl);
            if (u.getScheme() != null) path = u.getRawPath() == null ? "/" : u.getRawPath();
        } catch (URISyntaxException e) {
            // validated when read; keep the raw value
        }
        if (!path.startsWith("/")) path = "/" + path;
        if (!path.endsWith("/")) path = path + "/";
        return path;
    }

    /** The scheme and host of {@link #baseUrl()} ({@code https://example.com}), or empty. */
    public String origin() {
        try {
            URI u = new URI(baseUrl);
            if (u.getScheme() == null || u.getHost() == null) return "";
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /**
     * Whether a page (its path relative to the content folder) is in {@link #nearDuplicatesExpected()}: the
     * page itself is listed, or a folder it is in.
     */
    public boolean nearDuplicateExpected(String page) {
        for (String entry : nearDuplicatesExpected) {
            if (entry.endsWith("/") ? page.startsWith(entry) : page.equals(entry) || page.startsWith(entry + "/")) {
                return true;
            }
        }
        return false;
    }

    public Config withBaseUrl(String value) {
        return new Config(file, siteName, siteDescription, value, repoUrl, editBranch, theme, language, cacheDir,
                navMaxSiblings, drafts, links, freshness, maxClickDepth, readiness, gate, nearDuplicatesExpected, navList, questions, search);
    }

    public Config withCacheDir(String value) {
        return new Config(file, siteName, siteDescription, baseUrl, repoUrl, editBranch, theme, language, value,
                navMaxSiblings, drafts, links, freshness, maxClickDepth, readiness, gate, nearDuplicatesExpected, navList, questions, search);
    }

    public Config withLinks(LinksConfig value) {
        return new Config(file, siteName, siteDescription, baseUrl, repoUrl, editBranch, theme, language, cacheDir,
                navMaxSiblings, drafts, value, freshness, maxClickDepth, readiness, gate, nearDuplicatesExpected, navList, questions, search);
    }

    public Config withGate(GateConfig value) {
        return new Config(file, siteName, siteDescription, baseUrl, repoUrl, editBranch, theme, language, cacheDir,
                navMaxSiblings, drafts, links, freshness, maxClickDepth, readiness, value, nearDuplicatesExpected, navList, questions, search);
    }

    public Config withDrafts(boolean value) {
        return new Config(file, siteName, siteDescription, baseUrl, repoUrl, editBranch, theme, language, cacheDir,
                navMaxSiblings, value, links, freshness, maxClickDepth, readiness, gate, nearDuplicatesExpected, navList, questions, search);
    }
}
