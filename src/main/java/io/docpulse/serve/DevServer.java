package io.docpulse.serve;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.docpulse.Build;
import io.docpulse.Rebuild;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import io.docpulse.content.Finding;
import io.docpulse.content.Routes;
import io.docpulse.content.Severity;

/**
 * {@code docpulse serve}: builds the site into a temporary folder inside docpulse's cache (never
 * over site-output/), serves it on 127.0.0.1, watches the content, the theme and the config, and
 * rebuilds on a change. Saves that come in a burst (editors write a file several times) are
 * coalesced into one rebuild. Open pages reload through server-sent events; the reload script is
 * added to HTML as it is served, never written into a build. A failed rebuild, whatever it throws,
 * keeps the last good site and shows the error in the console and at the top of every page; a
 * broken config does too, and the site is built with the last config that could be read until it
 * is fixed. Error findings of a page show on that page.
 */
public final class DevServer implements Closeable {
    /** Where the server's own files live; no content path can start with it. */
    static final String PREFIX = "/__docpulse/";
    /** How long the files must be quiet before a rebuild, by default. */
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("pdf", "application/pdf"), Map.entry("woff2", "font/woff2"), Map.entry("sarif", "application/json"));

    private final Path content;
    private final ConfigSource config;
    /** The configuration of the last full build: the last one that could be read. */
    private volatile Config settings;
    /** What is wrong with the configuration file, each problem with its hint, for the banner; null when it reads well. */
    private volatile List<String> configError;
    private final int threads;
    private final PrintWriter log;
    private final Duration quiet;
    private final Path temp;
    /** The folder being served; a catch-up build switches it to the folder it built. */
    private volatile Path site;
    private final HttpServer http;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "docpulse-serve");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService rebuilder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "docpulse-rebuild");
        t.setDaemon(true);
        return t;
    });
    /** Catch-up builds run beside updates, so a save never waits for one. */
    private final ScheduledExecutorService catchUpRunner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "docpulse-catch-up");
        t.setDaemon(true);
        return t;
    });
    /** Counts rebuilds; a catch-up build that started before the last one is thrown away. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Object switchLock = new Object();
    private int folders;
    private final WatchService watcher;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final Set<Path> changed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger builds = new AtomicInteger();
    private ScheduledFuture<?> pending;
    private ScheduledFuture<?> catchUp;
    private final AtomicInteger catchUps = new AtomicInteger();
    /** What the last full build left for updates in place; null after a failure. */
    private volatile Rebuild session;
    private static final long CATCH_UP_MS = 2000;
    /** Full builds use the cache's index; two at once would fight over it. */
    private final Object fullBuild = new Object();
    /** Why the last build failed, for the banner; null after a good one. */
    private volatile String buildError;
    private volatile Map<String, List<Finding>> errorsByRoute = Map.of();

    /** Reads the configuration (docpulse.yml); serve reads it again before every full build. */
    @FunctionalInterface
    public interface ConfigSource {
        Config load() throws ConfigException;
    }

    /**
     * Builds the site once and starts serving it.
     *
     * @param config read again before every rebuild, so edits to docpulse.yml apply
     * @param log    where rebuilds and their new findings are reported
     * @throws ConfigException the configuration cannot be used at the start
     */
    public DevServer(Path content, ConfigSource config, int threads, String bind, int port, PrintWriter log)
            throws IOException, ConfigException {
        this(content, config, threads, bind, port, log, QUIET);
    }

    /** As the public constructor, with how long the files must be quiet before a rebuild. */
    DevServer(Path content, ConfigSource config, int threads, String bind, int port, PrintWriter log, Duration quiet)
            throws IOException, ConfigException {
        this.content = content.toAbsolutePath().normalize();
        this.config = config;
        this.settings = config.load();
        this.threads = threads;
        this.log = log;
        this.quiet = quiet;
        Path cache = Path.of(settings.cacheDir()).toAbsolutePath();
        Files.createDirectories(cache);
        this.temp = Files.createTempDirectory(cache, "serve-");
        this.site = temp.resolve("site");
        rebuild(Set.of());
        this.http = HttpServer.create(new InetSocketAddress(bind, port), 0);
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
        this.watcher = FileSystems.getDefault().newWatchService();
        watchTree(this.content);
        Path themes = this.content.getParent() == null ? null : this.content.getParent().resolve("themes");
        if (themes != null && Files.isDirectory(themes)) watchTree(themes);
        settings.file().ifPresent(f -> {
            Path dir = f.toAbsolutePath().getParent();
            if (dir != null && !dir.startsWith(this.content)) watchDir(dir);
        });
        Thread t = new Thread(this::watch, "docpulse-watch");
        t.setDaemon(true);
        t.start();
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** How many builds ran, the first included. */
    public int builds() {
        return builds.get();
    }

    /** The folder the site is served from now. */
    public Path site() {
        return site;
    }

    /** The temporary folder the site is built in; gone after {@link #close()}. */
    public Path folder() {
        return temp;
    }

    /**
     * Builds again after a change: only what the change affects when it edits pages the last build
     * read (see {@link Rebuild}), else the whole site. After an update in place, the index, the
     * health section and the search data catch up in a full build once the files have been quiet
     * for {@value #CATCH_UP_MS} ms; open pages are not reloaded for it.
     */
    private boolean rebuild(Set<Path> files) {
        Instant start = Instant.now();
        try {
            Build.Result r = null;
            Rebuild last;
            synchronized (switchLock) {
                generation.incrementAndGet();
                last = session;
            }
            if (last != null) {
                // an editor's temporary file, already gone, that the last build never read
                Set<Path> real = new java.util.HashSet<>(files);
                real.removeIf(p -> !Files.exists(p) && !last.knows(p));
                if (real.isEmpty() && !files.isEmpty()) return false;
                files = real;
            }
            if (last != null && !files.isEmpty() && files.stream().allMatch(this::isPage)) {
                r = last.update(files, Instant.now()).orElse(null);
                if (r != null) scheduleCatchUp();
            }
            if (r == null) {
                Config cfg = readSettings().withBaseUrl("");
                synchronized (fullBuild) {
                    r = Build.run(new Build.Options(content, site, cfg, threads, Instant.now()),
                            kept -> session = kept);
                }
            }
            buildError = null;
            Map<String, List<Finding>> byRoute = new ConcurrentHashMap<>();
            for (Finding f : r.findings()) {
                if (f.severity() != Severity.ERROR) continue;
                String file = f.where().file();
                String route = file.toLowerCase(Locale.ROOT).endsWith(".md") ? Routes.routeFor(file) : file;
                byRoute.computeIfAbsent(route, k -> new ArrayList<>()).add(f);
            }
            errorsByRoute = byRoute;
            int n = builds.incrementAndGet();
            if (n > 1) {
                long ms = Duration.between(start, Instant.now()).toMillis();
                log.println("Rebuilt " + r.pages() + (r.pages() == 1 ? " page" : " pages") + " in " + ms + " ms" + describe(files));
                for (Finding f : r.findings()) {
                    if (f.severity() == Severity.NOTE) continue;
                    for (Path p : files) {
                        if (p.startsWith(content) && content.relativize(p).toString().replace('\\', '/').equals(f.where().file())) {
                            log.println("  " + f.where().file() + (f.where().line() > 0 ? ":" + f.where().line() : "") + ": "
                                    + f.severity().label() + ": " + f.message() + " [" + f.rule() + "]");
                        }
                    }
                }
            }
        } catch (Throwable e) {
            // anything, even an Error such as StackOverflowError (deep recursion in a parser or a
            // template): the executor would swallow it without a word. The next save builds again.
            builds.incrementAndGet();
            session = null;
            failed(e);
        }
        log.flush();
        return true;
    }

    /** Reports a failed build in the console and on every page served until a build succeeds. */
    private void failed(Throwable e) {
        buildError = describe(e);
        if (e instanceof ConfigException first && !first.more().isEmpty()) {
            // every problem found in the same read (all unknown keys, all missing nav entries)
            List<ConfigException> all = new ArrayList<>(List.of(first));
            all.addAll(first.more());
            log.println("Build failed, still serving the last good site: " + all.size() + " problems");
            for (ConfigException ce : all) {
                log.println("error: " + ce.location() + ce.getMessage());
                if (!ce.hint().isEmpty()) log.println("  hint: " + ce.hint());
            }
            return;
        }
        log.println("Build failed, still serving the last good site: " + buildError);
        if (e instanceof ConfigException ce && !ce.hint().isEmpty()) log.println("  hint: " + ce.hint());
        if (!(e instanceof IOException) && !(e instanceof ConfigException)) {
            log.println("  hint: the next save builds again; java -Ddocpulse.stacktrace=true -jar ... shows where it failed");
            if (Boolean.getBoolean("docpulse.stacktrace")) e.printStackTrace(log);
        }
    }

    /** What went wrong, in one line: the message of an expected failure, the kind of an unexpected one. */
    private static String describe(Throwable e) {
        if (e instanceof ConfigException ce) {
            StringBuilder all = new StringBuilder(ce.location() + ce.getMessage());
            for (ConfigException more : ce.more()) all.append("; ").append(more.location()).append(more.getMessage());
            return all.toString();
        }
        String name = e.getClass().getSimpleName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.getClass() == IOException.class && !message.isEmpty()) return message;
        if (e instanceof IOException) return message.isEmpty() ? name : name + ": " + message;
        return "unexpected " + name + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * The configuration for a full build: the file as it is now, or the last one that could be
     * read while it is broken, with the error in the console and at the top of every page.
     */
    private Config readSettings() {
        try {
            Config read = config.load();
            if (configError != null) {
                log.println(read.file().map(f -> f + " is valid again").orElse("The configuration is valid again"));
            }
            configError = null;
            settings = read;
            return read;
        } catch (ConfigException e) {
            List<ConfigException> all = new ArrayList<>(List.of(e));
            all.addAll(e.more());
            List<String> problems = new ArrayList<>();
            for (ConfigException ce : all) {
                String where = ce.location() + ce.getMessage();
                problems.add(where + (ce.hint().isEmpty() ? "" : " (" + ce.hint() + ")"));
                log.println("error: " + where);
                if (!ce.hint().isEmpty()) log.println("  hint: " + ce.hint());
            }
            configError = List.copyOf(problems);
            log.println("  building with the last good settings");
            return settings;
        }
    }

    private boolean isPage(Path p) {
        return p.startsWith(content) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /**
     * A full build once the writer pauses, so the index, health and search data follow the edits.
     * It builds into a new folder beside the served one and switches to it only when no page was
     * updated meanwhile; otherwise it is dropped, and the catch-up after that update follows.
     */
    private synchronized void scheduleCatchUp() {
        if (catchUp != null) catchUp.cancel(false);
        catchUp = catchUpRunner.schedule(this::catchUpNow, CATCH_UP_MS, TimeUnit.MILLISECONDS);
    }

    private void catchUpNow() {
        long begin = System.nanoTime();
        long started = generation.get();
        Path next = temp.resolve("site-" + (++folders));
        Rebuild[] kept = new Rebuild[1];
        try {
            // the settings of the last full build: a change to the file brings a full build of its own
            Config cfg = settings.withBaseUrl("");
            synchronized (fullBuild) {
                if (generation.get() != started) return;
                Build.run(new Build.Options(content, next, cfg, threads, Instant.now()), k -> kept[0] = k);
            }
        } catch (Throwable e) {
            delete(next);
            synchronized (switchLock) {
                // a save meanwhile built again and said how that went
                if (generation.get() != started) return;
                failed(e);
            }
            log.flush();
            notifyReload();
            return;
        }
        Path old;
        synchronized (switchLock) {
            if (generation.get() != started) {
                delete(next);
                return;
            }
            old = site;
            site = next;
            session = kept[0];
        }
        delete(old);
        catchUps.incrementAndGet();
        log.println("Updated search, findability and the health section in "
                + (System.nanoTime() - begin) / 1_000_000 + " ms");
        log.flush();
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a request may still read it; the folder goes with the temporary folder at the end
        }
    }

    /** How many full builds ran after updates in place. */
    public int catchUps() {
        return catchUps.get();
    }

    private String describe(Set<Path> files) {
        if (files.isEmpty()) return "";
        List<String> names = files.stream().map(p -> p.startsWith(content) ? content.relativize(p).toString() : p.toString())
                .sorted().toList();
        return " (" + String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "") + " changed)";
    }

    // ---- watching ------------------------------------------------------------------------------

    private void watchTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.getFileName() != null && dir.getFileName().toString().startsWith(".") && !dir.equals(root)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                watchDir(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void watchDir(Path dir) {
        try {
            WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            watched.put(key, dir);
        } catch (IOException e) {
            log.println("cannot watch " + dir + ": " + e.getMessage());
        }
    }

    private void watch() {
        while (true) {
            WatchKey key;
            try {
                key = watcher.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = watched.get(key);
            for (WatchEvent<?> ev : key.pollEvents()) {
                if (dir == null || ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                    schedule(content);
                    continue;
                }
                Path p = dir.resolve((Path) ev.context());
                String name = p.getFileName().toString();
                // editors' swap and backup files are not content
                if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp")) continue;
                if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        watchTree(p);
                    } catch (IOException e) {
                        log.println("cannot watch " + p + ": " + e.getMessage());
                    }
                }
                schedule(p);
            }
            if (!key.reset()) watched.remove(key);
        }
    }

    /** Rebuilds once the files have been quiet for a moment: a burst of saves is one rebuild. */
    private synchronized void schedule(Path file) {
        changed.add(file);
        if (pending != null) pending.cancel(false);
        if (catchUp != null) catchUp.cancel(false);
        pending = rebuilder.schedule(() -> {
            Set<Path> files = Set.copyOf(changed);
            changed.removeAll(files);
            if (rebuild(files)) notifyReload();
        }, quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void notifyReload() {
        byte[] msg = "event: reload\ndata: reload\n\n".getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : listeners) {
            try {
                synchronized (out) {
                    out.write(msg);
                    out.flush();
                }
            } catch (IOException e) {
                listeners.remove(out);
            }
        }
    }

    // ---- serving -------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        Path site = this.site;
        try {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (raw.startsWith(PREFIX)) {
                own(ex, raw.substring(PREFIX.length()));
                return;
            }
            if (!Files.isDirectory(site)) {
                // the first build failed: say why, and reload once a save builds the site
                send(ex, 503, "text/html; charset=utf-8", inject("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                        + "<title>docpulse serve</title></head><body><p>No site yet.</p></body></html>", ""));
                return;
            }
            Path file = resolve(site, raw);
            if (file == null) {
                send(ex, 403, "text/plain; charset=utf-8", "Forbidden: that path is outside the site\n"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!raw.endsWith("/")) {
                    ex.getResponseHeaders().add("Location", raw + "/");
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = site.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? inject(Files.readString(notFound), "") : "Not found\n"
                        .getBytes(StandardCharsets.UTF_8);
                send(ex, 404, "text/html; charset=utf-8", body);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            if (ext.equals("html")) {
                String route = site.relativize(file.getParent()).toString().replace('\\', '/');
                send(ex, 200, type, inject(Files.readString(file), route.isEmpty() ? "" : route + "/"));
            } else {
                send(ex, 200, type, Files.readAllBytes(file));
            }
        } catch (IOException | RuntimeException e) {
            send(ex, 500, "text/plain; charset=utf-8", ("Error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The file for a request path, or null when it would leave the site: {@code ..} in any
     * spelling (decoded before the check), or a symlink that leads outside.
     */
    Path resolve(String rawPath) throws IOException {
        return resolve(site, rawPath);
    }

    private static Path resolve(Path site, String rawPath) throws IOException {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (decoded.indexOf('\0') >= 0 || decoded.contains("\\")) return null;
        for (String segment : decoded.split("/")) {
            if (segment.equals("..")) return null;
        }
        Path root = site.toRealPath();
        Path p = root.resolve(decoded.replaceFirst("^/+", "")).normalize();
        if (!p.startsWith(root)) return null;
        if (Files.exists(p) && !p.toRealPath().startsWith(root)) return null;
        return p;
    }

    /** The server's own files: the reload script and the event stream. */
    private void own(HttpExchange ex, String name) throws IOException {
        if (name.equals("reload.js")) {
            String js = "(function(){var s=new EventSource('" + PREFIX + "events');"
                    + "s.onopen=function(){window.docpulseLiveReload=true;};"
                    + "s.addEventListener('reload',function(){location.reload();});})();\n";
            send(ex, 200, "text/javascript; charset=utf-8", js.getBytes(StandardCharsets.UTF_8));
        } else if (name.equals("events")) {
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.getResponseHeaders().add("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            // listening before the first line, so a client that has read it misses no reload
            listeners.add(out);
            synchronized (out) {
                out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            // the exchange stays open; it ends when the browser leaves or the server stops
        } else {
            send(ex, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The page with the reload script, and the configuration's error, the build's or the page's on top. */
    private byte[] inject(String html, String route) {
        StringBuilder banner = new StringBuilder();
        List<String> badConfig = configError;
        if (badConfig != null) {
            banner.append("<p><strong>docpulse: the configuration has ")
                    .append(badConfig.size() == 1 ? "an error" : badConfig.size() + " errors")
                    .append("; the site is built with the last good settings.</strong> ");
            if (badConfig.size() == 1) {
                banner.append(esc(badConfig.get(0))).append("</p>");
            } else {
                banner.append("</p><ul style=\"margin:0;padding-left:1.5rem\">");
                for (String problem : badConfig) banner.append("<li>").append(esc(problem)).append("</li>");
                banner.append("</ul>");
            }
        }
        String failed = buildError;
        if (failed != null) {
            banner.append("<p><strong>docpulse: the last build failed; this is the last good site.</strong> ")
                    .append(esc(failed)).append(" Save a file to build again.</p>");
        }
        List<Finding> errors = errorsByRoute.getOrDefault(route, List.of());
        for (Finding f : errors) {
            banner.append("<p><strong>").append(esc(f.where().file())).append(f.where().line() > 0 ? ":" + f.where().line() : "")
                    .append("</strong> ").append(esc(f.message())).append(" [").append(esc(f.rule())).append("]</p>");
        }
        String box = banner.length() == 0 ? "" : "<div id=\"docpulse-serve-errors\" role=\"alert\" style=\"position:sticky;"
                + "top:0;z-index:1000;background:#cf222e;color:#fff;padding:0.5rem 1rem;font:14px/1.4 sans-serif\">"
                + banner + "</div>";
        String script = "<script src=\"" + PREFIX + "reload.js\"></script>";
        String out = html;
        int body = out.indexOf("<body");
        if (!box.isEmpty() && body >= 0) {
            int end = out.indexOf('>', body) + 1;
            out = out.substring(0, end) + box + out.substring(end);
        }
        int close = out.lastIndexOf("</body>");
        out = close >= 0 ? out.substring(0, close) + script + out.substring(close) : out + script;
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return io.docpulse.util.Html.escape(s);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } else {
            ex.close();
        }
    }

    /** Stops serving and watching, and removes the temporary site. */
    @Override
    public void close() throws IOException {
        http.stop(0);
        rebuilder.shutdownNow();
        catchUpRunner.shutdownNow();
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (OutputStream out : listeners) {
            try {
                out.close();
            } catch (IOException e) {
                // the browser went away
            }
        }
        pool.shutdownNow();
        try {
            rebuilder.awaitTermination(10, TimeUnit.SECONDS);
            catchUpRunner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delete(temp);
        if (Files.exists(temp)) throw new IOException("could not remove the temporary site " + temp);
    }
}
