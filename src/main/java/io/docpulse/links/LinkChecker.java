package io.docpulse.links;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.docpulse.config.NavEntry;
import io.docpulse.content.Finding;
import io.docpulse.content.Heading;
import io.docpulse.content.Page;
import io.docpulse.content.RawLink;
import io.docpulse.content.Routes;
import io.docpulse.content.Severity;
import io.docpulse.util.Parallel;

/**
 * The links stage: resolves every internal link, image and {@code #anchor} against the site held
 * in memory, builds the link graph (inbound and outbound links, orphans, click depth) and collects
 * the external links for the optional external check.
 */
public final class LinkChecker {
    private final Routes routes;
    private final List<Pattern> ignore;
    private final boolean draftsBuilt;
    private final List<NavEntry> nav;

    /**
     * @param routes the site's URL layout
     * @param ignore links whose target matches one of these are not checked
     * @param draftsBuilt whether pages marked draft are part of the site (--drafts)
     */
    public LinkChecker(Routes routes, List<Pattern> ignore, boolean draftsBuilt) {
        this(routes, ignore, draftsBuilt, List.of());
    }

    /**
     * @param nav the {@code nav:} list of docpulse.yml, or empty when the navigation follows the
     *            folders: with a list, only what it holds is in the navigation, and every other
     *            page gets a {@code not-in-nav} note
     */
    public LinkChecker(Routes routes, List<Pattern> ignore, boolean draftsBuilt, List<NavEntry> nav) {
        this.routes = routes;
        this.ignore = List.copyOf(ignore);
        this.draftsBuilt = draftsBuilt;
        this.nav = List.copyOf(nav);
    }

    /** Anchors of one page: exact ids, and the same lower-cased (browsers on the site match those too). */
    private record Anchors(Set<String> exact, Set<String> lower, List<String> all) {
        static Anchors of(Page p) {
            Set<String> exact = new HashSet<>();
            List<String> all = new ArrayList<>();
            for (Heading h : p.headings()) {
                if (exact.add(h.id())) all.add(h.id());
            }
            for (String a : p.htmlAnchors()) {
                if (exact.add(a)) all.add(a);
            }
            Set<String> lower = new HashSet<>();
            exact.forEach(a -> lower.add(a.toLowerCase(Locale.ROOT)));
            return new Anchors(exact, lower, all);
        }

        boolean has(String fragment) {
            return exact.contains(fragment) || lower.contains(fragment.toLowerCase(Locale.ROOT));
        }
    }

    /** What checking one page's links gave. */
    private record PageResult(List<Finding> findings, Set<String> outbound, List<ExternalLink> external, int checked,
                              Set<String> hidden) {
    }

    /**
     * @param threads how many threads resolve links; pages are split between them and their
     *                results joined in page order, so the report does not depend on it
     */
    public LinkReport check(List<Page> pages, int threads) throws IOException {
        Map<String, Page> byPath = new HashMap<>();
        Map<String, Anchors> anchors = new HashMap<>();
        for (Page p : pages) {
            byPath.put(p.path(), p);
            anchors.put(p.path(), Anchors.of(p));
        }
        Suggestions suggestions = new Suggestions(routes.allPaths());
        List<PageResult> results = Parallel.map(pages, threads, "links",
                p -> checkPage(p, byPath, anchors, suggestions));
        List<Finding> findings = new ArrayList<>();
        List<ExternalLink> external = new ArrayList<>();
        Map<String, Set<String>> outbound = new HashMap<>();
        TreeSet<String> hidden = new TreeSet<>();
        int checked = 0;
        for (int i = 0; i < pages.size(); i++) {
            PageResult r = results.get(i);
            findings.addAll(r.findings());
            external.addAll(r.external());
            outbound.put(pages.get(i).path(), r.outbound());
            checked += r.checked();
            hidden.addAll(r.hidden());
        }
        Map<String, PageLinks> graph = graph(pages, outbound, nav);
        for (Page p : pages) {
            if (!nav.isEmpty() && !p.route().isEmpty() && (draftsBuilt || !p.frontMatter().draft())
                    && !NavEntry.covers(nav, p.path())) {
                // as MkDocs' "pages exist in the docs directory but are not included in the nav"
                findings.add(new Finding("not-in-nav", Severity.NOTE, io.docpulse.content.SourceRef.line(p.path(), 1),
                        "the page is not in the nav: list of docpulse.yml, so the sidebar does not show it"
                                + " (it is built and found by search)",
                        "add it to nav: in docpulse.yml (as `- " + p.path() + "`, or list its folder as `- "
                                + (p.path().contains("/") ? p.path().substring(0, p.path().lastIndexOf('/') + 1) : "folder/")
                                + "`), or link to it from a page that is"));
            }
            PageLinks pl = graph.get(p.path());
            if (pl.orphan()) {
                findings.add(new Finding("orphan-page", Severity.NOTE, io.docpulse.content.SourceRef.file(p.path()),
                        "no other page links here; readers reach it only through the navigation or search",
                        "link to it from a related page or from its section's index page"));
            }
        }
        return new LinkReport(graph, external, findings, checked, hidden);
    }

