package io.docpulse.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.docpulse.config.NavEntry;
import io.docpulse.content.ContentParser;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;

/**
 * The site's navigation, built from the folder tree: each folder is a section whose title comes from
 * its index page (else the folder name); entries are ordered by front-matter {@code weight}, then
 * title. With a {@code nav:} list in docpulse.yml, the navigation is that list instead: its entries
 * in its order, with its titles; pages it leaves out are not in it. Also gives the reading order for
 * previous/next links.
 */
final class NavTree {
    /**
     * One entry of the navigation.
     *
     * @param route    where it leads
     * @param title    what it is called
     * @param page     the page it shows (empty for a folder without an index page)
     * @param section  whether it is a folder (or a section of the nav: list)
     * @param children the entries inside a folder, in order
     * @param link     for a link of the nav: list, its URL (and {@code route} is empty); else empty
     */
    record Node(String route, String title, Optional<Page> page, boolean section, List<Node> children, String link) {
        Node {
            children = List.copyOf(children);
        }

        Node(String route, String title, Optional<Page> page, boolean section, List<Node> children) {
            this(route, title, page, section, children, "");
        }

        /** Where it leads, as a link from the page at {@code from}. */
        String href(String from) {
            return link.isEmpty() ? Routes.encodePath(Routes.relative(from, route)) : link;
        }
    }

    private final Node root;
    private final Map<String, Node> byRoute = new HashMap<>();
    private final Map<String, Node> parents = new HashMap<>();
    private final List<Page> readingOrder = new ArrayList<>();
    /** Folders without an index page that the nav: list leaves out: they still get a section page. */
    private final List<Node> unlistedFolders = new ArrayList<>();

    NavTree(List<Page> pages) {
        this(pages, List.of());
    }

    /**
     * @param pages the pages of the site
     * @param list  the nav: list of docpulse.yml (its pages and folders exist: checked when the
     *              content was read), or empty to follow the folders
     */
    NavTree(List<Page> pages, List<NavEntry> list) {
        Map<String, Page> indexOf = new HashMap<>();
        Map<String, List<Page>> pagesIn = new HashMap<>();
        Map<String, List<String>> subfolders = new HashMap<>();
        for (Page p : pages) {
            String folder = folderOf(p.path());
            if (p.route().equals(folder)) {
                indexOf.put(folder, p);
            } else {
                pagesIn.computeIfAbsent(folder, k -> new ArrayList<>()).add(p);
            }
            // register the folder chain so folders holding only subfolders still appear
            String f = folder;
            while (!f.isEmpty()) {
                String parent = folderOf(f.substring(0, f.length() - 1));
                List<String> subs = subfolders.computeIfAbsent(parent, k -> new ArrayList<>());
                if (!subs.contains(f)) subs.add(f);
                f = parent;
            }
        }
        // A folder without an index page whose name is also a page (guide.md beside guide/) uses that
        // page as its index: both would be served at guide/, and the page must not be lost.
        for (List<String> subs : subfolders.values()) {
            for (String folder : subs) {
                if (indexOf.containsKey(folder)) continue;
                String parent = folderOf(folder.substring(0, folder.length() - 1));
                List<Page> siblings = pagesIn.getOrDefault(parent, new ArrayList<>());
                for (Page p : List.copyOf(siblings)) {
                    if (p.route().equals(folder)) {
                        indexOf.put(folder, p);
                        siblings.remove(p);
                    }
                }
            }
        }
        Node folders = build("", indexOf, pagesIn, subfolders);
        this.root = list.isEmpty() ? folders : new FromList(pages, folders, list).root();
        index(root, null);
        walk(root, new java.util.HashSet<>());
        if (!list.isEmpty()) {
            // a link to such a folder (guides/) must keep working: it still gets its generated page
            List<Node> all = new ArrayList<>();
            collectSections(folders, all);
            all.stream().filter(n -> !byRoute.containsKey(n.route())).forEach(unlistedFolders::add);
        }
    }

