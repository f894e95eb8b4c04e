package io.docpulse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.docpulse.content.ContentParser;
import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.SourceFile;
import io.docpulse.render.HealthView;
import io.docpulse.render.SiteRenderer;

/**
 * What {@code serve} keeps from its last build, to update the site in place when pages are edited
 * instead of building it all again.
 *
 * <p>An edit to existing pages is re-parsed alone; the link graph, link findings and freshness
 * are computed again for the whole site (they are fast); and only the edited pages are written
 * again, unless what the navigation shows of them changed (title, description, weight, draft,
 * aliases), in which case every page is. The Lucene index, findability, readiness, the health
 * section and the site's search data are those of the last full build until the next one, which
 * serve runs when the writer pauses. Anything else (a page added, removed or renamed, the theme,
 * the configuration) needs a full build.
 */
public final class Rebuild {
    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

    private final Build.Options options;
    private final SiteRenderer renderer;
    private final HealthView health;
    private final SiteRenderer.Search search;
    private final List<Finding> renderFindings;
    private final Build.Result full;
    private final Build.Analysis base;
    private final List<Finding> siteFindings;
    private final Map<String, SourceFile> sources = new HashMap<>();
    private final Set<String> assets = new HashSet<>();
    private List<Page> pages;
    private List<Finding> parseFindings;

    Rebuild(Build.Options options, Build.Parts parts, SiteRenderer renderer, HealthView health,
            SiteRenderer.Search search, List<Finding> renderFindings, Build.Result full) {
        this.options = options;
        this.renderer = renderer;
        this.health = health;
        this.search = search;
        this.renderFindings = List.copyOf(renderFindings);
        this.full = full;
        this.base = parts.analysis();
        this.siteFindings = List.copyOf(parts.siteFindings());
        this.pages = parts.parsed().pages();
        this.parseFindings = parts.parsed().findings();
        for (SourceFile f : base.content().pages()) sources.put(f.absolute().toAbsolutePath().normalize().toString(), f);
        for (SourceFile f : base.content().assets()) assets.add(f.absolute().toAbsolutePath().normalize().toString());
    }

    /**
     * Whether the last build read this file, as a page or as an asset. A file that is gone and was
     * not read is an editor's temporary file (sed -i, atomic saves): its events change nothing.
     */
    public boolean knows(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        return sources.containsKey(key) || assets.contains(key);
    }

    /**
     * Updates the site for edits to these files, when they are all pages the last build read.
     *
     * @return what the update did, or empty when the change needs a full build
     */
    public Optional<Build.Result> update(Set<Path> changed, Instant now) throws IOException {
        long start = System.nanoTime();
        Build.Options o = options;
        if (changed.isEmpty() || o.config().links().checkExternal()) return Optional.empty();
        List<SourceFile> files = new ArrayList<>();
        for (Path p : changed) {
            SourceFile f = sources.get(p.toAbsolutePath().normalize().toString());
            if (f == null || !Files.isRegularFile(p)) return Optional.empty();
            files.add(f);
        }
        ParsedContent fresh = new ContentParser(base.routes()).parse(files, o.threads());
        if (fresh.pages().size() != files.size()) return Optional.empty();
        Set<String> edited = new HashSet<>();
        files.forEach(f -> edited.add(f.path()));
        Map<String, Page> replaced = new HashMap<>();
        fresh.pages().forEach(p -> replaced.put(p.path(), p));

        boolean navChanged = false;
        boolean hadMermaid = pages.stream().anyMatch(Page::usesMermaid);
        boolean hadCode = pages.stream().anyMatch(p -> !p.codeLanguages().isEmpty());
        List<Page> next = new ArrayList<>(pages.size());
        for (Page p : pages) {
            Page n = replaced.getOrDefault(p.path(), p);
            if (n != p && !navKey(n).equals(navKey(p))) navChanged = true;
            next.add(n);
        }
        // a first diagram or code block needs scripts that only a full build writes
        if (!hadMermaid && next.stream().anyMatch(Page::usesMermaid)) return Optional.empty();
        if (!hadCode && next.stream().anyMatch(p -> !p.codeLanguages().isEmpty())) return Optional.empty();
        if (pages.stream().noneMatch(Page::usesMath) && next.stream().anyMatch(Page::usesMath)) return Optional.empty();

        List<Finding> parsed = new ArrayList<>();
        for (Finding f : parseFindings) if (!edited.contains(f.where().file())) parsed.add(f);
        parsed.addAll(fresh.findings());
        ParsedContent all = new ParsedContent(next, parsed);
        Build.Local local = Build.local(base.content(), base.routes(), all, o.config(), o.threads(), now, start);
        // a link to another file of a hidden folder: only a full build copies it
        if (!local.links().hidden().equals(base.links().hidden())) return Optional.empty();

        List<Finding> findings = new ArrayList<>(local.findings());
        findings.addAll(siteFindings);
        findings.addAll(renderFindings);
        findings.sort(Finding.ORDER);

        int written;
        if (navChanged) {
            written = renderer.render(next, local.freshness().pages(), now, List.of(), o.out(), o.threads(), health,
                    search).pages();
        } else {
            written = renderer.renderPages(next, p -> edited.contains(p.path()), local.freshness().pages(), now,
                    o.out(), o.threads(), health, search);
        }
        pages = next;
        parseFindings = parsed;
        LOG.debug("update: {} pages parsed, {} written ({} ms)", files.size(), written,
                (System.nanoTime() - start) / 1_000_000);
        return Optional.of(new Build.Result(written, full.sources(), findings, o.out(),
                Duration.ofNanos(System.nanoTime() - start), full.readiness(), full.gate()));
    }

    /** What the navigation, section pages and neighbours' links show of a page. */
    private static List<Object> navKey(Page p) {
        // tags too: the tag pages list the pages by their tags
        return List.of(p.title(), p.frontMatter().description(), p.frontMatter().draft(),
                Objects.toString(p.frontMatter().weight().orElse(null)), p.frontMatter().aliases(),
                p.frontMatter().tags());
    }
}
