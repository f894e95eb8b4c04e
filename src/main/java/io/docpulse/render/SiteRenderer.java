package io.docpulse.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.docpulse.config.Config;
import io.docpulse.content.Finding;
import io.docpulse.content.Heading;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceRef;
import io.docpulse.history.Freshness;
import io.docpulse.util.Parallel;

/**
 * The render stage: writes every page, the generated section pages, alias redirects, the 404 page,
 * {@code sitemap.xml} (when {@code base_url} has a host), the theme's assets and the content's own files into a folder.
 */
public final class SiteRenderer {
    /** Folder of the site that holds the theme's own files (CSS, scripts). */
    static final String ASSET_DIR = "docpulse-assets/";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SiteRenderer.class);

    private final Config config;
    private final Theme theme;
    private final String generator;
    private final String repoContentPrefix;
    /** Where the tag pages go ({@link TagPages#ROUTE} unless the content has a folder there). */
    private final String tagsRoute;

    /**
     * @param config            the run's settings
     * @param themeOverrides    the theme folder that overrides the built-in theme, if any
     * @param generator         "docpulse VERSION", printed in every page's meta generator
     * @param repoContentPrefix the content folder's path in its repository, for edit links
     */
    public SiteRenderer(Config config, Optional<Path> themeOverrides, String generator, String repoContentPrefix) {
        this(config, themeOverrides, generator, repoContentPrefix, TagPages.ROUTE);
    }

    /** @param tagsRoute where the tag pages go, from {@link TagPages#route} */
    public SiteRenderer(Config config, Optional<Path> themeOverrides, String generator, String repoContentPrefix,
                        String tagsRoute) {
        this.tagsRoute = tagsRoute;
        this.config = config;
        this.theme = new Theme(themeOverrides);
        this.generator = generator;
        this.repoContentPrefix = repoContentPrefix;
    }

    /** What the render wrote, for the console summary. */
    public record Rendered(int pages, int sections, int redirects, List<Finding> findings) {
        public Rendered {
            findings = List.copyOf(findings);
        }
    }

    /** Where the health section is, for the link in every page's footer; null when there is none. */
    private volatile String healthRoute;
    /** Where the search page and its data are; null when there is none. */
    private volatile Search search;
    /** The tags of the pages being written, for the tag pages and the footer's link to them. */
    private volatile List<TagPages.Tag> tags = List.of();

    /** A file to write: a path in the site and its bytes, or the template and values that make them. */
    private record Out(String path, byte[] bytes, View view) {
        Out(String path, View view) {
            this(path, null, view);
        }
    }

    /** A template and the values it is rendered with. */
    private record View(String template, Map<String, Object> values) {
    }

    /** What the last build rendered, to take unchanged files from; null to render everything. */
    private volatile RenderedKept kept;

    /**
     * Takes every file whose template and values are those of the last build from its output
     * folder {@code previous} instead of rendering it again, as {@code keep} (in the cache folder)
     * records them; call {@link #keepRendered} once the new site is in place.
     */
    public void reuseFrom(Path keep, Path previous) throws IOException {
        this.kept = RenderedKept.open(keep, previous, theme.stamp());
    }

    /** Records, for the next build, what the site now at {@code out} was rendered from. */
    public void keepRendered(Path out) {
        RenderedKept k = kept;
        if (k != null) k.save(out);
    }

    /** How many files the last render took from the last build. */
    public int reusedFiles() {
        RenderedKept k = kept;
        return k == null ? 0 : k.reused();
    }

    public Rendered render(List<Page> allPages, Map<String, Freshness> freshness, Instant now,
                           List<SiteFile> contentFiles, Path out, int threads) throws IOException {
        return render(allPages, freshness, now, contentFiles, out, threads, null);
    }

    public Rendered render(List<Page> allPages, Map<String, Freshness> freshness, Instant now,
                           List<SiteFile> contentFiles, Path out, int threads, HealthView health) throws IOException {
        return render(allPages, freshness, now, contentFiles, out, threads, health, null);
    }

    /**
     * Where the site's search lives: its page ({@code route}, e.g. {@code search/}) and its data
     * (the exported index in {@code route + "data/"}), and the data's version, which every shard
     * URL carries so a browser never mixes two builds.
     */
    public record Search(String route, String version) {
        public String dataRoute() {
            return route + "data/";
        }
    }

    /**
     * @param health the health section to write, and the badge of each page; null for none
     * @param search the search page and box; null for none
     */
    public Rendered render(List<Page> allPages, Map<String, Freshness> freshness, Instant now,
                           List<SiteFile> contentFiles, Path out, int threads, HealthView health, Search search)
            throws IOException {
        Layout layout = layout(allPages, health, search);
        List<Page> pages = layout.pages();
        NavTree nav = layout.nav();
        boolean anyMermaid = pages.stream().anyMatch(Page::usesMermaid);
        boolean anyCode = pages.stream().anyMatch(p -> !p.codeLanguages().isEmpty());
        boolean anyMath = pages.stream().anyMatch(Page::usesMath);

        List<Callable<Out>> jobs = new ArrayList<>();
        for (Page p : pages) jobs.add(pageJob(p, freshness, now, layout, health));
        List<NavTree.Node> sections = nav.sectionsWithoutPage();
        for (NavTree.Node s : sections) {
            jobs.add(() -> new Out(s.route() + "index.html", renderSection(s, nav)));
        }
        List<Finding> findings = new ArrayList<>();
        int redirects = 0;
        java.util.Set<String> taken = new java.util.HashSet<>();
        pages.forEach(p -> taken.add(p.route()));
        sections.forEach(s -> taken.add(s.route()));
        List<TagPages.Tag> tagList = tags;
        if (!tagList.isEmpty()) {
            taken.add(tagsRoute);
            jobs.add(() -> new Out(tagsRoute + "index.html", renderTags(tagList, null, nav)));
            for (TagPages.Tag t : tagList) {
                taken.add(tagsRoute + t.slug() + "/");
                jobs.add(() -> new Out(tagsRoute + t.slug() + "/index.html", renderTags(tagList, t, nav)));
            }
            if (!tagsRoute.equals(TagPages.ROUTE)) {
                java.util.stream.Stream.concat(
                                pages.stream().filter(p -> TagPages.inTagsFolder(p.route())).map(Page::path),
                                contentFiles.stream().map(SiteFile::path).filter(TagPages::inTagsFolder))
                        .findFirst().ifPresent(file -> findings.add(TagPages.clash(file, tagsRoute)));
            }
        }
        for (Page p : pages) {
            for (String alias : p.frontMatter().aliases()) {
                String route = aliasRoute(alias);
                if (route == null || taken.contains(route)) {
                    findings.add(new Finding("alias-conflict", Severity.WARNING, SourceRef.file(p.path()),
                            "alias '" + alias + "' " + (route == null ? "is not a path inside the site"
                                    : "is already the URL of another page") + ", so no redirect is written for it",
                            "remove the alias, or move the page that has that URL"));
                    continue;
                }
                taken.add(route);
                redirects++;
                jobs.add(() -> new Out(route + "index.html", renderRedirect(route, p)));
            }
        }
        jobs.add(() -> new Out("404.html", render404(nav)));
        if (health != null) {
            jobs.add(() -> new Out(health.route() + "index.html", renderHealth(health, nav)));
            jobs.add(() -> new Out(health.route() + "pages/index.html", renderHealthPages(health, nav)));
        }
        if (search != null) {
            jobs.add(() -> new Out(search.route() + "index.html", renderSearch(search, nav)));
        }
        if (Sitemap.possible(config)) {
            jobs.add(() -> new Out("sitemap.xml", bytes(Sitemap.render(config, pages)), null));
        } else {
            LOG.info("no sitemap.xml: a sitemap lists absolute URLs, so it needs base_url with a scheme and host");
        }

        runAll(jobs, out, threads, kept);
        for (Map.Entry<String, byte[]> a : theme.assets().entrySet()) {
            write(out, ASSET_DIR + a.getKey(), a.getValue());
        }
        if (anyMermaid) write(out, ASSET_DIR + "mermaid.min.js", webJar("mermaid", "mermaid.version", "dist/mermaid.min.js"));
        if (anyMath) {
            for (Map.Entry<String, byte[]> f : MathAssets.files().entrySet()) {
                write(out, ASSET_DIR + MathAssets.DIR + f.getKey(), f.getValue());
            }
        }
        if (anyCode) {
            write(out, ASSET_DIR + "highlight/highlight.min.js", webJar("highlightjs", "highlightjs.version", "highlight.min.js"));
            write(out, ASSET_DIR + "highlight/github.min.css", webJar("highlightjs", "highlightjs.version", "styles/github.min.css"));
            write(out, ASSET_DIR + "highlight/github-dark.min.css", webJar("highlightjs", "highlightjs.version", "styles/github-dark.min.css"));
        }
        for (SiteFile f : contentFiles) {
            Path target = out.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.copy(f.source(), target);
        }
        return new Rendered(pages.size(), sections.size(), redirects, findings);
    }

    /** The pages a render writes, their navigation and reading order (for previous and next). */
    private record Layout(List<Page> pages, NavTree nav, List<Page> order, Map<String, Integer> position) {
    }

    private Layout layout(List<Page> allPages, HealthView health, Search search) {
        this.healthRoute = health == null ? null : health.route();
        this.search = search;
        List<Page> pages = allPages.stream().filter(p -> config.drafts() || !p.frontMatter().draft()).toList();
        NavTree nav = new NavTree(pages, config.navList());
        List<Page> order = nav.readingOrder();
        this.tags = TagPages.collect(pages);
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) position.put(order.get(i).route(), i);
        return new Layout(pages, nav, order, position);
    }

    private Callable<Out> pageJob(Page p, Map<String, Freshness> freshness, Instant now, Layout layout,
                                  HealthView health) {
        return () -> new Out(p.route() + "index.html", renderPage(p, freshness.get(p.path()), now, layout.nav(),
                layout.order(), layout.position(), health));
    }

    /**
     * Writes again only the pages {@code which} selects, into a site {@link #render} wrote before
     * (serve does this when a page changed but not the navigation); everything else stays as it is.
     *
     * @return how many pages were written
     */
    public int renderPages(List<Page> allPages, java.util.function.Predicate<Page> which,
                           Map<String, Freshness> freshness, Instant now, Path out, int threads, HealthView health,
                           Search search) throws IOException {
        Layout layout = layout(allPages, health, search);
        List<Callable<Out>> jobs = new ArrayList<>();
        for (Page p : layout.pages()) {
            if (which.test(p)) jobs.add(pageJob(p, freshness, now, layout, health));
        }
        // in place, into the site being served: nothing to take from elsewhere
        runAll(jobs, out, threads, null);
        return jobs.size();
    }

    /**
     * A content file copied to the site as it is.
     *
     * @param path   its path in the site (same as in the content)
     * @param source where it is read from
     */
    public record SiteFile(String path, Path source) {
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void runAll(List<Callable<Out>> jobs, Path out, int threads, RenderedKept from) throws IOException {
        Parallel.map(jobs, threads, "render", job -> {
            Out o;
            try {
                o = job.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            if (o.view() == null) {
                write(out, o.path(), o.bytes());
                return o.path();
            }
            String key = from == null ? null : RenderedKept.key(o.view().template(), o.view().values());
            if (from != null && from.reuse(o.path(), key, out)) return o.path();
            RenderedKept.resolve(o.view().values());
            write(out, o.path(), bytes(theme.render(o.view().template(), o.view().values())));
            if (from != null) from.rendered(o.path(), key);
            return o.path();
        });
    }

    private static void write(Path root, String path, byte[] bytes) throws IOException {
        OutputFolder.write(root.resolve(path), bytes);
    }

    private Map<String, Object> base(String route, String root) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("name", config.siteName());
        site.put("description", config.siteDescription());
        site.put("language", config.language());
        site.put("baseUrl", config.baseUrl());
        site.put("repoUrl", config.repoUrl());
        ctx.put("site", site);
        ctx.put("root", root);
        ctx.put("assets", root + ASSET_DIR);
        ctx.put("generator", generator);
        ctx.put("canonical", config.origin().isEmpty() ? "" : config.origin() + config.basePath() + Routes.encodePath(route));
        // a link preview's address: only a full https one (chat and social sites fetch no other)
        ctx.put("ogUrl", config.origin().startsWith("https://") ? ctx.get("canonical") : "");
        ctx.put("mermaid", false);
        ctx.put("highlight", false);
        ctx.put("healthHref", healthRoute == null ? "" : root + Routes.encodePath(healthRoute));
        ctx.put("tagsHref", tags.isEmpty() ? "" : root + Routes.encodePath(tagsRoute));
        ctx.put("tabs", false);
        ctx.put("math", false);
        Search s = search;
        if (s != null) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("href", root + Routes.encodePath(s.route()));
            sm.put("data", root + Routes.encodePath(s.dataRoute()));
            sm.put("version", s.version());
            ctx.put("search", sm);
        }
        return ctx;
    }

    private static final java.util.regex.Pattern SCROLLABLE =
            java.util.regex.Pattern.compile("<(pre|table)(?![^>]*\\btabindex=)(\\s[^>]*)?>");
    private static final java.util.regex.Pattern TASK_BOX =
            java.util.regex.Pattern.compile("<input type=\"checkbox\" class=\"task-list-item-checkbox\"([^>]*)/>");

    /**
     * Accessibility the Markdown alone does not give: code blocks and tables scroll sideways when
     * wide, and a keyboard user can only scroll what can take focus (axe's
     * scrollable-region-focusable); a task list's checkbox needs a name (axe's label).
     */
    static String accessible(String html) {
        String out = SCROLLABLE.matcher(html).replaceAll(m -> "<" + m.group(1) + " tabindex=\"0\""
                + java.util.regex.Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)) + ">");
        return TASK_BOX.matcher(out).replaceAll(m -> "<input type=\"checkbox\" class=\"task-list-item-checkbox\""
                + " aria-label=\"" + (m.group(1).contains("checked") ? "done" : "to do") + "\""
                + java.util.regex.Matcher.quoteReplacement(m.group(1)) + "/>");
    }

    private View renderHealth(HealthView health, NavTree nav) {
        String route = health.route();
        Map<String, Object> ctx = base(route, Routes.rootPrefix(route));
        ctx.put("title", "Docs health - " + config.siteName());
        ctx.put("ogTitle", "Docs health");
        ctx.put("description", "How well these docs support asynchronous work: scores, evidence and the fixes that would help most.");
        ctx.put("health", health.overview());
        ctx.put("nav", Sidebar.forPage(nav, route, config.navMaxSiblings()));
        ctx.put("breadcrumbs", List.of());
        return new View("health.peb", ctx);
    }

    private View renderHealthPages(HealthView health, NavTree nav) {
        String route = health.route() + "pages/";
        Map<String, Object> ctx = base(route, Routes.rootPrefix(route));
        ctx.put("title", "Health of every page - " + config.siteName());
        ctx.put("ogTitle", "Health of every page");
        ctx.put("description", "");
        ctx.put("rows", health.rows());
        ctx.put("nav", Sidebar.forPage(nav, route, config.navMaxSiblings()));
        return new View("health-pages.peb", ctx);
    }

    private View renderSearch(Search s, NavTree nav) {
        String route = s.route();
        Map<String, Object> ctx = base(route, Routes.rootPrefix(route));
        ctx.put("title", "Search - " + config.siteName());
        ctx.put("ogTitle", "Search");
        ctx.put("description", "Search " + config.siteName() + ".");
        ctx.put("contents", contents(nav.root(), route));
        // the page's own search form takes the place of the header's box
        ctx.put("searchPage", true);
        ctx.put("nav", Sidebar.forPage(nav, route, config.navMaxSiblings()));
        return new View("search.peb", ctx);
    }

    /** Every page and section under a node, nested, for the search page's table of contents. */
    private static List<Map<String, Object>> contents(NavTree.Node node, String from) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NavTree.Node c : node.children()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", c.title());
            e.put("href", c.href(from));
            e.put("children", contents(c, from));
            out.add(e);
        }
        return out;
    }

    private View renderPage(Page p, Freshness fresh, Instant now, NavTree nav, List<Page> order,
                              Map<String, Integer> position, HealthView health) {
        String root = Routes.rootPrefix(p.route());
        Map<String, Object> ctx = base(p.route(), root);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", p.title());
        page.put("description", p.frontMatter().description());
        page.put("body", new RenderedKept.Later(p.html(), () -> HeadingLinks.add(accessible(p.html()))));
        page.put("route", p.route());
        page.put("path", p.path());
        page.put("showTitle", !p.bodyHasH1());
        page.put("isHome", p.route().isEmpty());
        page.put("tags", p.frontMatter().tags());
        List<Map<String, Object>> tagLinks = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String t : p.frontMatter().tags()) {
            String slug = TagPages.slug(t);
            if (shown.contains(slug)) continue;
            shown.add(slug);
            tagLinks.add(Map.of("name", t.strip(),
                    "href", Routes.encodePath(Routes.relative(p.route(), tagsRoute + slug + "/"))));
        }
        page.put("tagLinks", tagLinks);
        page.put("owner", p.frontMatter().owner());
        page.put("words", p.words());
        page.put("editUrl", config.repoUrl().isBlank() ? ""
                : stripSlash(config.repoUrl()) + "/edit/" + config.editBranch() + "/" + repoContentPrefix + p.path());
        ctx.put("page", page);
        ctx.put("title", p.route().isEmpty() ? config.siteName() : p.title() + " - " + config.siteName());
        // what PageDescription.of reads
        ctx.put("description", new RenderedKept.Later(
                List.of(p.frontMatter().description(), p.route().isEmpty(), config.siteDescription(), p.html()),
                () -> PageDescription.of(p, config.siteDescription())));
        ctx.put("ogTitle", p.route().isEmpty() ? config.siteName() : p.title());
        ctx.put("ogType", p.route().isEmpty() ? "website" : "article");
        List<Map<String, Object>> toc = new ArrayList<>();
        for (Heading h : p.headings()) {
            if (h.level() == 2 || h.level() == 3) {
                toc.add(Map.of("level", h.level(), "text", h.text(), "id", h.id()));
            }
        }
        ctx.put("toc", toc);
        ctx.put("nav", Sidebar.forPage(nav, p.route(), config.navMaxSiblings()));
        ctx.put("breadcrumbs", breadcrumbs(nav, p.route()));
        Integer at = position.get(p.route());
        if (at != null && at > 0) ctx.put("prev", link(p.route(), order.get(at - 1)));
        if (at != null && at < order.size() - 1) ctx.put("next", link(p.route(), order.get(at + 1)));
        ctx.put("mermaid", p.usesMermaid());
        ctx.put("tabs", p.usesTabs());
        ctx.put("math", p.usesMath());
        ctx.put("highlight", !p.codeLanguages().isEmpty());
        if (fresh != null) ctx.put("freshness", freshnessView(fresh, now));
        HealthView.PageHealth ph = health == null ? null : health.page(p.path());
        if (ph != null) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("score", ph.score());
            hm.put("grade", HealthView.grade(ph.score()));
            hm.put("href", Routes.encodePath(Routes.relative(p.route(), health.route() + "pages/")) + "#"
                    + HealthView.rowId(p.path()));
            ctx.put("health", hm);
        }
        return new View("page.peb", ctx);
    }

    private View renderSection(NavTree.Node s, NavTree nav) {
        String root = Routes.rootPrefix(s.route());
        Map<String, Object> ctx = base(s.route(), root);
        ctx.put("title", s.title() + " - " + config.siteName());
        ctx.put("ogTitle", s.title());
        ctx.put("description", "");
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("title", s.title());
        section.put("route", s.route());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (NavTree.Node c : s.children()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", c.title());
            e.put("href", c.href(s.route()));
            e.put("section", c.section());
            e.put("description", c.page().map(pg -> pg.frontMatter().description()).orElse(""));
            entries.add(e);
        }
        section.put("entries", entries);
        ctx.put("section", section);
        ctx.put("nav", Sidebar.forPage(nav, s.route(), config.navMaxSiblings()));
        ctx.put("breadcrumbs", breadcrumbs(nav, s.route()));
        return new View("section.peb", ctx);
    }

    /** The tags index ({@code tag} null) or one tag's page: its pages, each with its description. */
    private View renderTags(List<TagPages.Tag> all, TagPages.Tag tag, NavTree nav) {
        String route = tag == null ? tagsRoute : tagsRoute + tag.slug() + "/";
        Map<String, Object> ctx = base(route, Routes.rootPrefix(route));
        String heading = tag == null ? "Tags" : "Tag: " + tag.name();
        ctx.put("title", heading + " - " + config.siteName());
        ctx.put("description", tag == null ? "Every tag of " + config.siteName() + " and its pages."
                : "Pages tagged " + tag.name() + ".");
        ctx.put("heading", heading);
        List<Map<String, Object>> list = new ArrayList<>();
        for (TagPages.Tag t : tag == null ? all : List.of(tag)) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.name());
            tm.put("slug", t.slug());
            tm.put("href", Routes.encodePath(Routes.relative(route, tagsRoute + t.slug() + "/")));
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Page p : t.pages()) {
                entries.add(Map.of("title", p.title(), "description", p.frontMatter().description(),
                        "href", Routes.encodePath(Routes.relative(route, p.route()))));
            }
            tm.put("pages", entries);
            list.add(tm);
        }
        ctx.put("tagList", list);
        ctx.put("single", tag != null);
        List<Map<String, Object>> crumbs = new ArrayList<>();
        crumbs.add(Map.of("title", "Home", "href", Routes.encodePath(Routes.relative(route, ""))));
        if (tag != null) crumbs.add(Map.of("title", "Tags", "href", Routes.encodePath(Routes.relative(route, tagsRoute))));
        ctx.put("breadcrumbs", crumbs);
        ctx.put("nav", Sidebar.forPage(nav, route, config.navMaxSiblings()));
        return new View("tags.peb", ctx);
    }

    private View render404(NavTree nav) throws IOException {
        // Served for any missing path, so its links are absolute (from the base path).
        String root = config.basePath();
        Map<String, Object> ctx = base("404.html", root);
        ctx.put("canonical", "");
        ctx.put("ogUrl", "");
        ctx.put("title", "Page not found - " + config.siteName());
        ctx.put("ogTitle", "Page not found");
        ctx.put("description", "");
        List<Map<String, Object>> sections = new ArrayList<>();
        for (NavTree.Node c : nav.root().children()) {
            sections.add(Map.of("title", c.title(), "href", c.link().isEmpty() ? root + Routes.encodePath(c.route()) : c.link()));
        }
        ctx.put("sections", sections);
        // Its own address tells nothing about where the site's root is (from disk, under a
        // sub-path without base_url), so it carries its style inside and has no navigation drawer.
        ctx.put("noNav", true);
        ctx.put("inlineStyle", new String(theme.assets().get("style.css"), StandardCharsets.UTF_8));
        return new View("404.peb", ctx);
    }

    private View renderRedirect(String route, Page target) {
        Map<String, Object> ctx = base(route, Routes.rootPrefix(route));
        ctx.put("title", target.title() + " - " + config.siteName());
        ctx.put("target", Routes.encodePath(Routes.relative(route, target.route())));
        ctx.put("canonical", config.origin().isEmpty() ? "" : config.origin() + config.basePath() + Routes.encodePath(target.route()));
        return new View("redirect.peb", ctx);
    }

    private static Map<String, Object> freshnessView(Freshness f, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("known", f.lastUpdated().isPresent());
        f.lastUpdated().ifPresent(t -> {
            m.put("datetime", java.time.format.DateTimeFormatter.ISO_INSTANT.format(t));
            m.put("date", java.time.LocalDate.ofInstant(t, java.time.ZoneOffset.UTC).toString());
            m.put("ago", ago(java.time.Duration.between(t, now).toDays()));
        });
        m.put("author", f.lastAuthor());
        m.put("owner", f.owner());
        m.put("stale", f.stale());
        m.put("type", f.type());
        m.put("ageDays", f.ageDays().orElse(-1L));
        m.put("budgetDays", f.budgetDays().orElse(-1));
        m.put("reviewBy", f.reviewBy());
        m.put("uncommitted", f.dateSource().equals("uncommitted"));
        m.put("fileTime", f.dateSource().equals("file-time"));
        return m;
    }

    /** "today", "3 days ago", "4 months ago": how long ago, as a reader would say it. */
    static String ago(long days) {
        if (days <= 0) return "today";
        if (days == 1) return "yesterday";
        if (days < 14) return days + " days ago";
        if (days < 60) return (days / 7) + " weeks ago";
        if (days < 730) return (days / 30) + " months ago";
        return (days / 365) + " years ago";
    }

    private static Map<String, Object> link(String from, Page to) {
        return Map.of("title", to.title(), "href", Routes.encodePath(Routes.relative(from, to.route())));
    }

    private static List<Map<String, Object>> breadcrumbs(NavTree nav, String route) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NavTree.Node n : nav.ancestors(route)) {
            out.add(Map.of("title", n.route().isEmpty() ? "Home" : n.title(),
                    "href", Routes.encodePath(Routes.relative(route, n.route()))));
        }
        return out;
    }

    /** The route an alias redirects from, or null when it leaves the site. */
    static String aliasRoute(String alias) {
        String a = alias.strip().replace('\\', '/');
        while (a.startsWith("/")) a = a.substring(1);
        // a URL (javascript:, https:) is not a path of the site
        if (a.isEmpty() || a.contains("..") || a.contains("?") || a.contains("#") || a.contains(":")) return null;
        if (a.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) return Routes.routeFor(a);
        if (a.toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            a = a.substring(0, a.length() - 5);
            if (a.endsWith("/index")) a = a.substring(0, a.length() - 5);
        }
        return a.endsWith("/") ? a : a + "/";
    }

    /** A file of a bundled WebJar, read from the jar. */
    static byte[] webJar(String name, String versionKey, String file) throws IOException {
        String res = "META-INF/resources/webjars/" + name + "/" + Versions.get(versionKey) + "/" + file;
        try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) throw new IOException(name + " is missing from the jar (" + res + ")");
            return in.readAllBytes();
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