    /** The navigation of a nav: list, built once. */
    private static final class FromList {
        private final Map<String, Page> byPath = new HashMap<>();
        private final Map<String, Node> folderNodes = new HashMap<>();
        /** Routes of pages listed by name, and folders listed: a listed folder leaves them to their own entry. */
        private final java.util.Set<String> listedPages = new java.util.HashSet<>();
        private final java.util.Set<String> listedFolders = new java.util.HashSet<>();
        /** Routes in use: every page's, and each section's once it has one. */
        private final java.util.Set<String> taken = new java.util.HashSet<>();
        private final Node root;

        FromList(List<Page> pages, Node folders, List<NavEntry> list) {
            for (Page p : pages) {
                byPath.put(p.path(), p);
                taken.add(p.route());
            }
            taken.add("");
            indexFolders(folders);
            for (NavEntry e : NavEntry.flatten(list)) {
                if (e.kind() == NavEntry.Kind.PAGE && byPath.containsKey(e.target())) {
                    listedPages.add(byPath.get(e.target()).route());
                }
                if (e.kind() == NavEntry.Kind.FOLDER) listedFolders.add(e.target());
            }
            this.root = new Node("", folders.title(), folders.page(), true, nodes(list));
        }

        private void indexFolders(Node n) {
            if (n.section()) folderNodes.put(n.route(), n);
            n.children().forEach(this::indexFolders);
        }

        Node root() {
            return root;
        }

        private List<Node> nodes(List<NavEntry> entries) {
            List<Node> out = new ArrayList<>();
            for (NavEntry e : entries) {
                switch (e.kind()) {
                    case PAGE -> {
                        Page p = byPath.get(e.target());
                        // a draft, when drafts are not built
                        if (p != null) {
                            out.add(new Node(p.route(), e.title().isEmpty() ? p.title() : e.title(), Optional.of(p),
                                    false, List.of()));
                        }
                    }
                    case LINK -> out.add(new Node("", e.title().isEmpty() ? e.target() : e.title(), Optional.empty(),
                            false, List.of(), e.target()));
                    case FOLDER -> {
                        Node f = folderNodes.get(e.target());
                        if (f != null) {
                            Node kept = withoutListed(f, e.title().isEmpty() ? f.title() : e.title());
                            if (kept != null) out.add(kept);
                        }
                    }
                    case SECTION -> {
                        List<Node> kids = nodes(e.children());
                        if (kids.isEmpty()) continue;
                        Node first = kids.get(0);
                        // an index page first is the section's own page, as a folder's index page is
                        boolean own = !first.section() && first.link().isEmpty() && first.page().isPresent()
                                && first.route().equals(folderOf(first.page().get().path()));
                        if (own) {
                            out.add(new Node(first.route(), e.title(), first.page(), true, kids.subList(1, kids.size())));
                        } else {
                            out.add(new Node(claim(commonFolder(kids), e.title()), e.title(), Optional.empty(), true,
                                    kids));
                        }
                    }
                }
            }
            return out;
        }

        /**
         * A listed folder's node, titled {@code title}, without what has an entry of its own
         * elsewhere; null when nothing is left.
         */
        private Node withoutListed(Node folder, String title) {
            List<Node> kids = new ArrayList<>();
            for (Node c : folder.children()) {
                if (c.section()) {
                    if (listedFolders.contains(c.route())) continue;
                    Node kept = withoutListed(c, c.title());
                    if (kept != null) kids.add(kept);
                } else if (!listedPages.contains(c.route())) {
                    kids.add(c);
                }
            }
            Optional<Page> page = folder.page().filter(p -> !listedPages.contains(p.route()));
            if (page.isEmpty() && kids.isEmpty()) return null;
            // without its index page (none, or listed elsewhere and holding the folder's URL), the
            // section needs a URL of its own for its generated page
            String route = page.isPresent() ? folder.route() : claim(folder.route(), title);
            return new Node(route, title, page, true, kids);
        }

