package io.docpulse.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.docpulse.TestSites;
import io.docpulse.config.LinksConfig;
import io.docpulse.content.Finding;
import io.docpulse.content.SourceRef;

/** External links against a real HTTP server on 127.0.0.1. */
class ExternalCheckerTest {
    @TempDir
    Path dir;
    HttpServer server;
    String base;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        switch (path) {
            case "/ok" -> reply(ex, 200);
            case "/moved" -> {
                ex.getResponseHeaders().add("Location", "/ok");
                reply(ex, 301);
            }
            case "/gone" -> reply(ex, 404);
            case "/limited" -> {
                if (n == 1) {
                    ex.getResponseHeaders().add("Retry-After", "1");
                    reply(ex, 429);
                } else {
                    reply(ex, 200);
                }
            }
            case "/always-limited" -> {
                ex.getResponseHeaders().add("Retry-After", "0");
                reply(ex, 429);
            }
            case "/flaky" -> reply(ex, n == 1 ? 500 : 200);
            case "/no-head" -> reply(ex, ex.getRequestMethod().equals("HEAD") ? 405 : 200);
            case "/slow" -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(ex, 200);
            }
            default -> reply(ex, 404);
        }
    }

    private static void reply(HttpExchange ex, int code) throws IOException {
        ex.sendResponseHeaders(code, -1);
        ex.close();
    }

    private ExternalLink link(String path, int line) {
        return new ExternalLink(base + path, "text", new SourceRef("page.md", line, 1));
    }

    private ExternalChecker checker() {
        LinksConfig cfg = new LinksConfig(true, List.of(), 1, 8, 2, 2, 5, 24);
        return new ExternalChecker(cfg, dir.resolve("cache"), Clock.systemUTC());
    }

    @Test
    void classifiesEveryKindOfAnswer() throws IOException {
        List<ExternalLink> links = List.of(link("/ok", 1), link("/moved", 2), link("/gone", 3), link("/limited", 4),
                link("/flaky", 5), link("/slow", 6), link("/no-head", 7), link("/always-limited", 8));
        long start = System.nanoTime();
        List<Finding> findings = checker().check(links, null);
        Map<Integer, String> byLine = findings.stream()
                .collect(Collectors.toMap(f -> f.where().line(), Finding::rule));
        assertThat(byLine).containsExactlyInAnyOrderEntriesOf(Map.of(
                2, "redirected-link", 3, "broken-external-link", 6, "unreachable-link", 8, "unreachable-link"));
        Finding moved = findings.stream().filter(f -> f.where().line() == 2).findFirst().orElseThrow();
        assertThat(moved.details()).containsEntry("finalUrl", base + "/ok");
        assertThat(findings.stream().filter(f -> f.where().line() == 6).findFirst().orElseThrow().message())
                .contains("timed out after 1 s");
        assertThat(findings.stream().filter(f -> f.where().line() == 8).findFirst().orElseThrow().message())
                .contains("rate limited");
        // 429 honoured Retry-After (1 s) and then succeeded; 500 was retried and then succeeded
        assertThat(hits.get("/limited").get()).isEqualTo(2);
        assertThat(hits.get("/flaky").get()).isEqualTo(2);
        assertThat(hits.get("/always-limited").get()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theCacheSavesTheSecondRequestUntilItExpires() throws IOException {
        List<ExternalLink> links = List.of(link("/ok", 1), link("/gone", 2));
        ExternalChecker first = checker();
        first.check(links, null);
        assertThat(first.requestsSent()).isEqualTo(3); // /ok HEAD; /gone HEAD, then GET
        int before = hits.get("/ok").get() + hits.get("/gone").get();
        ExternalChecker second = checker();
        List<Finding> again = second.check(links, null);
        assertThat(second.requestsSent()).isZero();
        assertThat(hits.get("/ok").get() + hits.get("/gone").get()).isEqualTo(before);
        assertThat(again).extracting(Finding::rule).containsExactly("broken-external-link");
        // a day later the results are stale and checked again
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC);
        ExternalChecker third = new ExternalChecker(new LinksConfig(true, List.of(), 1, 8, 2, 2, 5, 24),
                dir.resolve("cache"), later);
        third.check(links, null);
        assertThat(third.requestsSent()).isEqualTo(3);
    }

    @Test
    void printableEscapesControlAndBidiCharactersOnly() {
        assertThat(ExternalChecker.printable("a\u001B[31mb\u0007\u007F\u009B\u202Ec\u2066 é ü → ✓"))
                .isEqualTo("a\\u001B[31mb\\u0007\\u007F\\u009B\\u202Ec\\u2066 é ü → ✓");
        assertThat(ExternalChecker.printable("https://example.com/ok")).isEqualTo("https://example.com/ok");
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(ExternalChecker.retryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(ExternalChecker.retryAfter("Thu, 26 Nov 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ExternalChecker.retryAfter("soon", now)).isNull();
    }

    @Test
    void checkExternalFromTheCommandLine() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), Map.of(
                "README.md", "# Home\n\n[fine](" + base + "/ok) and [dead](" + base + "/gone)\n\nAlso <" + base
                        + "/gone?auto> and " + base + "/ok?bare\n"));
        TestSites.Run off = TestSites.run("check", "--content", content.toString(), "--cache-dir", dir.resolve("c").toString());
        assertThat(off.exitCode()).isZero();
        assertThat(hits).isEmpty();
        TestSites.Run on = TestSites.run("check", "--check-external", "--content", content.toString(),
                "--cache-dir", dir.resolve("c").toString());
        assertThat(on.exitCode()).isEqualTo(1);
        int column = ("[fine](" + base + "/ok) and ").length() + 1;
        assertThat(on.err()).contains("README.md:3:" + column + ": error: `" + base + "/gone` answered 404 Not Found [broken-external-link]");
        assertThat(on.err()).contains("`" + base + "/gone?auto` answered 404");
        assertThat(on.out()).contains("and 4 external links");
    }

    // ---- A raw server, for answers HttpServer will not send: bodies that never end, odd headers ----

    /** Released when the test ends; a raw handler that must hang waits on it. */
    final CountDownLatch testOver = new CountDownLatch(1);
    /** Per raw path: how many bytes the writer sent before the client hung up, or -1 when it sent them all. */
    final Map<String, java.util.concurrent.CompletableFuture<Long>> hungUpAfter = new ConcurrentHashMap<>();

    private long hangUp(String path) {
        return hungUpAfter.computeIfAbsent(path, k -> new java.util.concurrent.CompletableFuture<>()).join();
    }
    ServerSocket raw;
    String rawBase;

    @BeforeEach
    void startRaw() throws IOException {
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        rawBase = "http://127.0.0.1:" + raw.getLocalPort();
        Thread acceptor = new Thread(() -> {
            while (!raw.isClosed()) {
                try {
                    Socket s = raw.accept();
                    Thread t = new Thread(() -> serveRaw(s), "raw-http");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopRaw() throws IOException {
        testOver.countDown();
        raw.close();
    }

    private void serveRaw(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String first = in.readLine();
            if (first == null) return;
            String[] request = first.split(" ");
            for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                // headers are not needed
            }
            String method = request[0];
            String path = request[1];
            hits.computeIfAbsent("raw " + method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            OutputStream out = s.getOutputStream();
            if (method.equals("HEAD") && !path.startsWith("/to-") && !path.startsWith("/esc-")) {
                // make the checker ask again with GET, which is where a body comes
                write(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            switch (path) {
                case "/endless" -> {
                    write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                    writeUntilHangUp(path, out, "10000\r\n" + "x".repeat(0x10000) + "\r\n", Long.MAX_VALUE);
                }
                case "/huge-404" -> {
                    write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 1000000000\r\n\r\n");
                    writeUntilHangUp(path, out, "y".repeat(1000), 1_000_000_000L);
                }
                case "/endless-headers" -> {
                    write(out, "HTTP/1.1 200 OK\r\n");
                    writeUntilHangUp(path, out, "X-Filler: " + "z".repeat(1000) + "\r\n", Long.MAX_VALUE);
                }
                case "/slow-body" -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nthe first few bytes");
                    testOver.await(60, TimeUnit.SECONDS);
                }
                case "/to-file" -> redirect(out, "file:///etc/passwd");
                case "/to-ftp" -> redirect(out, "ftp://x/");
                case "/to-bad-port" -> redirect(out, "http://127.0.0.1:99999/");
                case "/to-port-zero" -> redirect(out, "http://127.0.0.1:0/");
                case "/to-c1" -> redirect(out, "/ok\u009b31m");
                case "/esc-status" -> write(out, "HTTP/1.1 2\u001b[31m00 \u001b]0;pwned\u0007OK\r\nContent-Length: 0\r\n\r\n");
                case "/esc-location" -> write(out, "HTTP/1.1 302 Found\r\nLocation: /ok\u001b[2J\r\n"
                        + "Content-Length: 0\r\n\r\n");
                default -> write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            }
        } catch (IOException e) {
            // the client hung up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void redirect(OutputStream out, String location) throws IOException {
        write(out, "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes {@code chunk} again and again until {@code total} bytes are sent or the client closes the connection. */
    private void writeUntilHangUp(String path, OutputStream out, String chunk, long total) {
        byte[] bytes = chunk.getBytes(StandardCharsets.ISO_8859_1);
        long sent = 0;
        java.util.concurrent.CompletableFuture<Long> result =
                hungUpAfter.computeIfAbsent(path, k -> new java.util.concurrent.CompletableFuture<>());
        try {
            while (sent < total) {
                out.write(bytes);
                sent += bytes.length;
            }
            out.flush();
            result.complete(-1L);
        } catch (IOException e) {
            result.complete(sent);
        }
    }

    private ExternalLink rawLink(String path, int line) {
        return new ExternalLink(rawBase + path, "text", new SourceRef("page.md", line, 1));
    }

    private static Finding on(List<Finding> findings, int line) {
        return findings.stream().filter(f -> f.where().line() == line).findFirst().orElseThrow();
    }

    /** A generous net: without the fix these checks never return; with it they take milliseconds. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyThatNeverEndsIsNotRead() throws IOException {
        List<Finding> findings = checker().check(List.of(rawLink("/endless", 1), rawLink("/huge-404", 2)), null);
        assertThat(findings).extracting(f -> f.where().line(), Finding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "broken-external-link"));
        assertThat(on(findings, 2).message()).endsWith("answered 404 Not Found");
        // the checker closed both connections instead of reading on (-1 would mean all of the 1 GB was taken)
        assertThat(hangUp("/endless")).isNotNegative();
        assertThat(hangUp("/huge-404")).isBetween(0L, 1_000_000_000L - 1);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyThatNeverArrivesDoesNotHoldTheRun() throws IOException {
        // the server sends the headers and 19 of 1,000 bytes, then waits until the test is over
        assertThat(checker().check(List.of(rawLink("/slow-body", 1)), null)).isEmpty();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endlessHeadersEndAtJavasHeaderLimitAndAreNotAskedForAgain() throws IOException {
        List<Finding> findings = checker().check(List.of(rawLink("/endless-headers", 1)), null);
        assertThat(findings).extracting(Finding::rule).containsExactly("unreachable-link");
        assertThat(findings.get(0).message()).contains("the answer is not valid HTTP");
        // a malformed answer is not retried (retries are for 429, 5xx and timeouts)
        assertThat(hits.get("raw GET /endless-headers").get()).isEqualTo(1);
    }

    @Test
    void redirectsToOtherSchemesOrImpossiblePortsAreFindingsOfTheirOwn() throws IOException {
        List<Finding> findings = checker().check(List.of(rawLink("/to-file", 1), rawLink("/to-ftp", 2),
                rawLink("/to-bad-port", 3), rawLink("/to-port-zero", 4), link("/ok", 5)), null);
        assertThat(findings).extracting(f -> f.where().line()).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(findings).extracting(Finding::rule).containsOnly("broken-external-link");
        assertThat(on(findings, 1).message()).isEqualTo("`" + rawBase + "/to-file` redirects to `file:///etc/passwd`,"
                + " which is not an http(s) address");
        assertThat(on(findings, 2).message()).isEqualTo("`" + rawBase + "/to-ftp` redirects to `ftp://x/`,"
                + " which is not an http(s) address");
        assertThat(on(findings, 3).message()).isEqualTo("`" + rawBase + "/to-bad-port` redirects to"
                + " `http://127.0.0.1:99999/`, whose port 99999 is out of range (1 to 65535)");
        assertThat(on(findings, 4).message()).contains("port 0 is out of range");
    }

    @Test
    void oddUrlsInPagesAreFindingsOfTheirOwn() throws IOException {
        List<ExternalLink> links = List.of(
                new ExternalLink("http://127.0.0.1:99999/", "a", new SourceRef("page.md", 1, 1)),
                new ExternalLink("https://", "b", new SourceRef("page.md", 2, 1)),
                new ExternalLink("http://exa mple.com", "c", new SourceRef("page.md", 3, 1)),
                new ExternalLink("http://127.0.0.1:0/x", "d", new SourceRef("page.md", 4, 1)),
                new ExternalLink("http://127.0.0.1:123456789012/", "e", new SourceRef("page.md", 5, 1)),
                link("/ok", 6));
        ExternalChecker checker = checker();
        List<Finding> findings = checker.check(links, null);
        assertThat(findings).extracting(f -> f.where().line()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(findings).extracting(Finding::rule).containsOnly("broken-external-link");
        assertThat(on(findings, 1).message()).isEqualTo("`http://127.0.0.1:99999/` is not a valid URL:"
                + " port 99999 is out of range (1 to 65535)");
        assertThat(on(findings, 2).message()).startsWith("`https://` is not a valid URL");
        assertThat(on(findings, 3).message()).startsWith("`http://exa mple.com` is not a valid URL");
        assertThat(on(findings, 5).message()).startsWith("`http://127.0.0.1:123456789012/` is not a valid URL: it has"
                + " no valid host name and port");
        assertThat(checker.requestsSent()).isEqualTo(1); // only /ok went out
    }

    @Test
    void oddUrlsInAPageAreReportedWithTheirLineAndTheRunCompletes() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), Map.of(
                "README.md", "# Home\n\n[port](http://127.0.0.1:99999/)\n\n[empty](https://)\n\n"
                        + "[space](<http://exa mple.com>)\n\n[fine](" + base + "/ok)\n"));
        TestSites.Run run = TestSites.run("check", "--check-external", "--content", content.toString(),
                "--cache-dir", dir.resolve("c").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("README.md:3:1: error: `http://127.0.0.1:99999/` is not a valid URL: port 99999"
                + " is out of range (1 to 65535) [broken-external-link]");
        assertThat(run.err()).contains("README.md:5:1: error: `https://` is not a valid URL");
        assertThat(run.err()).contains("README.md:7:1: error: `http://exa mple.com` is not a valid URL");
    }

    @Test
    void controlCharactersFromAServerNeverReachTheFindings() throws IOException {
        List<Finding> findings = checker().check(List.of(rawLink("/esc-status", 1), rawLink("/esc-location", 2),
                rawLink("/to-c1", 3)), null);
        assertThat(findings).extracting(f -> f.where().line()).containsExactlyInAnyOrder(1, 2, 3);
        for (Finding f : findings) {
            String all = f.message() + " " + f.hint() + " " + f.details().values();
            assertThat(all.chars().filter(Character::isISOControl))
                    .as("control characters in %s", all).isEmpty();
        }
        // shown, escaped, so the writer can see what the server sent
        assertThat(on(findings, 1).message()).contains("HTTP/1.1 2\\u001B[31m00");
        assertThat(on(findings, 3).message()).contains("`/ok\\u009B31m`");
    }

    @Test
    void controlCharactersFromAServerNeverReachTheConsole() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), Map.of(
                "README.md", "# Home\n\n[a](" + rawBase + "/esc-status) [b](" + rawBase + "/esc-location)\n"));
        TestSites.Run run = TestSites.run("check", "--check-external", "--content", content.toString(),
                "--cache-dir", dir.resolve("c").toString());
        assertThat(run.err()).contains("README.md:3:1:");
        assertThat((run.out() + run.err()).chars().filter(c -> c == 0x1B || c == 0x07)).isEmpty();
    }
}
