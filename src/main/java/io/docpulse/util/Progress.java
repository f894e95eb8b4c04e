package io.docpulse.util;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a long build is doing, on one line of the terminal that is rewritten in place: the stage,
 * how far it is, and the time so far ("Parsing pages 4,812 of 9,746 (12 s)"). It appears only
 * after the run has taken {@value #QUIET_MS} ms, only on a terminal, and is cleared before the
 * summary is printed; in a CI log (not a terminal, or {@code CI} set) nothing is printed.
 *
 * <p>Stages report through {@link #stage} and {@link #step}; {@link Parallel#map} does so for
 * every stage that runs on it. Nothing is shown while no run is {@link #open}.
 */
public final class Progress implements AutoCloseable {
    /** Nothing is shown before a run has taken this long. */
    static final long QUIET_MS = 2_000;

    /** What each stage of {@link Parallel#map} is called on the terminal, and what it counts. */
    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("parse", new String[]{"Parsing", "pages"}),
            Map.entry("links", new String[]{"Checking links of", "pages"}),
            Map.entry("index", new String[]{"Indexing", "pages"}),
            Map.entry("findability", new String[]{"Searching for", "pages by title and headings"}),
            Map.entry("duplicates", new String[]{"Comparing", "pages for near-duplicates"}),
            Map.entry("readiness", new String[]{"Reading", "pages for async readiness"}),
            Map.entry("search-words", new String[]{"Collecting words of", "pages"}),
            Map.entry("search-stems", new String[]{"Stemming", "words"}),
            Map.entry("search-export", new String[]{"Exporting the site's search:", "words"}),
            Map.entry("render", new String[]{"Writing", "pages"}),
            Map.entry("finish", new String[]{"Writing the search data and the reports", ""}));

    private static volatile Progress current;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private final Thread ticker;
    private volatile String label = "";
    private volatile String unit = "";
    private volatile long total;
    private final AtomicLong done = new AtomicLong();
    private int shown;
    private volatile boolean closed;

    private final long quietMs;

    private Progress(PrintStream out, long quietMs) {
        this.out = out;
        this.quietMs = quietMs;
        this.ticker = new Thread(this::tick, "docpulse-progress");
        ticker.setDaemon(true);
    }

    /**
     * Starts showing progress on {@code out} when it is a terminal and this is not CI; a run that
     * shows nothing otherwise. Close it before printing the run's results.
     */
    public static Progress open(PrintStream out, boolean wanted) {
        boolean terminal = stderrIsTerminal() && !"true".equalsIgnoreCase(System.getenv("CI"));
        return open(out, wanted && terminal, QUIET_MS);
    }

    /**
     * Whether standard error, where the line goes, is a terminal: on Linux, what file descriptor 2
     * points to (so {@code build 2> log} writes no progress into the log); elsewhere, whether the
     * JVM has a console.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Shows progress on {@code out} after {@code quietMs} when {@code show}. */
    static Progress open(PrintStream out, boolean show, long quietMs) {
        Progress p = new Progress(out, quietMs);
        if (show) {
            current = p;
            p.ticker.start();
        } else {
            p.closed = true;
        }
        return p;
    }

    /**
     * A stage starts: {@code name} as {@link Parallel#map} names it, {@code total} items (0: not
     * counted). A name without a label (a part of a stage) changes nothing.
     *
     * @return whether the stage's steps count
     */
    public static boolean stage(String name, long total) {
        Progress p = current;
        if (p == null) return false;
        String[] words = LABELS.get(name);
        if (words == null) return false;
        p.label = words[0];
        p.unit = words[1];
        p.total = total;
        p.done.set(0);
        return true;
    }

    /** One item of the current stage is done. */
    public static void step() {
        Progress p = current;
        if (p != null) p.done.incrementAndGet();
    }

    private void tick() {
        while (!closed) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms < quietMs || label.isEmpty()) continue;
            String count = total == 0 ? "" : " " + String.format("%,d", Math.min(done.get(), total)) + " of "
                    + String.format("%,d", total) + " " + unit;
            String line = label + count + " (" + ms / 1000 + " s)";
            synchronized (this) {
                if (closed) return;
                out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
                out.flush();
                shown = line.length();
            }
        }
    }

    @Override
    public void close() {
        if (closed) return;
        synchronized (this) {
            closed = true;
            if (current == this) current = null;
            if (shown > 0) {
                out.print("\r" + " ".repeat(shown) + "\r");
                out.flush();
            }
        }
        ticker.interrupt();
    }
}
