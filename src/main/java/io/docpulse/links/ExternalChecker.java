package io.docpulse.links;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.docpulse.config.LinksConfig;
import io.docpulse.content.Finding;
import io.docpulse.content.Severity;

/**
 * Checks http(s) links over the network: concurrently, with a global and a per-host limit, a
 * timeout, retries with backoff on 429 and 5xx (honouring {@code Retry-After}), HEAD falling back to
 * GET, redirects followed up to a bound, and a cache with a time-to-live in docpulse's cache folder.
 *
 * <p>Only the status line and headers are read: the connection is closed as soon as they have come,
 * so a body that is huge, endless or slow costs nothing, and each request ends within the timeout
 * (which covers connecting and the headers). Headers are capped by Java's HTTP client
 * ({@code jdk.http.maxHeaderSize}). A URL that cannot be requested (a port out of range, a redirect to
 * {@code file:} or {@code ftp:}) becomes a finding of its own, and text a server sent is shown with its
 * control characters escaped, so it cannot drive the terminal.
 */
public final class ExternalChecker {
    /** The cache file, inside the cache folder. */
    static final String CACHE_FILE = "external-links.json";
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** How one URL fared. */
    enum Status { OK, REDIRECTED, BROKEN, UNREACHABLE }

    /**
     * The result for one URL, as kept in the cache.
     *
     * @param status    how it fared
     * @param code      the last HTTP status code, or 0 when there was no answer
     * @param finalUrl  where redirects ended, or empty
     * @param reason    why it is broken or unreachable, or empty
     * @param checkedAt when it was checked, in seconds since 1970
     */
    record Result(Status status, int code, String finalUrl, String reason, long checkedAt) {
    }

