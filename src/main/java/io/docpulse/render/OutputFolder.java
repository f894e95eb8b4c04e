package io.docpulse.render;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The site is written to a staging folder inside docpulse's cache folder and swapped into place only
 * when the whole build succeeded, so a failed build leaves the previous output as it was. A folder
 * that docpulse did not write is never replaced or deleted.
 */
public final class OutputFolder {
    /** Marks a folder as docpulse's own output, which the next build may replace. */
    public static final String MARKER = ".docpulse-output";

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

    /** A fresh, empty folder to build into. */
    public Path stage() throws IOException {
        Files.createDirectories(cacheDir);
        Path staging = Files.createTempDirectory(cacheDir, "staging-");
        Files.writeString(staging.resolve(MARKER), "Written by docpulse; the next build replaces this folder.\n");
        return staging;
    }

    /** Puts a finished staging folder in place of the output folder. */
    public void publish(Path staging) throws IOException {
        Files.createDirectories(out.getParent());
        Path old = null;
        if (Files.exists(out)) {
            old = Files.createTempDirectory(cacheDir, "previous-");
            Files.delete(old);
            move(out, old);
        }
        try {
            move(staging, out);
        } catch (IOException e) {
            if (old != null) move(old, out);
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    /** Removes a staging folder after a failed build. */
    public static void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException ignored) {
            // best effort: the folder is in the cache, which docpulse owns
        }
    }

    public Path path() {
        return out;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // cache and output on different file systems: copy, then remove the source
            copyTree(from, to);
            deleteTree(from);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)));
                return FileVisitResult.CONTINUE;
            }
        });
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
