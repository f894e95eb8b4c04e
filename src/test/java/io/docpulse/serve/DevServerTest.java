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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;
import io.docpulse.config.Config;

/** A real server on 127.0.0.1, real files changing, a real event stream. */
class DevServerTest {
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

    private DevServer start(Path content, StringWriter log) throws IOException {
        Config cfg = Config.defaults().withCacheDir(dir.resolve("cache").toString());
        return new DevServer(content, () -> cfg, 2, "127.0.0.1", 0, new PrintWriter(log, true));
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
    void servesTheSiteWithTypesA404AndNothingOutsideIt() throws IOException {
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
        try (DevServer s = start(content, log)) {
            HttpURLConnection events = (HttpURLConnection) new URL("http://127.0.0.1:" + s.port() + "/__docpulse/events")
                    .openConnection();
            assertThat(events.getContentType()).isEqualTo("text/event-stream");
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
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
            assertThat(get(s, "/guide/").body()).contains("The second version, save 4.");
            assertThat(s.builds() - before).isBetween(1, 2);
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
            Path other = s.site().resolve("other/index.html");
            assertThat(Files.readString(other)).contains(">Guide</a>");
            var otherWritten = Files.getLastModifiedTime(other);
            Thread.sleep(20);
            Files.writeString(content.resolve("guide.md"), "# Guide\n\nA zanzibar of a change.\n");
            waitFor(() -> get(s, "/guide/").body().contains("A zanzibar of a change."));
            // only the edited page was written: its title, and so the navigation, did not change
            assertThat(log.toString()).contains("Rebuilt 1 page in");
            assertThat(Files.getLastModifiedTime(s.site().resolve("other/index.html"))).isEqualTo(otherWritten);
            // the index, the search data and the health section follow once the files are quiet
            waitFor(() -> s.catchUps() >= 1);
            assertThat(log.toString()).contains("Updated search, findability and the health section");
            try (var data = Files.list(s.site().resolve("search/data"))) {
                assertThat(data.anyMatch(f -> TestSites.read(f).contains("\"zanzibar\""))).isTrue();
            }

            // a new title shows in every page's navigation
            Files.writeString(content.resolve("guide.md"), "# Field guide\n\nA zanzibar of a change.\n");
            waitFor(() -> get(s, "/other/").body().contains(">Field guide</a>"));
            assertThat(log.toString()).contains("Rebuilt 3 pages in");
            // a removed heading breaks the link to it, and the console says so for that page
            assertThat(get(s, "/other/").body()).contains("docpulse-serve-errors");

            // a new page needs the whole site built again
            Files.writeString(content.resolve("new.md"), "# New page\n\nFresh.\n");
            waitFor(() -> get(s, "/new/").status() == 200);
            assertThat(get(s, "/new/").body()).contains("Fresh.");
        }
    }

    @Test
    void anAtomicSaveThroughATemporaryFileIsAnEditOfThePage() throws Exception {
        Path content = site();
        StringWriter log = new StringWriter();
        try (DevServer s = start(content, log)) {
            // as sed -i and many editors save: write a new file beside, then rename it over the page
            Path temp = content.resolve("sedAb12Cd");
            Files.writeString(temp, "# Guide\n\nSaved atomically.\n");
            Files.move(temp, content.resolve("guide.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            waitFor(() -> get(s, "/guide/").body().contains("Saved atomically."));
            assertThat(log.toString()).contains("Rebuilt 1 page in").doesNotContain("sedAb12Cd");
        }
    }

    @Test
    void brokenFrontMatterShowsOnThePageAndAFixBringsItBack() throws Exception {
        Path content = site();
        try (DevServer s = start(content, new StringWriter())) {
            Path guide = content.resolve("guide.md");
            Files.writeString(guide, "---\ntitle: [unclosed\n---\n\n# Guide\n\nText.\n");
            waitFor(() -> get(s, "/guide/").body().contains("docpulse-serve-errors"));
            assertThat(get(s, "/guide/").body()).contains("guide.md:2");
            Files.writeString(guide, "# Guide\n\nFixed.\n");
            waitFor(() -> get(s, "/guide/").body().contains("Fixed."));
            assertThat(get(s, "/guide/").body()).doesNotContain("docpulse-serve-errors");
        }
    }

    @Test
    void stoppingRemovesTheTemporarySite() throws IOException {
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

    private static void waitFor(Check check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (check.ok()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 30 s");
    }
}