    private final LinksConfig config;
    private final Path cacheFile;
    private final Clock clock;
    private final HttpClient client;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final AtomicInteger waitingOnHost = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public ExternalChecker(LinksConfig config, Path cacheDir, Clock clock) {
        this.config = config;
        this.cacheFile = cacheDir.resolve(CACHE_FILE);
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(config.timeoutSeconds()))
                .build();
    }

    /** HTTP requests sent so far (cache hits send none). */
    int requestsSent() {
        return requests.get();
    }

    /** Checks every link and returns a finding for each one that is not simply fine. */
    public List<Finding> check(List<ExternalLink> links, PrintStream progress) throws IOException {
        Map<String, List<ExternalLink>> byUrl = new TreeMap<>();
        for (ExternalLink l : links) byUrl.computeIfAbsent(withoutFragment(l.url()), k -> new ArrayList<>()).add(l);
        Map<String, Result> cache = readCache();
        long now = clock.instant().getEpochSecond();
        long ttl = config.cacheHours() * 3600L;
        Map<String, Result> results = new ConcurrentHashMap<>();
        List<String> toCheck = new ArrayList<>();
        for (String url : byUrl.keySet()) {
            Result cached = cache.get(url);
            if (cached != null && cached.status() != Status.UNREACHABLE && now - cached.checkedAt() < ttl) {
                results.put(url, cached);
            } else {
                toCheck.add(url);
            }
        }
        runAll(toCheck, results, progress);
        Map<String, Result> newCache = new TreeMap<>();
        cache.forEach((url, r) -> {
            if (now - r.checkedAt() < ttl && r.status() != Status.UNREACHABLE) newCache.put(url, r);
        });
        results.forEach((url, r) -> {
            if (r.status() != Status.UNREACHABLE) newCache.put(url, r);
        });
        writeCache(newCache);

        List<Finding> findings = new ArrayList<>();
        byUrl.forEach((url, uses) -> {
            Result r = results.get(url);
            for (ExternalLink l : uses) {
                Finding f = finding(l, r);
                if (f != null) findings.add(f);
            }
        });
        return findings;
    }

    private void runAll(List<String> urls, Map<String, Result> results, PrintStream progress) throws IOException {
        if (urls.isEmpty()) return;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.maxConcurrency(), urls.size()), r -> {
            Thread t = new Thread(r, "docpulse-links");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        boolean tty = System.console() != null && progress != null;
        Thread ticker = null;
        if (tty) {
            ticker = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        progress.print("\rexternal links: " + done.get() + " done, " + (urls.size() - done.get())
                                + " to go, " + waitingOnHost.get() + " waiting for a host   ");
                        progress.flush();
                        Thread.sleep(250);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "docpulse-progress");
            ticker.setDaemon(true);
            ticker.start();
        }
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String url : urls) {
                futures.add(pool.submit(() -> {
                    results.put(url, checkOneSafely(url));
                    done.incrementAndGet();
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking external links", e);
        } catch (ExecutionException e) {
            throw new IOException("external link check failed", e.getCause());
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
            if (ticker != null) {
                ticker.interrupt();
                progress.print("\r" + " ".repeat(70) + "\r");
                progress.flush();
            }
        }
    }

    /** One odd URL must never end the run: whatever goes wrong becomes that URL's result. */
    private Result checkOneSafely(String url) {
        try {
            return checkOne(url);
        } catch (RuntimeException e) {
            return new Result(Status.UNREACHABLE, 0, "", "internal error: " + printable(String.valueOf(e)),
                    clock.instant().getEpochSecond());
        }
    }

    Result checkOne(String url) {
        long at = clock.instant().getEpochSecond();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Result(Status.BROKEN, 0, "", "is not a valid URL: " + syntaxProblem(e), at);
        }
        String problem = problem(uri);
        if (problem != null) return new Result(Status.BROKEN, 0, "", "is not a valid URL: " + problem, at);
        Semaphore host = hosts.computeIfAbsent(uri.getHost().toLowerCase(java.util.Locale.ROOT),
                h -> new Semaphore(config.maxPerHost()));
        waitingOnHost.incrementAndGet();
        try {
            host.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Status.UNREACHABLE, 0, "", "interrupted", at);
        } finally {
            waitingOnHost.decrementAndGet();
        }
        try {
            return follow(uri, at);
        } finally {
            host.release();
        }
    }

    private Result follow(URI start, long at) {
        URI uri = start;
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            Attempt a = send(uri, "HEAD");
            // Many servers answer HEAD wrongly (405, 403, 404...): ask again with GET before judging.
            if (a.code() >= 400 && a.code() != 429) a = send(uri, "GET");
            if (a.code() == 0) return new Result(Status.UNREACHABLE, 0, "", a.reason(), at);
            if (a.code() >= 300 && a.code() < 400 && a.location() != null) {
                String shown = "`" + printable(a.location()) + "`";
                try {
                    uri = uri.resolve(new URI(a.location().replace(" ", "%20")));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return new Result(Status.BROKEN, a.code(), "", "redirects to " + shown + ", which is not a valid URL ("
                            + (e instanceof URISyntaxException se ? syntaxProblem(se) : printable(e.getMessage())) + ")", at);
                }
                String problem = problem(uri);
                if (problem != null) {
                    shown = "`" + printable(uri.toString()) + "`";
                    return new Result(Status.BROKEN, a.code(), "", "redirects to " + shown
                            + (problem.startsWith("it ") ? ", which " + problem.substring(3) : ", whose " + problem), at);
                }
                continue;
            }
            if (a.code() >= 200 && a.code() < 300) {
                boolean moved = !uri.equals(start);
                return new Result(moved ? Status.REDIRECTED : Status.OK, a.code(), moved ? printable(uri.toString()) : "",
                        "", at);
            }
            if (a.code() == 429) {
                return new Result(Status.UNREACHABLE, 429, "", "still rate limited (429) after "
                        + config.retries() + (config.retries() == 1 ? " retry" : " retries"), at);
            }
            return new Result(Status.BROKEN, a.code(), "", "answered " + a.code() + reasonPhrase(a.code()), at);
        }
        return new Result(Status.BROKEN, 0, "", "more than " + config.maxRedirects() + " redirects", at);
    }

    /**
     * Why a parsed URL cannot be requested, as a clause that starts with "it " or "port " (to follow
     * "is not a valid URL: "), or null when it can be.
     */
    static String problem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return "it is not an http(s) address";
        if (uri.getHost() == null) {
            // java.net.URI falls back to a "registry" authority when host:port does not parse
            return uri.getRawAuthority() == null ? "it has no host name"
                    : "it has no valid host name and port in `" + printable(uri.getRawAuthority()) + "`";
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return "port " + uri.getPort() + " is out of range (1 to 65535)";
        }
        return null;
    }

    private static String syntaxProblem(URISyntaxException e) {
        String reason = e.getReason();
        reason = reason.isEmpty() ? "it does not parse" : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        return printable(reason) + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "");
    }

    /**
     * The text with control characters (C0, DEL, C1) and the Unicode bidirectional controls written as
     * an escape such as <code>&#92;u001B</code>: servers choose reason phrases, header values and
     * redirect targets, and none of them may move the cursor, recolour or retitle the user's terminal.
     */
    static String printable(String text) {
        if (text == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hide = Character.isISOControl(c) || c == '\u061C' || c == '\u200E' || c == '\u200F'
                    || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
            if (hide && out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (hide) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * One request's outcome.
     *
     * @param code       the status code, or 0 when there was no answer
     * @param location   the Location header, or null
     * @param retryAfter the Retry-After header, or null
     * @param reason     why there was no answer, or null
     */
    private record Attempt(int code, String location, String retryAfter, String reason) {
        static Attempt failed(String reason) {
            return new Attempt(0, null, null, reason);
        }
    }

    /** Sends a request, retrying 429, 5xx and timeouts with backoff. */
    private Attempt send(URI uri, String method) {
        Attempt last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) sleep(wait(last, attempt));
            try {
                HttpRequest req = HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(config.timeoutSeconds()))
                        .header("User-Agent", "docpulse link checker (+https://github.com/docpulse)")
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .build();
                requests.incrementAndGet();
                HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
                // The verdict needs only the status and headers: closing the body now drops the connection, so
                // a huge, endless or stalled body is never waited for (the timeout above ends with the headers).
                resp.body().close();
                int code = resp.statusCode();
                String retryAfter = resp.headers().firstValue("Retry-After").orElse(null);
                last = new Attempt(code, resp.headers().firstValue("Location").orElse(null), retryAfter, null);
                if (code != 429 && code < 500) return last;
            } catch (HttpConnectTimeoutException e) {
                last = Attempt.failed("connection timed out after " + config.timeoutSeconds() + " s");
            } catch (HttpTimeoutException e) {
                last = Attempt.failed("timed out after " + config.timeoutSeconds() + " s");
            } catch (ConnectException e) {
                last = Attempt.failed("connection refused");
            } catch (ProtocolException e) {
                // a malformed answer (bad status line or header, headers over Java's size limit) will not mend
                return Attempt.failed("the answer is not valid HTTP: " + printable(e.getMessage()));
            } catch (IllegalArgumentException e) {
                return Attempt.failed("the request could not be made: " + printable(e.getMessage()));
            } catch (IOException e) {
                last = Attempt.failed(e.getCause() instanceof UnknownHostException
                        ? "host not found (DNS)" : "no answer: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + printable(e.getMessage())));
                if (e.getCause() instanceof UnknownHostException) return last;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.failed("interrupted");
            }
        }
        return last;
    }

    /** How long to wait before retry {@code attempt}: Retry-After when the server gave one, else backoff. */
    private Duration wait(Attempt last, int attempt) {
        if (last != null && last.retryAfter() != null) {
            Duration d = retryAfter(last.retryAfter(), clock.instant());
            if (d != null) return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        }
        return Duration.ofMillis(250L << Math.min(attempt - 1, 6));
    }

    /** Parses a Retry-After value: seconds, or an HTTP date. */
    static Duration retryAfter(String value, Instant now) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ex) {
                return null;
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Finding finding(ExternalLink l, Result r) {
        Finding f = rawFinding(l, r);
        if (f == null) return null;
        // results read back from an older cache were not cleaned when stored
        Map<String, String> details = new LinkedHashMap<>();
        f.details().forEach((k, v) -> details.put(k, printable(v)));
        return new Finding(f.rule(), f.severity(), f.where(), printable(f.message()), f.hint(), details);
    }

    private static Finding rawFinding(ExternalLink l, Result r) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("target", l.url());
        details.put("text", l.text());
        if (r.code() != 0) details.put("status", String.valueOf(r.code()));
        return switch (r.status()) {
            case OK -> null;
            case REDIRECTED -> {
                details.put("finalUrl", r.finalUrl());
                yield new Finding("redirected-link", Severity.NOTE, l.where(),
                        "`" + l.url() + "` redirects to `" + r.finalUrl() + "`", "link to the final address", details);
            }
            case BROKEN -> new Finding("broken-external-link", Severity.ERROR, l.where(),
                    "`" + l.url() + "` " + r.reason(), "fix or remove the link, or add it to links.ignore if it is"
                    + " expected to fail", details);
            case UNREACHABLE -> new Finding("unreachable-link", Severity.WARNING, l.where(),
                    "`" + l.url() + "` could not be checked: " + r.reason(),
                    "this is often not the page's fault; docpulse tries again on the next run", details);
        };
    }

    private static String reasonPhrase(int code) {
        return switch (code) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            default -> "";
        };
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private Map<String, Result> readCache() {
        if (!Files.isRegularFile(cacheFile)) return new TreeMap<>();
        try {
            return new ObjectMapper().readValue(cacheFile.toFile(), new TypeReference<TreeMap<String, Result>>() { });
        } catch (IOException e) {
            // a damaged cache is only a cache: start again
            return new TreeMap<>();
        }
    }

    private void writeCache(Map<String, Result> cache) throws IOException {
        Files.createDirectories(cacheFile.getParent());
        Path tmp = Files.createTempFile(cacheFile.getParent(), "external-links", ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), cache);
        Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for tasks still running after a failure, so nothing writes once the caller cleans up. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
