package io.docpulse.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.docpulse.config.ConfigException;
import io.docpulse.config.NavEntry;

/**
 * Checks the {@code nav:} list of {@code docpulse.yml} against the pages found: every page and folder
 * it names must exist. A missing one is a configuration error (the sidebar cannot be built as
 * written), reported with its line and the closest path that does exist.
 */
public final class NavTargets {
    private NavTargets() {
    }

    /**
     * @param configFile where the list was read, for the messages
     * @throws ConfigException naming every entry whose page or folder is not in the content
     */
    public static void require(List<NavEntry> nav, Path configFile, ContentSet content) throws ConfigException {
        if (nav.isEmpty()) return;
        TreeSet<String> pages = new TreeSet<>();
        TreeSet<String> folders = new TreeSet<>();
        for (SourceFile f : content.pages()) {
            pages.add(f.path());
            for (int i = f.path().indexOf('/'); i >= 0; i = f.path().indexOf('/', i + 1)) {
                folders.add(f.path().substring(0, i + 1));
            }
        }
        List<ConfigException> missing = new ArrayList<>();
        for (NavEntry e : NavEntry.flatten(nav)) {
            boolean folder = e.kind() == NavEntry.Kind.FOLDER;
            if (e.kind() != NavEntry.Kind.PAGE && !folder) continue;
            TreeSet<String> known = folder ? folders : pages;
            if (known.contains(e.target())) continue;
            String closest = closest(e.target(), known);
            String written = e.title().isEmpty() ? e.target() : e.title() + ": " + e.target();
            missing.add(new ConfigException(configFile, e.line(), "nav: '" + written + "': there is no "
                    + (folder ? "folder" : "page") + " '" + e.target() + "' in the content folder",
                    closest != null ? "did you mean '" + closest + "'?"
                            : "paths are relative to the content folder (" + content.root().getFileName() + "/)"));
        }
        if (!missing.isEmpty()) throw missing.get(0).with(missing.subList(1, missing.size()));
    }

    /**
     * The existing path nearest in spelling (a typo, another case), else one with the same file name
     * in another folder (a page that moved); null when none is close.
     */
    static String closest(String wanted, TreeSet<String> known) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        int max = Math.max(2, wanted.length() / 3);
        String best = null;
        int bestDistance = max + 1;
        for (String k : known) {
            int d = EditDistance.within(lower, k.toLowerCase(Locale.ROOT), max);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null) return best;
        String name = name(lower);
        for (String k : known) {
            if (name(k.toLowerCase(Locale.ROOT)).equals(name)) return k;
        }
        return null;
    }

    private static String name(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
