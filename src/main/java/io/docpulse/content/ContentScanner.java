package io.docpulse.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks the content root once and sorts what it finds into pages and assets.
 * Hidden files and folders (a name starting with a dot) are set apart: they are never pages, and
 * their files reach the site only when a page links to them (GitBook keeps every image under
 * {@code .gitbook/assets/}). {@code .git} and docpulse's cache folder are not read at all. A
 * symbolic link is followed only when it points inside the root.
 */
public final class ContentScanner {
    private final Set<String> skipAtRoot;
    private final Set<Path> skipFolders;

    /** @param skipAtRoot names directly under the root that are not content (the config file) */
    public ContentScanner(Set<String> skipAtRoot) {
        this(skipAtRoot, Set.of());
    }

    /**
     * @param skipAtRoot  names directly under the root that are not content (the config file)
     * @param skipFolders folders never read, wherever they are (the cache folder, when it is inside
     *                    the content)
     */
    public ContentScanner(Set<String> skipAtRoot, Set<Path> skipFolders) {
        this.skipAtRoot = Set.copyOf(skipAtRoot);
        Set<Path> real = new java.util.HashSet<>();
        for (Path p : skipFolders) {
            Path abs = p.toAbsolutePath().normalize();
            real.add(abs);
            try {
                real.add(abs.toRealPath());
            } catch (IOException e) {
                // not there yet: nothing to skip but the path itself
            }
        }
        this.skipFolders = Set.copyOf(real);
    }

    public ContentSet scan(Path contentRoot) throws IOException {
        Path root = contentRoot.toRealPath();
        List<SourceFile> pages = new ArrayList<>();
        List<SourceFile> assets = new ArrayList<>();
        List<SourceFile> hidden = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            int hiddenDepth;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                String name = dir.getFileName().toString();
                if (name.equals(".git") || skipFolders.contains(dir)) return FileVisitResult.SKIP_SUBTREE;
                if (hiddenDepth > 0 || name.startsWith(".")) hiddenDepth++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                if (hiddenDepth > 0) hiddenDepth--;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                String rel = relative(root, file);
                if (file.getParent().equals(root) && skipAtRoot.contains(name)) return FileVisitResult.CONTINUE;
                boolean isHidden = hiddenDepth > 0 || name.startsWith(".");
                Path real = file;
                if (attrs.isSymbolicLink()) {
                    try {
                        real = file.toRealPath();
                    } catch (IOException e) {
                        findings.add(new Finding("broken-symlink", Severity.WARNING, SourceRef.file(rel),
                                "symbolic link points to nothing", "remove the link or restore its target"));
                        return FileVisitResult.CONTINUE;
                    }
                    if (!real.startsWith(root)) {
                        findings.add(new Finding("symlink-outside-content", Severity.WARNING, SourceRef.file(rel),
                                "symbolic link leads outside the content root, so it is not followed",
                                "copy the file into the content folder, or link to it by URL"));
                        return FileVisitResult.CONTINUE;
                    }
                    if (Files.isDirectory(real)) {
                        findings.add(new Finding("symlink-folder", Severity.NOTE, SourceRef.file(rel),
                                "symbolic link to a folder is not followed (its files are already part of the site)", ""));
                        return FileVisitResult.CONTINUE;
                    }
                } else if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                long size;
                try {
                    size = Files.size(real);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                boolean markdown = name.toLowerCase(Locale.ROOT).endsWith(".md");
                if (isHidden) hidden.add(new SourceFile(rel, real, false, size));
                else (markdown ? pages : assets).add(new SourceFile(rel, real, markdown, size));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                findings.add(new Finding("unreadable-file", Severity.WARNING, SourceRef.file(relative(root, file)),
                        "cannot be read: " + exc.getMessage(), "check the file's permissions"));
                return FileVisitResult.CONTINUE;
            }
        });
        pages.sort(Comparator.comparing(SourceFile::path));
        assets.sort(Comparator.comparing(SourceFile::path));
        hidden.sort(Comparator.comparing(SourceFile::path));
        return new ContentSet(root, pages, assets, findings, hidden);
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

}