        /** {@code preferred} when no page or section has it, else a free route made from the title under it. */
        private String claim(String preferred, String title) {
            String route = preferred;
            if (!taken.add(route)) {
                String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                        .replaceAll("^-+|-+$", "");
                String base = preferred + (slug.isEmpty() ? "section" : slug);
                route = base + "/";
                for (int n = 2; !taken.add(route); n++) route = base + "-" + n + "/";
            }
            return route;
        }

        /** The deepest folder holding every page under these entries ({@code ""} for none). */
        private static String commonFolder(List<Node> nodes) {
            List<String> folders = new ArrayList<>();
            collectFolders(nodes, folders);
            if (folders.isEmpty()) return "";
            String common = folders.get(0);
            for (String f : folders) {
                while (!f.startsWith(common)) common = folderOf(common.substring(0, common.length() - 1));
            }
            return common;
        }

        private static void collectFolders(List<Node> nodes, List<String> out) {
            for (Node n : nodes) {
                n.page().ifPresent(p -> out.add(folderOf(p.path())));
                if (n.page().isEmpty() && n.section() && !n.route().isEmpty()) out.add(n.route());
                collectFolders(n.children(), out);
            }
        }
    }

    private Node build(String folder, Map<String, Page> indexOf, Map<String, List<Page>> pagesIn,
                       Map<String, List<String>> subfolders) {
        List<Entry> entries = new ArrayList<>();
        for (Page p : pagesIn.getOrDefault(folder, List.of())) {
            entries.add(new Entry(new Node(p.route(), p.title(), Optional.of(p), false, List.of()), weight(p)));
        }
        for (String sub : subfolders.getOrDefault(folder, List.of())) {
            Node child = build(sub, indexOf, pagesIn, subfolders);
            Integer w = child.page().map(NavTree::weight).orElse(Integer.MAX_VALUE);
            entries.add(new Entry(child, w));
        }
        entries.sort(Comparator.comparingInt(Entry::weight)
                .thenComparing(e -> e.node().title().toLowerCase(Locale.ROOT))
                .thenComparing(e -> e.node().route()));
        Optional<Page> index = Optional.ofNullable(indexOf.get(folder));
        String title;
        if (index.isPresent()) {
            title = index.get().title();
        } else if (folder.isEmpty()) {
            title = "Home";
        } else {
            String trimmed = folder.substring(0, folder.length() - 1);
            title = ContentParser.prettify(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        }
        return new Node(folder, title, index, true, entries.stream().map(Entry::node).toList());
    }

    private record Entry(Node node, int weight) {
    }

    private static int weight(Page p) {
        return p.frontMatter().weight().orElse(Integer.MAX_VALUE);
    }

    private void index(Node n, Node parent) {
        // a link of the nav: list has no route; the home page listed in it keeps the root's
        if (!n.link().isEmpty() || parent != null && n.route().isEmpty()) return;
        byRoute.put(n.route(), n);
        if (parent != null) parents.put(n.route(), parent);
        n.children().forEach(c -> index(c, n));
    }

    private void walk(Node n, java.util.Set<String> seen) {
        n.page().filter(p -> seen.add(p.path())).ifPresent(readingOrder::add);
        n.children().forEach(c -> walk(c, seen));
    }

    Node root() {
        return root;
    }

    /** Folders that have no index page: the site gets a generated section page for each. */
    List<Node> sectionsWithoutPage() {
        List<Node> out = new ArrayList<>();
        collectSections(root, out);
        out.addAll(unlistedFolders);
        return out;
    }

    private void collectSections(Node n, List<Node> out) {
        if (n.section() && n.page().isEmpty()) out.add(n);
        n.children().forEach(c -> collectSections(c, out));
    }

    /** Pages in reading order: a folder's index page, then what is inside it. */
    List<Page> readingOrder() {
        return readingOrder;
    }

    Optional<Node> node(String route) {
        return Optional.ofNullable(byRoute.get(route));
    }

    /** The chain of sections from the home page down to (not including) the entry at {@code route}. */
    List<Node> ancestors(String route) {
        List<Node> chain = new ArrayList<>();
        Node p = parents.get(route);
        while (p != null) {
            chain.add(0, p);
            p = parents.get(p.route());
        }
        return chain;
    }

    static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
