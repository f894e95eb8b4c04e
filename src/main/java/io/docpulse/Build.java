package io.docpulse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import io.docpulse.config.ConfigLoader;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;
import io.docpulse.content.SourceFile;
import io.docpulse.history.Freshness;
import io.docpulse.history.FreshnessAnalyzer;
import io.docpulse.history.History;
import io.docpulse.history.HistoryReader;
import io.docpulse.index.Findability;
import io.docpulse.index.SearchIndex;
import io.docpulse.index.SiteSearch;
import io.docpulse.links.ExternalChecker;
import io.docpulse.links.LinkChecker;
import io.docpulse.links.LinkReport;
import io.docpulse.questions.Questions;
import io.docpulse.readiness.Readiness;
import io.docpulse.ci.CiReports;
import io.docpulse.ci.Gate;
import io.docpulse.render.HealthView;
import io.docpulse.render.OutputFolder;
import io.docpulse.render.ReportJson;
import io.docpulse.render.SiteRenderer;
import io.docpulse.render.TagPages;
import io.docpulse.render.Versions;

/** Wires the stages together: discover, parse, render. One line per stage. */
public final class Build {
    private static final Logger LOG = LoggerFactory.getLogger(Build.class);

    /**
     * What to build.
     *
     * @param content the content root
     * @param out     the output folder
     * @param config  the settings (config file plus flags)
     * @param threads how many threads parse and render
     * @param now     the build's "now" ({@code SOURCE_DATE_EPOCH} when set)
     */
    public record Options(Path content, Path out, Config config, int threads, Instant now, GateRun gate) {
        public Options(Path content, Path out, Config config, int threads, Instant now) {
            this(content, out, config, threads, now, GateRun.BUILD);
        }
    }

    /**
     * How the thresholds apply to this run (besides the {@code gate:} config).
     *
     * @param errorsFail errors fail the run when no max_errors is set ({@code check} does this)
     * @param strict     warnings fail too
     * @param onlyNew    with a baseline, count only new findings
     * @param baseline   an earlier run's report.json, or null
     */
    public record GateRun(boolean errorsFail, boolean strict, boolean onlyNew, Gate.Baseline baseline) {
        public static final GateRun BUILD = new GateRun(false, false, false, null);
    }

    /**
     * What a build did.
     *
     * @param pages    pages written (drafts left out unless asked for)
     * @param sources  Markdown files found
     * @param findings every finding, in report order
     * @param output   the output folder
     * @param elapsed  wall time of the build
     */
    public record Result(int pages, int sources, List<Finding> findings, Path output, Duration elapsed,
                         Readiness.Result readiness, Gate.Outcome gate) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    private Build() {
    }

    public static String generator() {
        return "docpulse " + Versions.docpulse();
    }

    /**
     * What the analyses found, before anything is written.
     *
     * @param content  what was discovered
     * @param routes   the URL layout
     * @param pages    the parsed pages
     * @param links    the link graph and link findings
     * @param freshness per page, its freshness and owner
     * @param findability per page and for the site, how findable it is
     * @param readiness the async-readiness report
     * @param findings every finding, in report order
     * @param repoPrefix the content folder's path inside its repository
     */
    public record Analysis(ContentSet content, Routes routes, List<Page> pages, LinkReport links,
                           Map<String, Freshness> freshness, Findability.Result findability,
                           Readiness.Result readiness, List<Finding> findings, String repoPrefix) {
        public Analysis {
            pages = List.copyOf(pages);
            findings = List.copyOf(findings);
        }
    }

    /** Discover, parse and analyse, without writing anything. */
    public static Analysis analyze(Path contentDir, Config config, int threads, Instant now)
            throws IOException, ConfigException {
        return analyzeParts(contentDir, config, threads, now, false).analysis();
    }

    /**
     * An analysis, the parts of it that serve updates on its own when one page changes, and the
     * site's search data when asked for (exported while the index is open anyway).
     */
    record Parts(Analysis analysis, ParsedContent parsed, List<Finding> siteFindings, SiteSearch.Export search) {
    }

