package io.docpulse.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigLoader;

/**
 * A real server on 127.0.0.1, real files changing, a real event stream. The server rebuilds on
 * threads of its own, so a test waits for the state it expects (with a generous deadline) and never
 * assumes that one of two independent events comes first: a page is written before the console
 * line about it, a reload event can come before a later save is seen.
 */
class DevServerTest {
    /** The box serve puts at the top of a page for a failed build, a bad config or the page's errors. */
    private static final String BANNER = "docpulse-serve-errors";

    @TempDir
    Path dir;

    private record Response(int status, String type, String body) {
    }

    private Response get(DevServer s, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + s.port() + path).openConnection();
        c.setInstanceFollowRedirects(false);
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Response(status, c.getContentType(), body);
    }

    /** Sends the request line as written, so no client library cleans up the path first. */
    private int rawStatus(DevServer s, String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private DevServer start(Path content, StringWriter log) throws Exception {
        Config cfg = Config.defaults().withCacheDir(dir.resolve("cache").toString());
        return new DevServer(content, () -> cfg, 2, "127.0.0.1", 0, new PrintWriter(log, true));
    }

    /**
     * A server that waits for the files to be quiet for a whole second before it rebuilds, for the
     * tests of saves that must make one rebuild: those saves then never fall into two.
     */
    private DevServer startPatient(Path content, StringWriter log) throws Exception {
        Config cfg = Config.defaults().withCacheDir(dir.resolve("cache").toString());
        return new DevServer(content, () -> cfg, 2, "127.0.0.1", 0, new PrintWriter(log, true),
                Duration.ofSeconds(1));
    }

    /** A server that reads docpulse.yml next to the content, as `docpulse serve` does. */
    private DevServer startWithConfigFile(Path content, StringWriter log) throws Exception {
        DevServer.ConfigSource cfg = () -> ConfigLoader.load(ConfigLoader.locate(content))
                .withCacheDir(dir.resolve("cache").toString());
        return new DevServer(content, cfg, 2, "127.0.0.1", 0, new PrintWriter(log, true));
    }

    /**
     * Saves a file whole, through a hidden temporary file renamed over it, so the server never
     * sees it half written (a plain write empties the file first).
     */
    private static void save(Path file, String text) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".saving");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The banner of a page, or "" when it has none. */
    private static String banner(String html) {
        int start = html.indexOf("<div id=\"" + BANNER + "\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</div>", start));
    }

    /** How many lines of the console start and end so. */
    private static long lines(StringWriter log, String start, String end) {
        return log.toString().lines().filter(l -> l.startsWith(start) && l.endsWith(end)).count();
    }

    private Path site() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Home\n\n[Guide](guide.md)\n");
        f.put("guide.md", "# Guide\n\nThe first version.\n");
        f.put("img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Path content = TestSites.write(dir.resolve("content"), f);
        Files.writeString(dir.resolve("secret.txt"), "not for the web");
        return content;
    }

    @Test
    void servesTheSiteWithTypesA404AndNothingOutsideIt() throws Exception {
        Path content = site();
        try (DevServer s = start(content, new StringWriter())) {
            Response home = get(s, "/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.type()).startsWith("text/html");
            assertThat(home.body()).contains(">Home</h1>").contains("/__docpulse/reload.js");
            assertThat(get(s, "/guide/").body()).contains("The first version.");
            assertThat(get(s, "/guide").status()).isEqualTo(301);
            assertThat(get(s, "/img/logo.svg").type()).isEqualTo("image/svg+xml");
            assertThat(get(s, "/docpulse-assets/style.css").type()).startsWith("text/css");
            Response missing = get(s, "/no/such/page/");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("<html");
            for (String attack : new String[]{"/../secret.txt", "/..%2Fsecret.txt", "/%2e%2e/secret.txt",
                    "/guide/..%2F..%2Fsecret.txt", "/..%5Csecret.txt"}) {
                assertThat(rawStatus(s, attack)).as(attack).isIn(400, 403, 404);
            }
            // the reload script is only served, never written into the build
            assertThat(Files.readString(s.site().resolve("index.html"))).doesNotContain("__docpulse");
        }
    }

    @Test
    void aSavedPageReloadsTheBrowserAndABurstOfSavesIsOneRebuild() throws Exception {
        Path content = site();
        StringWriter log = new StringWriter();
        try (DevServer s = startPatient(content, log)) {
            HttpURLConnection events = (HttpURLConnection) new URL("http://127.0.0.1:" + s.port() + "/__docpulse/events")
                    .openConnection();
            assertThat(events.getContentType()).isEqualTo("text/event-stream");
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
            // the server says so once it will send this stream its reload events
            assertThat(stream.readLine()).isEqualTo(": connected");
            CompletableFuture<String> reload = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = stream.readLine()) != null) {
                        if (line.equals("data: reload")) return line;
                    }
                    return "closed";
                } catch (IOException e) {
                    return e.toString();
                }
            });
            int before = s.builds();
            Path guide = content.resolve("guide.md");
            for (int i = 0; i < 5; i++) Files.writeString(guide, "# Guide\n\nThe second version, save " + i + ".\n");
            assertThat(reload.get(30, TimeUnit.SECONDS)).isEqualTo("data: reload");
            // the reload follows the one rebuild of the burst, which wrote the last save
            assertThat(get(s, "/guide/").body()).contains("The second version, save 4.");
            assertThat(s.builds() - before).isEqualTo(1);
            assertThat(log.toString()).contains("Rebuilt ").contains("guide.md");
            events.disconnect();
        }
    }

    @Test
    void anEditWritesOnlyThatPageAndTheRestCatchesUpWhenTheWriterPauses() throws Exception {
        Path content = site();
        Files.writeString(content.resolve("other.md"), "# Other\n\nAnother page, see [the guide](guide.md#guide).\n");
        StringWriter log = new StringWriter();
        try (DevServer s = start(content, log)) {
            assertThat(get(s, "/other/").body()).contains(">Guide</a>");
            save(content.resolve("guide.md"), "# Guide\n\nA zanzibar of a change.\n");
            // only the edited page is written: its title, and so the navigation, did not change
            // (RebuildTest checks that the other pages' files are left alone)
            waitFor(() -> log.toString().contains("Rebuilt 1 page in")
                    && get(s, "/guide/").body().contains("A zanzibar of a change."));
            // the index, the search data and the health section follow once the files are quiet
            waitFor(() -> log.toString().contains("Updated search, findability and the health section"));
            assertThat(s.catchUps()).isEqualTo(1);
            try (var data = Files.list(s.site().resolve("search/data"))) {
                assertThat(data.anyMatch(f -> TestSites.read(f).contains("\"zanzibar\""))).isTrue();
            }

            // a new title shows in every page's navigation
            save(content.resolve("guide.md"), "# Field guide\n\nA zanzibar of a change.\n");
            waitFor(() -> log.toString().contains("Rebuilt 3 pages in")
                    && get(s, "/other/").body().contains(">Field guide</a>"));
            // a removed heading breaks the link to it, and the page says so
            assertThat(banner(get(s, "/other/").body())).contains("other.md:3");

            // a new page needs the whole site built again
            save(content.resolve("new.md"), "# New page\n\nFresh.\n");
            waitFor(() -> get(s, "/new/").body().contains("Fresh."));
        }
    }

    @Test
    void anAtomicSaveThroughATemporaryFileIsAnEditOfThePage() throws Exception {
        Path content = site();
        StringWriter log = new StringWriter();
        try (DevServer s = startPatient(content, log)) {
            // as sed -i and many editors save: write a new file beside, then rename it over the page
            Path temp = content.resolve("sedAb12Cd");
            Files.writeString(temp, "# Guide\n\nSaved atomically.\n");
            Files.move(temp, content.resolve("guide.md"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            waitFor(() -> lines(log, "Rebuilt 1 page in ", "(guide.md changed)") == 1
                    && get(s, "/guide/").body().contains("Saved atomically."));
            assertThat(log.toString()).doesNotContain("sedAb12Cd");
        }
    }

    @Test
    void brokenFrontMatterShowsOnThePageAndAFixBringsItBack() throws Exception {
        Path content = site();
        try (DevServer s = start(content, new StringWriter())) {
            Path guide = content.resolve("guide.md");
            Files.writeString(guide, "---\ntitle: [unclosed\n---\n\n# Guide\n\nText.\n");
            waitFor(() -> banner(get(s, "/guide/").body()).contains("guide.md:2"));
            Files.writeString(guide, "# Guide\n\nFixed.\n");
            // the page is written before its errors are replaced: wait for both
            waitFor(() -> {
                String page = get(s, "/guide/").body();
                return page.contains("Fixed.") && !page.contains(BANNER);
            });
        }
    }

    @Test
    void aBrokenConfigShowsOnEveryPageAndTheSiteKeepsTheLastGoodSettings() throws Exception {
        Path content = site();
        Path yml = dir.resolve("docpulse.yml");
        Files.writeString(yml, "site_name: Startup handbook\n");
        StringWriter log = new StringWriter();
        try (DevServer s = startWithConfigFile(content, log)) {
            assertThat(get(s, "/guide/").body()).contains("Startup handbook");
            save(yml, "site_name: Edited handbook\n");
            waitFor(() -> lines(log, "Rebuilt ", "(" + yml + " changed)") == 1);
            assertThat(get(s, "/guide/").body()).contains("Edited handbook");

            save(yml, "site_name: Edited handbook\nsite_nme: Broken handbook\n");
            waitFor(() -> lines(log, "Rebuilt ", "(" + yml + " changed)") == 2);
            for (String path : new String[]{"/", "/guide/", "/no/such/page/"}) {
                String page = get(s, path).body();
                assertThat(banner(page)).as(path).contains(yml + ":2: unknown key 'site_nme'")
                        .contains("did you mean 'site_name'?");
                assertThat(page).as(path).contains("Edited handbook").doesNotContain("Startup handbook");
            }
            assertThat(log.toString()).contains("error: " + yml + ":2: unknown key 'site_nme'");

            // a content edit meanwhile is built with the last good settings too
            save(content.resolve("guide.md"), "# Guide\n\nWritten while the config was broken.\n");
            waitFor(() -> get(s, "/guide/").body().contains("Written while the config was broken."));
            assertThat(get(s, "/guide/").body()).contains("Edited handbook").contains(BANNER);

            save(yml, "site_name: Fixed handbook\n");
            waitFor(() -> {
                String page = get(s, "/guide/").body();
                return page.contains("Fixed handbook") && !page.contains(BANNER);
            });
        }
    }

    @Test
    void aBrokenConfigBannerListsEveryProblemNotOnlyTheFirst() throws Exception {
        Path content = site();
        Path yml = dir.resolve("docpulse.yml");
        Files.writeString(yml, "site_name: Handbook\n");
        StringWriter log = new StringWriter();
        try (DevServer s = startWithConfigFile(content, log)) {
            save(yml, "site_nme: Handbook\ntheem: default\nlinks:\n  timout: 5\n");
            waitFor(() -> lines(log, "Rebuilt ", "(" + yml + " changed)") == 1);
            String banner = banner(get(s, "/guide/").body());
            assertThat(banner).contains(yml + ":1: unknown key 'site_nme'").contains("did you mean 'site_name'?")
                    .contains(yml + ":2: unknown key 'theem'").contains("did you mean 'theme'?")
                    .contains(yml + ":4: unknown key 'links.timout'").contains("did you mean 'links.timeout'?");
            assertThat(log.toString()).contains("error: " + yml + ":1: unknown key 'site_nme'")
                    .contains("error: " + yml + ":2: unknown key 'theem'")
                    .contains("error: " + yml + ":4: unknown key 'links.timout'");
        }
    }

    @Test
    void anUnexpectedErrorInARebuildShowsAndTheNextSaveBuildsAgain() throws Exception {
        Path content = site();
        Files.writeString(dir.resolve("docpulse.yml"), "theme: custom\n");
        Path theme = Files.createDirectories(dir.resolve("themes/custom"));
        StringWriter log = new StringWriter();
        try (DevServer s = startWithConfigFile(content, log)) {
            // a template that calls itself: the build ends in a StackOverflowError, not an exception
            save(theme.resolve("page.peb"), "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}");
            waitFor(() -> banner(get(s, "/guide/").body()).contains("StackOverflowError"));
            String page = get(s, "/guide/").body();
            assertThat(banner(page)).contains("the last build failed; this is the last good site");
            assertThat(page).contains("The first version.");
            waitFor(() -> log.toString().contains("Build failed, still serving the last good site: "
                    + "unexpected StackOverflowError"));
            // and the failed build left nothing behind in the cache
            try (var cache = Files.list(dir.resolve("cache"))) {
                assertThat(cache.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("staging-"));
            }

            // serve still watches: the next save builds again, and the banner goes
            Files.delete(theme.resolve("page.peb"));
            save(content.resolve("guide.md"), "# Guide\n\nThe second version.\n");
            waitFor(() -> {
                String now = get(s, "/guide/").body();
                return now.contains("The second version.") && !now.contains(BANNER);
            });
        }
    }

    @Test
    void aFirstBuildThatFailsShowsItsErrorUntilASaveFixesIt() throws Exception {
        Path content = site();
        Files.writeString(dir.resolve("docpulse.yml"), "theme: custom\n");
        Path theme = Files.createDirectories(dir.resolve("themes/custom"));
        Files.writeString(theme.resolve("page.peb"), "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}");
        try (DevServer s = startWithConfigFile(content, new StringWriter())) {
            Response none = get(s, "/guide/");
            assertThat(none.status()).isEqualTo(503);
            assertThat(banner(none.body())).contains("StackOverflowError");
            assertThat(none.body()).contains("/__docpulse/reload.js");
            Files.delete(theme.resolve("page.peb"));
            waitFor(() -> get(s, "/guide/").status() == 200);
            assertThat(get(s, "/guide/").body()).contains("The first version.").doesNotContain(BANNER);
        }
    }

    @Test
    void stoppingRemovesTheTemporarySite() throws Exception {
        Path content = site();
        DevServer s = start(content, new StringWriter());
        Path folder = s.folder();
        assertThat(folder.resolve("site/index.html")).exists();
        s.close();
        assertThat(folder).doesNotExist();
        assertThat(dir.resolve("site-output")).doesNotExist();
    }

    @Test
    void routesOfContentFiles() {
        // serve places a file's errors on the page at the route the site gives it
        assertThat(io.docpulse.content.Routes.routeFor("README.md")).isEmpty();
        assertThat(io.docpulse.content.Routes.routeFor("guide/setup.md")).isEqualTo("guide/setup/");
        assertThat(io.docpulse.content.Routes.routeFor("guide/index.md")).isEqualTo("guide/");
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    /**
     * Waits until the check holds. A request can fail while a build swaps the site's folder: that
     * counts as "not yet", and the last such failure is reported if the deadline passes.
     */
    private static void waitFor(Check check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (check.ok()) return;
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 30 s", last);
    }
}
