import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.docpulse.config.Config;
import io.docpulse.content.Routes;
import io.docpulse.serve.DevServer;

/**
 * How long a writer waits, in `docpulse serve`, from saving a file to the browser's reload.
 *
 *   java -cp target/docpulse.jar bench/serve/Latency.java CONTENT [EDITS]
 *
 * Copies CONTENT to a temporary folder (the corpus is never touched), starts serve on it
 * (2 threads, a cache in the temporary folder) and listens to its event stream as the reload
 * script in a page does. Then, EDITS times each: appends a sentence to a page (a different page
 * each time), and measures the time from the write to the "reload" event, and to the page served
 * with the new sentence (what the browser fetches when it reloads). Between edits it waits until
 * serve's catch-up build (index, search, health; 2 s after the last save) is done, as when a writer
 * pauses. Then the same for edits that change a page's title, which re-render every page; then text
 * edits 2.5 s apart, each made while the catch-up build of the one before is running.
 */
public class Latency {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createTempDirectory("docpulse-serve-bench");
        Path content = work.resolve("content");
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = content.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else {
                    Files.copy(p, to);
                    if (p.toString().endsWith(".md")) pages.add(to);
                }
            }
        }
        Collections.sort(pages);
        Config cfg = Config.defaults().withCacheDir(work.resolve("cache").toString());
        StringWriter log = new StringWriter();
        long t = System.nanoTime();
        try (DevServer server = new DevServer(content, () -> cfg, 2, "127.0.0.1", 0, new PrintWriter(log, true))) {
            System.out.printf("first build: %d ms, %d pages%n", (System.nanoTime() - t) / 1_000_000, pages.size());
            LinkedBlockingQueue<Long> reloads = new LinkedBlockingQueue<>();
            HttpURLConnection events = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port()
                    + "/__docpulse/events").openConnection();
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = stream.readLine()) != null) if (line.equals("data: reload")) reloads.add(System.nanoTime());
                } catch (Exception e) {
                    // closed at the end
                }
            });
            reader.setDaemon(true);
            reader.start();
            int expected = 0;
            for (String kind : new String[]{"text", "title", "rapid"}) {
                List<Long> toEvent = new ArrayList<>();
                List<Long> toPage = new ArrayList<>();
                for (int i = 0; i < edits; i++) {
                    // "rapid": the next save comes 2.5 s after the last, while its catch-up build runs
                    if (kind.equals("rapid")) Thread.sleep(i == 0 ? 0 : 2500);
                    else waitForCatchUp(server, expected);
                    Path page = pages.get((i * 37 + (kind.equals("title") ? 11 : 0)) % pages.size());
                    String marker = "Benchmark edit " + kind + " " + i;
                    String text = Files.readString(page);
                    String edited = !kind.equals("title") ? text + "\n\n" + marker + ".\n"
                            : "---\ntitle: \"" + marker + "\"\n---\n" + text.replaceFirst("(?s)^---\ntitle: \"Benchmark edit[^\n]*\n---\n", "");
                    reloads.clear();
                    long start = System.nanoTime();
                    Files.writeString(page, edited);
                    Long event = reloads.poll(120, TimeUnit.SECONDS);
                    if (event == null) throw new IllegalStateException("no reload after editing " + page);
                    String route = Routes.routeFor(content.relativize(page).toString().replace('\\', '/'));
                    String body = get(server, "/" + Routes.encodePath(route));
                    long served = System.nanoTime();
                    if (!body.contains(marker)) throw new IllegalStateException("the page does not show the edit: " + page);
                    toEvent.add((event - start) / 1_000_000);
                    expected = server.catchUps() + 1;
                    toPage.add((served - start) / 1_000_000);
                }
                System.out.printf("%s edits: %d, save to reload event: median %d ms (min %d, max %d); "
                                + "to the page served with the edit: median %d ms%n", kind, edits, median(toEvent),
                        Collections.min(toEvent), Collections.max(toEvent), median(toPage));
            }
            waitForCatchUp(server, expected);
        }
        for (String line : log.toString().split("\n")) {
            if (line.startsWith("Updated search")) System.out.println("catch-up: " + line);
        }
        // the event stream's reader thread still holds its connection
        System.exit(0);
    }

    /** Waits until serve's catch-up build after the last edit has finished (at most 5 minutes). */
    private static void waitForCatchUp(DevServer server, int expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < end && server.catchUps() < expected) Thread.sleep(50);
        Thread.sleep(200);
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static String get(DevServer s, String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + s.port() + path).openConnection();
        return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