    static Parts analyzeParts(Path contentDir, Config config, int threads, Instant now, boolean exportSearch)
            throws IOException, ConfigException {
        long start = System.nanoTime();
        requireContent(contentDir);
        io.docpulse.index.Vectors vectors = vectors(config, threads);
        ContentSet content = scan(contentDir, config);
        io.docpulse.content.NavTargets.require(config.navList(), config.file().orElse(null), content);
        LOG.debug("discover: {} pages, {} assets ({} ms)", content.pages().size(), content.assets().size(), ms(start));
        String repoPrefix = repoContentPrefix(content.root());
        String repoUrl = repoUrl(content.root(), config);
        Routes routes = new Routes(content, config.basePath(), repoUrl, repoPrefix);
        ParsedContent parsed = new ContentParser(routes).parse(content, threads,
                Path.of(config.cacheDir()).resolve("parsed.bin"),
                config.basePath() + "\n" + repoUrl + "\n" + repoPrefix);
        LOG.debug("parse: {} pages ({} ms)", parsed.pages().size(), ms(start));
        Local local = local(content, routes, parsed, config, threads, now, start);
        List<Finding> findings = new ArrayList<>(local.findings());

        Findability.Result findability;
        Readiness.Result readiness;
        SiteSearch.Export export = null;
        try (SearchIndex index = openIndex(content, parsed.pages(), config, threads, vectors)) {
            LOG.debug("index: {} documents, {} ({} ms)", index.documents(), index.reused() ? "reused" : "built", ms(start));
            index.scoreFromPostings();
            findability = Findability.analyze(parsed.pages(), index, local.links(), config.maxClickDepth(), threads,
                    Path.of(config.cacheDir()).resolve("known-items.bin"), config::nearDuplicateExpected);
            LOG.debug("findability: site score {}, {} known-item searches ({} ms)", findability.siteScore(),
                    findability.searches(), ms(start));
            Map<String, Path> sources = new HashMap<>();
            content.pages().forEach(f -> sources.put(f.path(), f.absolute()));
            Questions.Result questions = Questions.analyze(Questions.read(content.root(), config, parsed.pages()), index);
            LOG.debug("questions: {} asked, {} unanswered ({} ms)", questions.asked().size(),
                    questions.count(Questions.Outcome.UNANSWERED), ms(start));
            readiness = Readiness.analyze(parsed.pages(), sources, local.freshness().pages(), findability, findings,
                    index, config.readiness(), threads, questions, Path.of(config.cacheDir()).resolve("readiness.bin"));
            LOG.debug("readiness: {} ({}) ({} ms)", readiness.overall(), readiness.verdict(), ms(start));
            if (exportSearch) {
                export = SiteSearch.export(Path.of(config.cacheDir()).resolve("search-export"), index,
                        parsed.pages(), config.basePath(), threads);
                LOG.debug("search export: {} words, {} unseen forms, {} documents, {} files, {} bytes ({} ms)",
                        export.words(), export.forms(), export.documents(), export.names().size(), export.bytes(),
                        ms(start));
            }
            if (vectors != null) {
                vectors.save();
                LOG.debug("vectors: {} texts embedded, the rest from the cache ({} ms)", vectors.embedded(), ms(start));
            }
        }
        List<Finding> site = new ArrayList<>(findability.findings());
        site.addAll(readiness.questions().findings());
        site.addAll(readiness.findings());
        findings.addAll(site);
        findings.sort(Finding.ORDER);
        return new Parts(new Analysis(content, routes, parsed.pages(), local.links(), local.freshness().pages(),
                findability, readiness, findings, repoPrefix), parsed, site, export);
    }

    /**
     * What the analyses that read each page on its own, or the link graph, found: everything but
     * the index, findability and readiness, which look at the whole site at once.
     */
    record Local(LinkReport links, FreshnessAnalyzer.Result freshness, List<Finding> findings) {
    }

    static Local local(ContentSet content, Routes routes, ParsedContent parsed, Config config, int threads,
                               Instant now, long start) throws IOException {
        List<Pattern> ignore = config.links().ignore().stream().map(Pattern::compile).toList();
        LinkReport links = new LinkChecker(routes, ignore, config.drafts(), config.navList()).check(parsed.pages(), threads);
        LOG.debug("links: {} internal links resolved ({} ms)", links.checked(), ms(start));

        History history = HistoryReader.read(content.root(), content.pages(), now);
        FreshnessAnalyzer.Result freshness = new FreshnessAnalyzer(config.freshness(), now).analyze(parsed.pages(), history);
        LOG.debug("history: {} pages ({} ms)", history.pages().size(), ms(start));

        List<Finding> findings = new ArrayList<>(content.findings());
        findings.addAll(routes.findings());
        findings.addAll(parsed.findings());
        findings.addAll(links.findings());
        findings.addAll(freshness.findings());
        if (config.links().checkExternal()) {
            findings.addAll(new ExternalChecker(config.links(), Path.of(config.cacheDir()), Clock.systemUTC())
                    .check(links.external(), System.err));
            LOG.debug("external links: {} ({} ms)", links.external().size(), ms(start));
        }
        return new Local(links, freshness, findings);
    }

    /** The Lucene index of these pages, from the cache when it was built from exactly them. */
    private static SearchIndex openIndex(ContentSet content, List<Page> pages, Config config, int threads,
                                         io.docpulse.index.Vectors vectors) throws IOException {
        return SearchIndex.openOrBuild(Path.of(config.cacheDir()).resolve("index"), pages, config.basePath(),
                p -> config.basePath() + Routes.encodePath(p.route()), SearchIndex.stamp(content, config.basePath()),
                threads, vectors);
    }

