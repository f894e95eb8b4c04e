package io.docpulse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.docpulse.cli.Main;

/** Fixture sites and a way to run the command line in-process. */
public final class TestSites {
    private TestSites() {
    }

    /** Copies {@code src/test/resources/sites/NAME} to {@code dir/content} and returns that folder. */
    public static Path copy(String name, Path dir) throws IOException {
        URL url = TestSites.class.getClassLoader().getResource("sites/" + name);
        if (url == null) throw new IllegalArgumentException("no fixture site " + name);
        Path src;
        try {
            src = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path content = dir.resolve("content");
        copyTree(src, content);
        // A config file inside the fixture belongs next to the content, where docpulse looks first.
        Path cfg = content.resolve("docpulse.yml");
        if (Files.exists(cfg)) Files.move(cfg, dir.resolve("docpulse.yml"));
        return content;
    }

    /** Copies a folder and everything in it, with the files' times. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Every file under {@code root}, by its path relative to root, with its bytes. */
    public static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** Writes files given as path-to-text into {@code root}. */
    public static Path write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    /** The result of running the command line. */
    public record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code docpulse ARGS} in this JVM. */
    /**
     * Rules of the freshness, findability and readiness stages: tests of other stages leave these
     * out, since every small fixture page has no owner, no description, few words...
     */
    public static final java.util.Set<String> BACKGROUND_RULES = java.util.Set.of("orphan-page", "no-owner",
            "no-git-history", "stale-page", "missing-description", "missing-title", "hard-to-find", "duplicate-title",
            "deep-page", "near-duplicate", "ask-a-person", "placeholder", "stub-page", "runbook-without-steps",
            "decision-without-status", "decision-without-outcome", "missing-alt-text");

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Builds {@code content} into {@code dir/out} with a cache in {@code dir/cache}; returns the run. */
    public static Run build(Path dir, Path content, String... extra) {
        String[] base = {"build", "--content", content.toString(), "--out", dir.resolve("out").toString(),
                "--cache-dir", dir.resolve("cache").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
