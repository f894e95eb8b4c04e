package io.docpulse.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import io.docpulse.content.Finding;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceFile;
import io.docpulse.content.SourceRef;

/**
 * The history stage: one walk over the repository that holds the content gives every page its last
 * real change, its author and its number of commits. Renames are followed; a commit that only moves
 * a file, only changes whitespace or line wrapping, or is listed in {@code .git-blame-ignore-revs}
 * does not count as a change. Outside git, the files' modification times are read (source
 * {@code file-time}), with a warning; the freshness stage uses them only when the user opts in.
 */
public final class HistoryReader {
    private HistoryReader() {
    }

    public static History read(Path contentRoot, List<SourceFile> pages, Instant now) throws IOException {
        Path root = contentRoot.toRealPath();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) return fileTimes(pages);
        try (Repository repo = builder.setMustExist(true).build()) {
            if (repo.isBare() || repo.getWorkTree() == null) return fileTimes(pages);
            return walk(repo, root, pages, now);
        }
    }

    private static History fileTimes(List<SourceFile> pages) throws IOException {
        Map<String, PageHistory> out = new TreeMap<>();
        for (SourceFile f : pages) {
            Instant t = Files.getLastModifiedTime(f.absolute()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            out.put(f.path(), new PageHistory(f.path(), Optional.of(t), "", "", 0, List.of(), "file-time"));
        }
        List<Finding> findings = pages.isEmpty() ? List.of() : List.of(new Finding("no-git-history", Severity.WARNING,
                SourceRef.file(""), "the content is not in a git repository, so freshness cannot be measured:"
                + " no page has a date from history, and authors are unknown",
                "build inside a git clone of the docs with its full history (in CI, fetch-depth: 0), or give pages"
                        + " reviewed: dates; freshness.file_times: true shows the files' modification times instead"));
        return new History(out, findings, Optional.empty(), "");
    }

    /** Mutable state of one page during the walk. */
    private static final class State {
        int commits;
        /** The latest real change, by commit time. */
        RevCommit last;
        /** The latest commit at the shallow boundary that touched it: its change cannot be judged. */
        int cutOffTime = -1;
        final List<IgnoredChange> ignored = new ArrayList<>();
    }

    /**
     * Which page each path is, as one line of history knows it. At HEAD every page has its own
     * path; below a commit that renamed a page, its parents know the page by the old path. Each
     * commit hands its names down to its parents, so a rename on one branch does not change how a
     * commit on another branch is read (main editing {@code old.md} after a branch moved it to
     * {@code new.md}). Only renamed paths are stored; every other path is as at HEAD.
     */
    private record Names(Map<String, String> renamed) {
        static final Names HEAD = new Names(Map.of());

        String page(Map<String, String> atHead, String path) {
            return renamed.containsKey(path) ? renamed.get(path) : atHead.get(path);
        }

        /** These names with a rename undone: the page at {@code to} is called {@code from} before it. */
        Names before(Map<String, String> atHead, String from, String to) {
            String page = page(atHead, to);
            if (page == null) return this;
            Map<String, String> m = new HashMap<>(renamed);
            m.put(to, null);
            m.put(from, page);
            return new Names(m);
        }

        /** Names handed down by two children: where they disagree, the first child's. */
        Names union(Names other) {
            if (other == this || other.renamed.equals(renamed)) return this;
            Map<String, String> m = new HashMap<>(other.renamed);
            m.putAll(renamed);
            return new Names(m);
        }
    }

    private static History walk(Repository repo, Path root, List<SourceFile> pages, Instant now) throws IOException {
        Path top = repo.getWorkTree().toPath().toRealPath();
        String rel = top.relativize(root).toString().replace('\\', '/');
        String prefix = rel.isEmpty() ? "" : rel + "/";
        List<Finding> findings = new ArrayList<>();
        Map<String, String> pageAt = new HashMap<>();
        Map<String, State> states = new HashMap<>();
        for (SourceFile f : pages) {
            pageAt.put(prefix + f.path(), f.path());
            states.put(f.path(), new State());
        }
        Set<String> ignoreRevs = ignoreRevs(top);
        Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
        if (!shallow.isEmpty()) {
            findings.add(new Finding("shallow-clone", Severity.WARNING, SourceRef.file(""),
                    "the repository is a shallow clone, so history is cut off: pages last changed before the cut"
                            + " have no date (docpulse does not guess one)",
                    "fetch the full history: git fetch --unshallow, or in GitHub Actions actions/checkout with"
                            + " fetch-depth: 0"));
        }
        ObjectId head = repo.resolve("HEAD");
        if (head != null) {
            try (RevWalk walk = new RevWalk(repo);
                 DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
                 ObjectReader reader = repo.newObjectReader()) {
                diff.setRepository(repo);
                diff.setDetectRenames(true);
                // a folder reorganisation can move hundreds of pages in one commit (git's diff default is 1000)
                diff.getRenameDetector().setRenameLimit(5000);
                diff.setPathFilter(prefix.isEmpty() ? TreeFilter.ALL : PathFilter.create(prefix.substring(0, prefix.length() - 1)));
                // children before parents, so that each commit knows the names its children handed down
                walk.sort(RevSort.TOPO);
                walk.sort(RevSort.COMMIT_TIME_DESC, true);
                walk.markStart(walk.parseCommit(head));
                Map<ObjectId, Names> handed = new HashMap<>();
                handed.put(head, Names.HEAD);
                for (RevCommit c : walk) {
                    Names names = handed.remove(c);
                    if (names == null) names = Names.HEAD;
                    boolean boundary = shallow.contains(c);
                    List<List<DiffEntry>> perParent = new ArrayList<>();
                    for (int i = 0; i < c.getParentCount(); i++) {
                        perParent.add(diff.scan(walk.parseCommit(c.getParent(i)).getTree(), c.getTree()));
                    }
                    List<DiffEntry> entries = c.getParentCount() == 0 ? diff.scan(null, c.getTree()) : perParent.get(0);
                    if (c.getParentCount() > 1) {
                        // A merge's changes are counted on the branch that made them, as `git log -- FILE`
                        // does; only a file that differs from every parent (a conflict resolved in the
                        // merge) is changed by the merge itself.
                        Set<String> changedFromAll = new HashSet<>();
                        entries.forEach(e -> changedFromAll.add(e.getNewPath()));
                        for (int i = 1; i < c.getParentCount(); i++) {
                            Set<String> other = new HashSet<>();
                            perParent.get(i).forEach(e -> other.add(e.getNewPath()));
                            changedFromAll.retainAll(other);
                        }
                        entries = entries.stream().filter(e -> e.getChangeType() == DiffEntry.ChangeType.MODIFY
                                && changedFromAll.contains(e.getNewPath())).toList();
                    }
                    // each parent knows the pages by the names before this commit's renames from it
                    for (int i = 0; i < c.getParentCount(); i++) {
                        Names forParent = names;
                        for (DiffEntry d : perParent.get(i)) {
                            if (d.getChangeType() == DiffEntry.ChangeType.RENAME) {
                                forParent = forParent.before(pageAt, d.getOldPath(), d.getNewPath());
                            }
                        }
                        Names given = forParent;
                        handed.merge(c.getParent(i), given, Names::union);
                    }
                    for (DiffEntry d : entries) {
                        String path = d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath();
                        String page = names.page(pageAt, path);
                        if (page == null) continue;
                        State st = states.get(page);
                        st.commits++;
                        if (boundary) {
                            st.cutOffTime = Math.max(st.cutOffTime, c.getCommitTime());
                            continue;
                        }
                        String reason = notARealChange(c, d, ignoreRevs, reader);
                        if (reason == null) {
                            if (st.last == null || c.getCommitTime() > st.last.getCommitTime()) st.last = c;
                        } else {
                            st.ignored.add(new IgnoredChange(c.name(), Instant.ofEpochSecond(c.getCommitTime()),
                                    c.getAuthorIdent().getName(), reason));
                        }
                    }
                }
            }
        }
        Set<String> dirty = uncommitted(repo, prefix);
        Map<String, PageHistory> out = new TreeMap<>();
        for (SourceFile f : pages) {
            State st = states.get(f.path());
            // a change at the shallow boundary newer than any real change leaves the date unknown
            boolean cutOff = st.cutOffTime >= 0 && (st.last == null || st.cutOffTime > st.last.getCommitTime());
            if (cutOff) st.last = null;
            // the changes that did not count, since the last one that did, newest first
            long since = st.last == null ? Long.MIN_VALUE : st.last.getCommitTime();
            List<IgnoredChange> ignored = st.ignored.stream().filter(i -> i.when().getEpochSecond() > since)
                    .sorted(java.util.Comparator.comparing(IgnoredChange::when).reversed()).toList();
            st.ignored.clear();
            st.ignored.addAll(ignored);
            String repoPath = prefix + f.path();
            PageHistory h;
            if (dirty.contains(repoPath)) {
                h = new PageHistory(f.path(), Optional.of(now), "", "", st.commits, st.ignored, "uncommitted");
            } else if (st.last != null) {
                h = new PageHistory(f.path(), Optional.of(Instant.ofEpochSecond(st.last.getCommitTime())),
                        st.last.getAuthorIdent().getName(), st.last.name(), st.commits, st.ignored, "git");
            } else if (cutOff) {
                h = new PageHistory(f.path(), Optional.empty(), "", "", st.commits, st.ignored, "unknown");
            } else {
                // every commit that touched it was not a real change: its oldest one created it
                h = new PageHistory(f.path(), Optional.empty(), "", "", st.commits, st.ignored, "unknown");
            }
            out.put(f.path(), h);
        }
        return new History(out, findings, Optional.of(top), prefix);
    }

    /** Why a change does not count, or null when it is a real change. */
    private static String notARealChange(RevCommit c, DiffEntry d, Set<String> ignoreRevs, ObjectReader reader)
            throws IOException {
        // creating a page is always a real change, even in a revision listed for blame to ignore
        if (d.getChangeType() == DiffEntry.ChangeType.ADD || d.getChangeType() == DiffEntry.ChangeType.COPY) return null;
        if (ignoreRevs.contains(c.name())) return "listed in .git-blame-ignore-revs";
        switch (d.getChangeType()) {
            case DELETE:
                return null;
            case RENAME:
                if (d.getOldId().equals(d.getNewId())) return "only moved the file (from " + d.getOldPath() + ")";
                return sameWords(reader, d) ? "only moved the file and changed whitespace" : null;
            case MODIFY:
                if (d.getOldId().equals(d.getNewId())) return "only changed the file mode";
                return sameWords(reader, d) ? "only changed whitespace or line wrapping" : null;
            default:
                return null;
        }
    }

    /** Whether old and new content are the same once every run of whitespace counts as one space. */
    private static boolean sameWords(ObjectReader reader, DiffEntry d) throws IOException {
        byte[] a = reader.open(d.getOldId().toObjectId()).getCachedBytes(16 * 1024 * 1024);
        byte[] b = reader.open(d.getNewId().toObjectId()).getCachedBytes(16 * 1024 * 1024);
        return normalize(a).equals(normalize(b));
    }

    static String normalize(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                space = false;
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Full commit ids listed in {@code .git-blame-ignore-revs} at the repository root. */
    private static Set<String> ignoreRevs(Path top) throws IOException {
        Path f = top.resolve(".git-blame-ignore-revs");
        Set<String> out = new HashSet<>();
        if (!Files.isRegularFile(f)) return out;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String l = line.strip();
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash).strip();
            if (l.matches("[0-9a-fA-F]{40}")) out.add(l.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Repository paths of content files with changes not yet committed (modified, added, untracked). */
    private static Set<String> uncommitted(Repository repo, String prefix) throws IOException {
        try (Git git = new Git(repo)) {
            var cmd = git.status();
            if (!prefix.isEmpty()) cmd.addPath(prefix.substring(0, prefix.length() - 1));
            Status s = cmd.call();
            Set<String> out = new HashSet<>();
            out.addAll(s.getModified());
            out.addAll(s.getChanged());
            out.addAll(s.getAdded());
            out.addAll(s.getUntracked());
            return out;
        } catch (GitAPIException e) {
            throw new IOException("cannot read the working tree's status: " + e.getMessage(), e);
        }
    }
}
