package io.docpulse.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site is written to a staging folder beside the output folder ({@code .site-output.staging-*} in
 * the output's parent, so on the same file system) and renamed into place only when the whole build
 * succeeded, so a failed build, a full disk or a kill leaves the previous output, or nothing on a first
 * build. What an interrupted build left beside the output is put back or removed by the next build. A
 * folder that docpulse did not write is never replaced or deleted.
 */
public final class OutputFolder {
    /** Marks a folder as docpulse's own output, which the next build may replace. */
    public static final String MARKER = ".docpulse-output";

    private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);
    private static final String STAGING = "staging-";
    private static final String PREVIOUS = "previous-";

    /** Why an output folder cannot be used; the run stops with exit code 2. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String hint;

        RefusedException(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    private final Path out;
    private final Path cacheDir;
    private Runnable betweenRenames = () -> { };

    private OutputFolder(Path out, Path cacheDir) {
        this.out = out;
        this.cacheDir = cacheDir;
    }

    /** Checks that {@code out} may be written for content in {@code contentRoot}. */
    public static OutputFolder check(Path contentRoot, Path out, Path cacheDir) throws RefusedException, IOException {
        Path content = contentRoot.toRealPath();
        Path target = realish(out);
        if (target.equals(content)) {
            throw new RefusedException("the output folder " + out + " is the content folder",
                    "choose another --out, for example site-output/");
        }
        if (target.startsWith(content)) {
            throw new RefusedException("the output folder " + out + " is inside the content folder " + contentRoot,
                    "choose an --out outside the content, for example site-output/ next to it");
        }
        if (content.startsWith(target)) {
            throw new RefusedException("the output folder " + out + " contains the content folder " + contentRoot,
                    "choose an --out that does not hold your docs, for example site-output/");
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new RefusedException("the output path " + out + " is a file, not a folder", "choose another --out");
            }
            if (mountPoint(target)) {
                throw new RefusedException("the output folder " + out + " is a mount point, so a new site cannot be"
                        + " renamed into its place", "use a folder inside it as --out, for example "
                        + out.resolve("site") + ", and serve that folder");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(target)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(target.resolve(MARKER))) {
                throw new RefusedException("the output folder " + out + " is not empty and was not written by docpulse,"
                        + " so it will not be replaced", "choose another --out, or empty the folder yourself");
            }
        }
        Path cache = realish(cacheDir);
        if (cache.startsWith(target)) {
            throw new RefusedException("the cache folder " + cacheDir + " is inside the output folder " + out,
                    "choose another --cache-dir");
        }
        return new OutputFolder(target, cache);
    }

    /**
     * A fresh, empty folder to build into, beside the output folder so that {@link #publish} is a
     * rename on one file system. First puts back an output folder that an interrupted build took away,
     * and removes what interrupted builds left beside it.
     */
    public Path stage() throws IOException {
        Files.createDirectories(out.getParent());
        recover();
        Path staging = freeSibling(STAGING);
        // createDirectory, not createTempDirectory: the site is renamed into place and must follow
        // the umask (0755 under 022) so that a web server running as another user can read it
        Files.createDirectory(staging);
        try {
            write(staging.resolve(MARKER), "Written by docpulse; the next build replaces this folder.\n"
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            discard(staging);
            throw e;
        }
        return staging;
    }

    /**
     * Puts a finished staging folder in place of the output folder: the old output is renamed aside,
     * the staging folder renamed into its place, and the old one deleted. If the second rename fails,
     * the old output is renamed back.
     */
    public void publish(Path staging) throws IOException {
        Path previous = null;
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            previous = freeSibling(PREVIOUS);
            rename(out, previous);
        }
        betweenRenames.run();
        try {
            rename(staging, out);
        } catch (IOException e) {
            if (previous != null) {
                try {
                    rename(previous, out);
                } catch (IOException again) {
                    e.addSuppressed(again);
                    throw new IOException("the new site could not be moved to " + out + ", nor the previous one back;"
                            + " the previous site is in " + previous + ", and the next build puts it back", e);
                }
            }
            throw e;
        }
        if (previous != null) {
            try {
                deleteTree(previous);
            } catch (IOException e) {
                LOG.warn("could not delete the previous site {}; the next build tries again: {}", previous, e.toString());
            }
        }
        removeCacheLeftovers();
    }

    /**
     * Writes one file of the site, creating its folders. When the disk is full, Java reports "No space
     * left on device" without the file; this names it.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.write(file, bytes);
        } catch (FileSystemException e) {
            throw e; // already names the file
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
    }

    /** For tests: runs between the two renames of {@link #publish}, where a kill does the most harm. */
    void betweenRenames(Runnable hook) {
        this.betweenRenames = hook;
    }

    /** Removes a staging folder after a failed build. */
    public static void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            LOG.warn("could not delete the staging folder {}; the next build tries again: {}", staging, e.toString());
        }
    }

    public Path path() {
        return out;
    }

    /**
     * After a kill between the two renames of {@link #publish} the output folder is missing and the
     * previous site lies beside it: rename it back. Every other staging or previous folder beside the
     * output, left by a build that is no longer running, is deleted.
     */
    private void recover() throws IOException {
        List<Path> leftovers = new ArrayList<>();
        String prefix = "." + out.getFileName() + ".";
        try (Stream<Path> s = Files.list(out.getParent())) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix)) continue;
                String kind = name.substring(prefix.length());
                OptionalLong pid = kind.startsWith(STAGING) ? pid(kind.substring(STAGING.length()))
                        : kind.startsWith(PREVIOUS) ? pid(kind.substring(PREVIOUS.length())) : OptionalLong.empty();
                if (pid.isEmpty() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || !written(p)) continue;
                if (running(pid.getAsLong())) {
                    LOG.debug("leaving {}: docpulse process {} is still running", p, pid.getAsLong());
                    continue;
                }
                leftovers.add(p);
            }
        }
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            Path newest = null;
            for (Path p : leftovers) {
                if (!p.getFileName().toString().startsWith(prefix + PREVIOUS) || !Files.exists(p.resolve(MARKER))) continue;
                if (newest == null || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = p;
                }
            }
            if (newest != null) {
                rename(newest, out);
                leftovers.remove(newest);
                LOG.warn("{} was missing after an interrupted build: restored the previous site from {}", out, newest);
            }
        }
        for (Path p : leftovers) {
            LOG.debug("deleting {}, left by an interrupted build", p);
            try {
                deleteTree(p);
            } catch (IOException e) {
                LOG.warn("could not delete {}, left by an interrupted build: {}", p, e.toString());
            }
        }
    }

    /**
     * Up to docpulse 0.1 staging and previous folders lived in the cache, where killed builds left
     * them. They are deleted once a new site is in place.
     */
    private void removeCacheLeftovers() {
        if (!Files.isDirectory(cacheDir)) return;
        try (Stream<Path> s = Files.list(cacheDir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if ((name.startsWith(STAGING) || name.startsWith(PREVIOUS))
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && written(p)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not delete old staging folders in {}: {}", cacheDir, e.toString());
        }
    }

    /** The folder is the top of a file system other than its parent's, which no rename can replace. */
    private static boolean mountPoint(Path dir) throws IOException {
        try {
            return !Files.getAttribute(dir, "unix:dev").equals(Files.getAttribute(dir.getParent(), "unix:dev"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no such attribute here (Windows): a failed rename still leaves the old site
        }
    }

    /** A folder docpulse wrote: it holds the marker, or nothing (killed before the marker was written). */
    private static boolean written(Path dir) throws IOException {
        if (Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) return true;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** {@code .NAME.KIND-PID-N} beside the output, not yet taken. */
    private Path freeSibling(String kind) {
        String base = "." + out.getFileName() + "." + kind + ProcessHandle.current().pid() + "-";
        for (int n = 1; ; n++) {
            Path p = out.resolveSibling(base + n);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return p;
        }
    }

    /** The process id in {@code PID-N}, if that is what the text is. */
    private static OptionalLong pid(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0) return OptionalLong.empty();
        try {
            Long.parseLong(text.substring(dash + 1));
            return OptionalLong.of(Long.parseLong(text.substring(0, dash)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Another process with this id is running: it may be a build writing its staging folder now. */
    private static boolean running(long pid) {
        // our own id marks a leftover: one JVM never builds into the same output twice at once
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Renames in one step. Staging and previous folders are beside the output, so this fails only when
     * the output folder is a file system of its own (a mount point) or the parent cannot be written.
     */
    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " in one step: they are on different file systems", e);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The real path of the nearest existing ancestor, with the rest appended. */
    private static Path realish(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        return existing.toRealPath().resolve(existing.relativize(abs));
    }
}
