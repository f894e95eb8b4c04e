package io.docpulse.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.docpulse.content.ContentParser;
import io.docpulse.content.Page;

/**
 * The site's navigation, built from the folder tree: each folder is a section whose title comes from
 * its index page (else the folder name); entries are ordered by front-matter {@code weight}, then
 * title. Also gives the reading order for previous/next links.
 */
final class NavTree {
    /**
     * One entry of the navigation.
     *
     * @param route    where it leads
     * @param title    what it is called
     * @param page     the page it shows (empty for a folder without an index page)
     * @param section  whether it is a folder
     * @param children the entries inside a folder, in order
     */
    record Node(String route, String title, Optional<Page> page, boolean section, List<Node> children) {
        Node {
            children = List.copyOf(children);
        }
    }

    private final Node root;
    private final Map<String, Node> byRoute = new HashMap<>();
    private final Map<String, Node> parents = new HashMap<>();
    private final List<Page> readingOrder = new ArrayList<>();

    NavTree(List<Page> pages) {
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
        this.root = build("", indexOf, pagesIn, subfolders);
        index(root, null);
        walk(root);
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
        byRoute.put(n.route(), n);
        if (parent != null) parents.put(n.route(), parent);
        n.children().forEach(c -> index(c, n));
    }

    private void walk(Node n) {
        n.page().ifPresent(readingOrder::add);
        n.children().forEach(this::walk);
    }

    Node root() {
        return root;
    }

    /** Folders that have no index page: the site gets a generated section page for each. */
    List<Node> sectionsWithoutPage() {
        List<Node> out = new ArrayList<>();
        collectSections(root, out);
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