    /**
     * The section and query vectors when {@code search.vectors} is on (else null), with the model
     * of {@code docpulse-vectors.jar}: on the class path, at {@code DOCPULSE_VECTORS_JAR} (or the
     * system property {@code docpulse.vectors.jar}), else next to docpulse.jar. The model itself
     * is loaded only when a text must be embedded.
     *
     * @throws ConfigException when the option is on and the jar is not there
     */
    public static io.docpulse.index.Vectors vectors(Config config, int threads) throws ConfigException {
        if (!config.search().vectors()) return null;
        String given = System.getProperty("docpulse.vectors.jar", System.getenv("DOCPULSE_VECTORS_JAR"));
        Path jar = given == null || given.isBlank() ? io.docpulse.index.Vectors.besideDocpulse() : Path.of(given);
        var embedder = io.docpulse.index.Vectors.find(jar);
        if (embedder.isEmpty()) {
            throw new ConfigException(config.file().orElse(null), config.search().vectorsLine(),
                    "search.vectors is on, but " + io.docpulse.index.Vectors.JAR + " was not found"
                            + (jar == null ? "" : " at " + jar),
                    "put docpulse-vectors.jar of the same docpulse version next to docpulse.jar (from source,"
                            + " `mvn -B -q package -DskipTests` writes both to target/), or set DOCPULSE_VECTORS_JAR"
                            + " to its path; or set search.vectors: false");
        }
        return new io.docpulse.index.Vectors(embedder.get(), Path.of(config.cacheDir()), threads,
                config.search().lexicalWeight());
    }

    public static Result run(Options o) throws IOException, ConfigException, OutputFolder.RefusedException {
        return run(o, null);
    }

    /**
     * Builds the site; with {@code keep}, hands over what {@link Rebuild} needs to update the site
     * in place when pages change (serve).
     */
    public static Result run(Options o, java.util.function.Consumer<Rebuild> keep)
            throws IOException, ConfigException, OutputFolder.RefusedException {
        long start = System.nanoTime();
        Config config = o.config();
        Optional<Path> themeDir = themeDir(o.content(), config);
        requireContent(o.content());
        OutputFolder output = OutputFolder.check(o.content(), o.out(), Path.of(config.cacheDir()));
        Parts parts = analyzeParts(o.content(), config, o.threads(), o.now(), true);
        Analysis a = parts.analysis();

        Path staging = output.stage();
        try {
            List<String> contentPaths = new ArrayList<>();
            a.pages().forEach(p -> contentPaths.add(p.route()));
            a.content().assets().forEach(f -> contentPaths.add(f.path()));
            SiteRenderer renderer = new SiteRenderer(config, themeDir, generator(), a.repoPrefix(),
                    TagPages.route(contentPaths));
            renderer.reuseFrom(Path.of(config.cacheDir()).resolve("rendered.bin"), output.path());
            List<SiteRenderer.SiteFile> files = new ArrayList<>();
            for (SourceFile f : a.content().assets()) files.add(new SiteRenderer.SiteFile(f.path(), f.absolute()));
            // files in hidden folders (.gitbook/assets/) that pages link to
            for (SourceFile f : a.content().hidden()) {
                if (a.links().hidden().contains(f.path())) files.add(new SiteRenderer.SiteFile(f.path(), f.absolute()));
            }
            HealthView health = new HealthView(healthRoute(a), a.pages(), a.freshness(), a.findability(), a.readiness(),
                    a.findings());
            SiteSearch.Export export = parts.search();
            SiteRenderer.Search search = new SiteRenderer.Search(freeRoute(a, "search/", "docpulse-search/"),
                    export.version());
            SiteRenderer.Rendered rendered = renderer.render(a.pages(), a.freshness(), o.now(), files, staging, o.threads(),
                    health, search);
            io.docpulse.util.Progress.stage("finish", 0);
            export.copyTo(staging.resolve(search.dataRoute()));
            List<Finding> findings = new ArrayList<>(a.findings());
            findings.addAll(rendered.findings());
            findings.sort(Finding.ORDER);
            Gate.Outcome gate = Gate.evaluate(config.gate(), o.gate().errorsFail(), o.gate().strict(),
                    o.gate().onlyNew(), findings, a.readiness(), o.gate().baseline());
            writeReports(staging, config, o.now(), a, findings, gate);
            LOG.debug("render: {} pages, {} files as the last build wrote them ({} ms)", rendered.pages(),
                    renderer.reusedFiles(), ms(start));
            output.publish(staging);
            renderer.keepRendered(output.path());
            Result result = new Result(rendered.pages(), a.content().pages().size(), findings, output.path(),
                    Duration.ofNanos(System.nanoTime() - start), a.readiness(), gate);
            if (keep != null) {
                keep.accept(new Rebuild(o, parts, renderer, health, search, rendered.findings(), result));
            }
            return result;
        } catch (IOException | RuntimeException | Error e) {
            // an Error too (a template or a page nested too deep overflows the stack): serve goes on
            OutputFolder.discard(staging);
            throw e;
        }
    }

