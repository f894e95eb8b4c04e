package io.docpulse.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
}