    private PageResult checkPage(Page p, Map<String, Page> byPath, Map<String, Anchors> anchors,
                                 Suggestions suggestions) {
        List<Finding> findings = new ArrayList<>();
        List<ExternalLink> external = new ArrayList<>();
        Set<String> out = new TreeSet<>();
        Set<String> hidden = new TreeSet<>();
        int checked = 0;
        for (RawLink link : p.links()) {
            String raw = link.target().strip();
            if (link.noAlt()) {
                findings.add(new Finding("missing-alt-text", Severity.WARNING, link.where(),
                        "the image `" + raw + "` has no alt text: a screen reader announces only its file name, and a"
                                + " reader without images sees nothing", "describe what the image shows: ![Deploy pipeline,"
                                + " from commit to production](" + raw + "); an HTML image that is only decoration takes alt=\"\"",
                        details(link)));
            }
            String unsafe = io.docpulse.content.SafeUrl.unsafeScheme(raw);
            if (unsafe != null) {
                findings.add(new Finding("unsafe-url", Severity.ERROR, link.where(),
                        "`" + raw + "` is a " + unsafe + ": URL, which runs code in the reader's browser, so the site leaves it out"
                                + " of the page",
                        "link to a page or to an http(s) address; to show such a URL, put it in `backticks`",
                        details(link)));
                continue;
            }
            if (ignored(raw)) continue;
            Routes.Target t = routes.resolve(p.path(), decodeEntities(raw));
            if (t.kind() == Routes.Kind.EXTERNAL) {
                String lower = raw.toLowerCase(Locale.ROOT);
                if (lower.startsWith("mailto:")) {
                    String problem = mailtoProblem(raw.substring("mailto:".length()));
                    if (problem != null) {
                        findings.add(new Finding("invalid-mailto", Severity.WARNING, link.where(),
                                "`" + raw + "` " + problem + ", so a reader's mail program opens with no one to write to",
                                "write the address in full, as `mailto:name@example.com`", details(link)));
                    }
                    continue;
                }
                if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    external.add(new ExternalLink(raw, link.text(), link.where()));
                }
                continue;
            }
            checked++;
            Map<String, String> details = details(link);
            int cut = raw.indexOf('#');
            if ((cut < 0 ? raw : raw.substring(0, cut)).indexOf('\\') >= 0 && t.internal()) {
                findings.add(new Finding("backslash-in-link", Severity.NOTE, link.where(),
                        "`" + raw + "` separates folders with backslashes; the site links to it, but GitHub and"
                                + " web servers will not", "use forward slashes: `" + raw.replace('\\', '/') + "`",
                        details(link)));
            }
            switch (t.kind()) {
                case OUTSIDE -> findings.add(new Finding("link-outside-content", Severity.WARNING, link.where(),
                        "`" + raw + "` leads outside the content folder, so it will not work in the site",
                        "link to the file on the forge (with repo_url set), or move it into the content folder",
                        details));
                case MISSING -> findings.add(missing(link, raw, t, suggestions, details));
                case SAME_PAGE -> checkFragment(link, raw, p, t.fragment(), anchors.get(p.path()), false,
                        findings, details);
                case PAGE, FOLDER -> {
                    String target = t.kind() == Routes.Kind.PAGE ? t.contentPath() : routes.pageAt(t.route());
                    if (t.caseDiffers()) findings.add(caseMismatch(link, raw, t, details));
                    if (target != null) {
                        if (!target.equals(p.path())) out.add(target);
                        Page tp = byPath.get(target);
                        if (tp != null && tp.frontMatter().draft() && !draftsBuilt
                                && !p.frontMatter().draft()) {
                            findings.add(new Finding("link-to-draft", Severity.WARNING, link.where(),
                                    "`" + raw + "` leads to a draft (`" + target + "`), which is not part of the site",
                                    "publish the draft (remove draft: true), or remove the link until it is",
                                    details));
                        }
                        if (tp != null) {
                            boolean folderIndex = t.kind() == Routes.Kind.FOLDER || tp.route().equals(folderOf(tp.path()));
                            checkFragment(link, raw, tp, t.fragment(), anchors.get(target), folderIndex,
                                    findings, details);
                        }
                    }
                }
                case ASSET -> {
                    if (t.caseDiffers()) findings.add(caseMismatch(link, raw, t, details));
                    if (routes.isHidden(t.contentPath())) hidden.add(t.contentPath());
                }
                default -> {
                }
            }
        }
        return new PageResult(findings, out, external, checked, hidden);
    }

    /**
     * Markdown decodes entity references in link destinations, and HTML in attribute values:
     * {@code caf&eacute;.md} is {@code café.md}.
     */
    private static String decodeEntities(String raw) {
        return raw.indexOf('&') >= 0 && raw.indexOf(';') >= 0 ? org.jsoup.parser.Parser.unescapeEntities(raw, true) : raw;
    }

    private boolean ignored(String raw) {
        for (Pattern p : ignore) {
            if (p.matcher(raw).find()) return true;
        }
        return false;
    }

    private static Map<String, String> details(RawLink link) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("target", link.target());
        d.put("text", link.text());
        return d;
    }

    // a user name and a domain: what a writer means by a link to name@example.com
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern HOST = Pattern.compile("(?i)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+([a-z]{2,})\\.?(?::\\d+)?");
    // top-level domains that are not also common file extensions (.md, .sh, .py, .zip are both)
    private static final Set<String> TLDS = Set.of("com", "org", "net", "io", "dev", "edu", "gov", "mil", "int", "co",
            "app", "info", "biz", "me", "tv", "cloud", "tech", "site", "online", "xyz", "us", "uk", "ca", "de", "fr",
            "nl", "eu", "au", "jp", "ch", "se", "no", "es", "it", "be", "at", "dk", "fi", "nz", "br", "ie", "cz");

    /**
     * The web or email address a missing link's target looks like, with the scheme it lacks
     * ({@code https://www.example.com}, {@code mailto:name@example.com}), or null. A file of that
     * name does not exist (the link is missing), so reading it as an address only changes the advice.
     */
    static String withScheme(String raw) {
        String s = raw.strip();
        if (s.startsWith("/") || s.startsWith(".")) return null;
        if (EMAIL.matcher(s).matches()) return "mailto:" + s;
        int slash = indexOfAny(s, "/?#");
        String host = slash < 0 ? s : s.substring(0, slash);
        var m = HOST.matcher(host);
        if (!m.matches()) return null;
        boolean www = host.regionMatches(true, 0, "www.", 0, 4);
        if (!www && !TLDS.contains(m.group(1).toLowerCase(Locale.ROOT))) return null;
        return "https://" + s;
    }

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    /**
     * What is wrong with the part of a {@code mailto:} URL after the scheme (RFC 6068: addresses
     * separated by commas, then {@code ?to=}, {@code cc=}, {@code bcc=} and other fields), or null.
     */
    static String mailtoProblem(String rest) {
        int q = rest.indexOf('?');
        List<String> addresses = new ArrayList<>(List.of(Routes.percentDecode(q < 0 ? rest : rest.substring(0, q)).split(",", -1)));
        if (q >= 0) {
            for (String field : rest.substring(q + 1).split("&")) {
                int eq = field.indexOf('=');
                String name = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (eq > 0 && (name.equals("to") || name.equals("cc") || name.equals("bcc"))) {
                    addresses.addAll(List.of(Routes.percentDecode(field.substring(eq + 1)).split(",", -1)));
                }
            }
        }
        boolean any = false;
        for (String a : addresses) {
            String address = a.strip();
            if (address.isEmpty()) continue;
            any = true;
            if (!ADDRESS.matcher(address).matches()) return "has `" + address + "`, which is not an email address";
        }
        return any ? null : "has no address";
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    private Finding missing(RawLink link, String raw, Routes.Target t, Suggestions suggestions,
                            Map<String, String> details) {
        String address = withScheme(raw);
        if (address != null) {
            boolean mail = address.startsWith("mailto:");
            details.put("suggestion", address);
            return new Finding("missing-scheme", Severity.ERROR, link.where(),
                    "`" + raw + "` looks like " + (mail ? "an email address without `mailto:`" : "a web address without `https://`")
                            + ", so it leads to a file of that name beside this page, which does not exist",
                    "write `" + address + "`", details);
        }
        String path = t.contentPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        boolean asset = link.image() || (dot > 0 && !name.substring(dot).equalsIgnoreCase(".md"));
        String closest = suggestions.closest(path);
        String hint = closest == null
                ? (asset ? "add the file, or fix the path (it is relative to this page's folder)"
                        : "fix the path (it is relative to this page's folder), or remove the link")
                : "did you mean `" + asWritten(raw, link.where().file(), closest, t.suffix()) + "`?";
        if (closest != null) details.put("suggestion", closest);
        String written = raw;
        int cut = indexOfAny(written, "?#");
        if (cut >= 0) written = written.substring(0, cut);
        // `guide/x.md` on a page at the root means guide/x.md: saying it "points to" itself tells nothing
        boolean same = decodeEntities(Routes.percentDecode(written)).equals(path);
        return new Finding(asset ? "missing-asset" : "broken-link", Severity.ERROR, link.where(),
                "`" + raw + "` " + (same ? "is" : "points to " + (path.isEmpty() ? "nothing" : "`" + path + "`") + ", which is")
                        + " not in the content", hint, details);
    }

    /**
     * The content path {@code target} written the way this link should be: relative to the page's
     * folder, or from the site root when the link was written that way, with the link's
     * {@code ?query#fragment}.
     */
    static String asWritten(String raw, String fromPath, String target, String suffix) {
        String link = raw.startsWith("/") ? "/" + target
                : Routes.relative(fromPath.substring(0, fromPath.lastIndexOf('/') + 1), target);
        return link + suffix;
    }

    private static Finding caseMismatch(RawLink link, String raw, Routes.Target t, Map<String, String> details) {
        return new Finding("case-mismatch", Severity.NOTE, link.where(),
                "`" + raw + "` matches `" + t.contentPath() + "` only when case is ignored; the site links to it,"
                        + " but GitHub and case-sensitive servers will not",
                "write the name with the file's exact case", details);
    }

    private static void checkFragment(RawLink link, String raw, Page target, String fragment, Anchors anchors,
                                      boolean folderIndex, List<Finding> findings, Map<String, String> details) {
        if (fragment.isEmpty() || fragment.equals("top") || anchors.has(fragment)) return;
        // On GitHub, "#readme" jumps past the file header to the rendered Markdown of any file;
        // on the site it lands on the page itself, which is what the writer meant.
        if (fragment.equalsIgnoreCase("readme")) return;
        String closest = Closest.to(fragment.toLowerCase(Locale.ROOT), anchors.all());
        if (closest != null) details.put("suggestion", "#" + closest);
        findings.add(new Finding("missing-anchor", Severity.ERROR, link.where(),
                "`" + raw + "`: " + (target.path().equals(link.where().file()) ? "this page" : "`" + target.path() + "`")
                        + " has no heading or anchor `#" + fragment + "`",
                closest != null ? "did you mean `#" + closest + "`?"
                        : anchors.all().isEmpty() ? "the page has no headings; remove the #fragment"
                        : "link to one of its headings, for example `#" + anchors.all().get(0) + "`",
                details));
    }

    /** Inbound links, orphans, and click depth through content links and the navigation. */
    private static Map<String, PageLinks> graph(List<Page> pages, Map<String, Set<String>> outbound,
                                                List<NavEntry> nav) {
        Map<String, Set<String>> inbound = new TreeMap<>();
        pages.forEach(p -> inbound.put(p.path(), new TreeSet<>()));
        outbound.forEach((from, tos) -> tos.forEach(to -> {
            Set<String> in = inbound.get(to);
            if (in != null) in.add(from);
        }));
        Map<String, Integer> depth = clickDepth(pages, outbound, nav);
        Map<String, PageLinks> out = new LinkedHashMap<>();
        for (Page p : pages) {
            boolean home = p.route().isEmpty();
            boolean orphan = !home && !p.frontMatter().draft() && inbound.get(p.path()).isEmpty();
            out.put(p.path(), new PageLinks(p.path(), List.copyOf(outbound.get(p.path())),
                    List.copyOf(inbound.get(p.path())), depth.getOrDefault(p.path(), -1), orphan));
        }
        return out;
    }

    /**
     * Breadth-first from the home page. Besides content links, a reader can click the navigation:
     * every page shows the top-level sections, and a section (its index page, or the generated
     * section page of a folder without one) lists its pages and subsections. With a {@code nav:}
     * list, the navigation is that list (a listed folder with what is inside it), and a page left
     * out of it is reached only through content links.
     */
    private static Map<String, Integer> clickDepth(List<Page> pages, Map<String, Set<String>> outbound,
                                                   List<NavEntry> nav) {
        Map<String, String> folderNode = new HashMap<>();
        Map<String, Set<String>> children = new HashMap<>();
        String home = null;
        for (Page p : pages) {
            if (p.frontMatter().draft()) continue;
            String folder = folderOf(p.path());
            boolean index = p.route().equals(folder);
            if (p.route().isEmpty()) home = p.path();
            if (index) folderNode.put(folder, p.path());
        }
        for (Page p : pages) {
            if (p.frontMatter().draft()) continue;
            String folder = folderOf(p.path());
            String node = p.path();
            boolean index = p.route().equals(folder);
            String parent = index ? parentFolder(folder) : folder;
            if (parent == null) continue;
            // register the chain of folders up to the root, so folders without an index page count
            String child = node;
            String f = parent;
            while (f != null) {
                String fNode = folderNode.getOrDefault(f, "folder:" + f);
                children.computeIfAbsent(fNode, k -> new LinkedHashSet<>()).add(child);
                if (folderNode.containsKey(f) || f.isEmpty()) break;
                child = fNode;
                f = parentFolder(f);
            }
        }
        String root = home != null ? home : "folder:";
        if (!nav.isEmpty()) {
            Map<String, Set<String>> listed = new HashMap<>();
            Set<String> drafts = new HashSet<>();
            pages.stream().filter(p -> p.frontMatter().draft()).forEach(p -> drafts.add(p.path()));
            Deque<String> inFolders = new ArrayDeque<>();
            navChildren(root, nav, listed, folderNode, drafts, inFolders, new int[1]);
            // a listed folder brings what is inside it, as the folders' navigation has it
            Set<String> seen = new HashSet<>();
            while (!inFolders.isEmpty()) {
                String n = inFolders.poll();
                if (!seen.add(n)) continue;
                for (String c : children.getOrDefault(n, Set.of())) {
                    listed.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(c);
                    inFolders.add(c);
                }
            }
            children.clear();
            children.putAll(listed);
        }
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        depth.put(root, 0);
        queue.add(root);
        while (!queue.isEmpty()) {
            String n = queue.poll();
            int d = depth.get(n);
            // the top-level sections, shown on every page, are the home page's children: depth 1
            for (Set<String> next : List.of(outbound.getOrDefault(n, Set.of()), children.getOrDefault(n, Set.of()))) {
                for (String m : next) {
                    if (depth.putIfAbsent(m, d + 1) == null) queue.add(m);
                }
            }
        }
        return depth;
    }

    /** The navigation nodes under {@code parent} as the nav: list has them; a section is a node of its own. */
    private static void navChildren(String parent, List<NavEntry> entries, Map<String, Set<String>> out,
                                    Map<String, String> folderNode, Set<String> drafts, Deque<String> folders,
                                    int[] sections) {
        Set<String> kids = out.computeIfAbsent(parent, k -> new LinkedHashSet<>());
        for (NavEntry e : entries) {
            switch (e.kind()) {
                case PAGE -> {
                    if (!drafts.contains(e.target())) kids.add(e.target());
                }
                case FOLDER -> {
                    String node = folderNode.getOrDefault(e.target(), "folder:" + e.target());
                    kids.add(node);
                    folders.add(node);
                }
                case SECTION -> {
                    String node = "nav-section:" + (++sections[0]);
                    kids.add(node);
                    navChildren(node, e.children(), out, folderNode, drafts, folders, sections);
                }
                case LINK -> {
                }
            }
        }
    }

    private static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** {@code a/b/} gives {@code a/}, {@code a/} gives {@code ""}, {@code ""} gives null. */
    private static String parentFolder(String folder) {
        if (folder.isEmpty()) return null;
        String trimmed = folder.substring(0, folder.length() - 1);
        return trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
    }

    /**
     * "Did you mean" for a missing path: the same file name elsewhere, else a near spelling of the
     * file name in the same folder, else anywhere. Only files of the same kind are candidates (a
     * missing page suggests a page or folder, a missing image an image, a missing {@code .cpp} a
     * {@code .cpp}), names are compared rather than whole paths, and answers are remembered: a
     * corpus may link to one missing image hundreds of times.
     */
    private static final class Suggestions {
        private static final Set<String> PAGE_EXTENSIONS = Set.of("md", "markdown", "html", "htm");
        private static final Set<String> IMAGE_EXTENSIONS =
                Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico");

        private final Map<String, Kind> kinds = new HashMap<>();
        // shared by the threads that check links
        private final Map<String, Optional<String>> memo = new ConcurrentHashMap<>();

        Suggestions(List<String> paths) {
            for (String p : paths) kinds.computeIfAbsent(kindOf(p), k -> new Kind()).add(p);
        }

        /** Pages and folders are one kind; images another; any other file is its extension's kind. */
        static String kindOf(String path) {
            if (path.endsWith("/")) return "page";
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            if (dot <= 0) return "page";
            String ext = name.substring(dot + 1);
            if (PAGE_EXTENSIONS.contains(ext)) return "page";
            return IMAGE_EXTENSIONS.contains(ext) ? "image" : ext;
        }

        String closest(String missing) {
            return memo.computeIfAbsent(missing, m -> {
                Kind kind = kinds.get(kindOf(m));
                return Optional.ofNullable(kind == null ? null : kind.closest(m));
            }).orElse(null);
        }

        /** The candidates of one kind, with their lookup tables. */
        private static final class Kind {
            private final Map<String, List<String>> byName = new HashMap<>();
            private final Map<String, List<String>> namesInFolder = new HashMap<>();
            private final Map<Character, List<String>> namesByInitial = new HashMap<>();
            private final Map<String, Closest> folderIndex = new ConcurrentHashMap<>();
            private final Map<Character, Closest> initialIndex = new ConcurrentHashMap<>();

            void add(String p) {
                String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
                String name = trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                List<String> same = byName.computeIfAbsent(name, k -> new ArrayList<>());
                same.add(p);
                namesInFolder.computeIfAbsent(folderOf(trimmed), k -> new ArrayList<>()).add(name);
                if (!name.isEmpty() && same.size() == 1) {
                    namesByInitial.computeIfAbsent(name.charAt(0), k -> new ArrayList<>()).add(name);
                }
            }

            String closest(String missing) {
                String trimmed = missing.endsWith("/") ? missing.substring(0, missing.length() - 1) : missing;
                String folder = folderOf(trimmed);
                String name = trimmed.substring(folder.length()).toLowerCase(Locale.ROOT);
                if (name.isEmpty()) return null;
                List<String> same = byName.get(name);
                if (same != null && same.size() == 1) return same.get(0);
                String near = folderIndex.computeIfAbsent(folder,
                        f -> new Closest(namesInFolder.getOrDefault(f, List.of()))).find(name);
                if (near != null) {
                    for (String p : byName.get(near)) {
                        String t = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
                        if (folderOf(t).equals(folder)) return p;
                    }
                }
                String nearName = initialIndex.computeIfAbsent(name.charAt(0),
                        c -> new Closest(namesByInitial.getOrDefault(c, List.of()))).find(name);
                if (nearName == null) return null;
                List<String> matches = byName.get(nearName);
                return matches.size() == 1 ? matches.get(0) : null;
            }
        }
    }
}