    /** {@code health/}, unless the content has a page or folder there: then {@code docpulse-health/}. */
    static String healthRoute(Analysis a) {
        return freeRoute(a, "health/", "docpulse-health/");
    }

    /** {@code route}, unless the content has a page or folder there: then {@code fallback}. */
    static String freeRoute(Analysis a, String route, String fallback) {
        boolean taken = a.pages().stream().anyMatch(p -> p.route().startsWith(route))
                || a.content().assets().stream().anyMatch(f -> f.path().startsWith(route));
        return taken ? fallback : route;
    }

    /** report.json, report.sarif and report.junit.xml into {@code dir}. */
    public static void writeReports(Path dir, Config config, Instant now, Analysis a, List<Finding> findings,
                                    Gate.Outcome gate) throws IOException {
        OutputFolder.write(dir.resolve("report.json"), ReportJson.render(config, generator(), now, a.pages(), a.links(),
                a.freshness(), a.findability(), a.readiness(), findings));
        OutputFolder.write(dir.resolve("report.sarif"), CiReports.sarif(Versions.docpulse(), findings, a.repoPrefix()));
        OutputFolder.write(dir.resolve("report.junit.xml"), CiReports.junit(findings, gate.checks()));
    }

    /** Stops with a usage error when the content folder is missing. */
    public static void requireContent(Path contentDir) throws ConfigException {
        if (!Files.isDirectory(contentDir)) {
            throw new ConfigException(null, 0, "the content folder " + contentDir + " does not exist",
                    "run docpulse from your project folder, or give --content DIR");
        }
    }

    /** Discover and parse only: what `docpulse search` needs to (re)build the index. */
    public static ParsedContent parse(Path contentDir, Config config, int threads) throws IOException, ConfigException {
        return parse(discover(contentDir, config), config, threads);
    }

    /** Finds the pages and assets under the content folder, without reading them. */
    public static ContentSet discover(Path contentDir, Config config) throws IOException, ConfigException {
        requireContent(contentDir);
        return scan(contentDir, config);
    }

    /** The content folder's files; the cache folder is never among them, even when it is inside. */
    private static ContentSet scan(Path contentDir, Config config) throws IOException {
        Set<String> notContent = new java.util.HashSet<>(Questions.FILE_NAMES);
        notContent.add(ConfigLoader.FILE_NAME);
        return new ContentScanner(notContent, Set.of(Path.of(config.cacheDir()))).scan(contentDir);
    }

    /** Parses the pages discovered by {@link #discover}. */
    public static ParsedContent parse(ContentSet content, Config config, int threads) throws IOException {
        Routes routes = new Routes(content, config.basePath(), repoUrl(content.root(), config),
                repoContentPrefix(content.root()));
        return new ContentParser(routes).parse(content, threads);
    }

    /** {@code repo_url} as configured, else the web address of the git remote {@code origin}, else empty. */
    static String repoUrl(Path contentRoot, Config config) {
        return config.repoUrl().isBlank() ? inferredRepoUrl(contentRoot, config).orElse("") : config.repoUrl();
    }

    /** The repository's web address read from git, when {@code repo_url} is not configured. */
    public static Optional<String> inferredRepoUrl(Path contentRoot, Config config) {
        return config.repoUrl().isBlank() ? io.docpulse.history.GitRemote.webUrl(contentRoot) : Optional.empty();
    }

    /**
     * The folder of the configured theme ({@code themes/NAME/} next to the content), empty for the
     * built-in default; a theme that is not there stops the run (check rejects it as build does).
     */
    public static Optional<Path> themeDir(Path content, Config config) throws ConfigException {
        Path parent = content.toAbsolutePath().normalize().getParent();
        Path dir = parent == null ? null : parent.resolve("themes").resolve(config.theme());
        if (dir != null && Files.isDirectory(dir)) return Optional.of(dir);
        if (config.theme().equals("default")) return Optional.empty();
        throw new ConfigException(config.file().orElse(null), 0, "theme '" + config.theme() + "' not found",
                "create " + (dir == null ? "themes/" + config.theme() : dir) + "/ next to the content folder, or use theme: default");
    }

    /** The content root's folder inside its git repository ({@code docs/}), or empty. */
    public static String repoContentPrefix(Path contentRoot) {
        for (Path p = contentRoot; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                String rel = p.relativize(contentRoot).toString().replace('\\', '/');
                return rel.isEmpty() ? "" : rel + "/";
            }
        }
        return "";
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
