package io.docpulse.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each content file lands in the site, and how a link as written resolves to a site URL.
 *
 * <p>Pages get pretty URLs: {@code guide/setup.md} is served at {@code guide/setup/}, and
 * {@code index.md} or {@code README.md} is the index page of its folder. Routes are relative to
 * the site root, with no leading slash ({@code ""} is the home page).
 */
public final class Routes {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern ESCAPED_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)\\\\:");

    private final Map<String, String> pageRoutes;
    private final Map<String, String> routeOwners;
    private final Set<String> assets;
    /** Files in hidden folders: they exist for links, and are copied only when linked. */
    private final Set<String> hidden;
    private final Set<String> folders;
    private final Map<String, String> lowerCasePages;
    private final Map<String, String> lowerCaseFolders;
    private final Map<String, String> lowerCaseAssets;
    private final String basePath;
    private final Pattern forge;
    private final String repoContentPrefix;
    private final List<Finding> findings;

    /**
     * @param content           the discovered content
     * @param basePath          the path the site is served under, {@code /} or {@code /docs/}
     * @param repoUrl           the forge URL of the repository ({@code https://github.com/org/repo}), or empty
     * @param repoContentPrefix the content root's folder inside the repository ({@code docs/}), or empty
     */
    public Routes(ContentSet content, String basePath, String repoUrl, String repoContentPrefix) {
        this.basePath = basePath;
        this.repoContentPrefix = repoContentPrefix;
        this.forge = repoUrl == null || repoUrl.isBlank() ? null
                : Pattern.compile("^" + Pattern.quote(stripSlash(repoUrl)) + "(?:/-)?/(?:blob|tree|raw|edit|src)/[^/]+/(.*)$");
        Map<String, String> routes = new TreeMap<>();
        Map<String, String> owners = new HashMap<>();
        List<Finding> problems = new ArrayList<>();
        Set<String> folderSet = new HashSet<>();
        folderSet.add("");
        // index.md wins over README.md, as in MkDocs; the loser keeps a route of its own.
        Map<String, String> folderIndex = new HashMap<>();
        for (SourceFile f : content.pages()) {
            String name = f.path().substring(f.folder().length()).toLowerCase(Locale.ROOT);
            if (name.equals("index.md") || (name.equals("readme.md") && !folderIndex.containsKey(f.folder()))) {
                String previous = folderIndex.put(f.folder(), f.path());
                if (previous != null) {
                    problems.add(new Finding("index-conflict", Severity.NOTE, SourceRef.file(previous),
                            "the folder has both " + previous.substring(f.folder().length()) + " and "
                                    + f.path().substring(f.folder().length()) + "; the index.md is the folder's index page",
                            "rename one of them, or give the README a front-matter title so it is easy to find at its own URL"));
                }
            }
        }
        for (SourceFile f : content.pages()) {
            String folder = f.folder();
            for (int i = folder.indexOf('/'); i >= 0; i = folder.indexOf('/', i + 1)) {
                folderSet.add(folder.substring(0, i + 1));
            }
            String route = f.path().equals(folderIndex.get(folder)) ? folder : folder + f.baseName() + "/";
            String owner = owners.get(route);
            if (owner != null) {
                String alt = route.substring(0, route.length() - 1) + "-page/";
                problems.add(new Finding("route-conflict", Severity.WARNING, SourceRef.file(f.path()),
                        "this page and " + owner + " would both be served at /" + route + "; this one is served at /" + alt,
                        "rename one of the two files"));
                route = alt;
            }
            owners.put(route, f.path());
            routes.put(f.path(), route);
        }
        Map<String, String> lower = new HashMap<>();
        routes.keySet().forEach(p -> lower.putIfAbsent(p.toLowerCase(Locale.ROOT), p));
        this.pageRoutes = Collections.unmodifiableMap(routes);
        this.routeOwners = Collections.unmodifiableMap(owners);
        this.assets = Set.copyOf(content.assets().stream().map(SourceFile::path).toList());
        this.hidden = Set.copyOf(content.hidden().stream().map(SourceFile::path).toList());
        this.folders = Set.copyOf(folderSet);
        this.lowerCasePages = Map.copyOf(lower);
        Map<String, String> lowerFolders = new HashMap<>();
        new java.util.TreeSet<>(folderSet).forEach(f -> lowerFolders.putIfAbsent(f.toLowerCase(Locale.ROOT), f));
        this.lowerCaseFolders = Map.copyOf(lowerFolders);
        Map<String, String> lowerAssets = new HashMap<>();
        content.assets().forEach(a -> lowerAssets.putIfAbsent(a.path().toLowerCase(Locale.ROOT), a.path()));
        content.hidden().forEach(a -> lowerAssets.putIfAbsent(a.path().toLowerCase(Locale.ROOT), a.path()));
        this.lowerCaseAssets = Map.copyOf(lowerAssets);
        this.findings = List.copyOf(problems);
    }

    /** Problems with the URL layout itself (two pages on one URL). */
    public List<Finding> findings() {
        return findings;
    }

    /** The route of a page, by its content path. */
    public String routeOf(String pagePath) {
        String r = pageRoutes.get(pagePath);
        if (r == null) throw new IllegalArgumentException("not a page: " + pagePath);
        return r;
    }

    /** Whether a normalized content path is a page, folder or asset, ignoring case. */
    private boolean exists(String normal) {
        if (normal == null) return false;
        String lower = normal.toLowerCase(Locale.ROOT);
        return lowerCasePages.containsKey(lower) || lowerCasePages.containsKey(lower + ".md")
                || lowerCaseAssets.containsKey(lower)
                || lowerCaseFolders.containsKey(lower.isEmpty() || lower.endsWith("/") ? lower : lower + "/");
    }

    /** Whether a content path is a file in a hidden folder (or a hidden file), copied only when linked. */
    public boolean isHidden(String path) {
        return hidden.contains(path);
    }

    /** The content path of the page served at {@code route}, or null. */
    public String pageAt(String route) {
        return routeOwners.get(route);
    }

    /** Every folder that holds pages (directly or below), as {@code a/b/}, including the root {@code ""}. */
    public Set<String> folders() {
        return folders;
    }

    public String basePath() {
        return basePath;
    }

    /** What a link target resolved to. */
    public enum Kind { EXTERNAL, SAME_PAGE, PAGE, FOLDER, ASSET, OUTSIDE, MISSING }

    /**
     * A link target as the site sees it.
     *
     * @param kind        what it points at
     * @param contentPath the content path it points at ({@code a/b.md}, {@code a/}, {@code img/x.png}), or empty
     * @param route       the site route it points at, or empty when it does not point into the site
     * @param fragment    the {@code #fragment} without the hash, decoded, or empty
     * @param suffix      query and fragment exactly as written ({@code ?x=1#y}), or empty
     * @param caseDiffers the path as written matches {@link #contentPath()} only when case is ignored
     *                    (the site links to the real file; case-sensitive hosts such as GitHub would not)
     */
    public record Target(Kind kind, String contentPath, String route, String fragment, String suffix,
                         boolean caseDiffers) {
        public Target(Kind kind, String contentPath, String route, String fragment, String suffix) {
            this(kind, contentPath, route, fragment, suffix, false);
        }

        public boolean internal() {
            return kind != Kind.EXTERNAL && kind != Kind.OUTSIDE;
        }
    }

    /**
     * Resolves a link as written on a page.
     *
     * @param fromPath content path of the page the link is on
     * @param raw      the link target as written
     */
    public Target resolve(String fromPath, String raw) {
        String target = raw.strip();
        if (target.isEmpty()) return new Target(Kind.SAME_PAGE, fromPath, routeOf(fromPath), "", "");
        // `https\://host` (an escaped colon, written to stop GitHub from linking it) reaches us from
        // the autolinker with its backslash; it is a URL, not a Windows path
        target = unescapeScheme(target);
        if (forge != null) {
            Matcher m = forge.matcher(target);
            if (m.matches()) {
                String inRepo = m.group(1);
                if (!inRepo.startsWith(repoContentPrefix)) return new Target(Kind.EXTERNAL, "", "", "", "");
                target = "/" + inRepo.substring(repoContentPrefix.length());
            }
        }
        if (target.startsWith("//") || SCHEME.matcher(target).find()) {
            return new Target(Kind.EXTERNAL, "", "", "", "");
        }
        int cut = indexOfAny(target, '?', '#');
        String pathPart = cut < 0 ? target : target.substring(0, cut);
        String suffix = cut < 0 ? "" : target.substring(cut);
        int hash = suffix.indexOf('#');
        String fragment = hash < 0 ? "" : percentDecode(suffix.substring(hash + 1));
        if (pathPart.isEmpty()) {
            return new Target(Kind.SAME_PAGE, fromPath, routeOf(fromPath), fragment, suffix);
        }
        String decoded = percentDecode(pathPart.replace('\\', '/'));
        String joined;
        if (decoded.startsWith("/")) {
            String abs = decoded;
            if (basePath.length() > 1 && (abs + "/").startsWith(basePath)) {
                abs = abs.substring(basePath.length() - 1);
            } else if (!repoContentPrefix.isEmpty() && abs.startsWith("/" + repoContentPrefix)) {
                abs = abs.substring(repoContentPrefix.length());
            } else if (basePath.length() > 1 && !exists(normalize(abs.substring(1)))) {
                // Not under the base path and not a GitHub-style path from the repository root:
                // a page of another site on the same host.
                return new Target(Kind.EXTERNAL, "", "", fragment, suffix);
            }
            joined = abs.substring(1);
        } else {
            joined = folderOf(fromPath) + decoded;
        }
        boolean trailingSlash = joined.endsWith("/");
        String normal = normalize(joined);
        if (normal == null) return new Target(Kind.OUTSIDE, "", "", fragment, suffix);
        if (pageRoutes.containsKey(normal)) {
            return new Target(Kind.PAGE, normal, pageRoutes.get(normal), fragment, suffix);
        }
        String asFolder = normal.isEmpty() || normal.endsWith("/") ? normal : normal + "/";
        if (folders.contains(asFolder)) {
            return new Target(Kind.FOLDER, asFolder, asFolder, fragment, suffix);
        }
        if (assets.contains(normal) || hidden.contains(normal)) {
            return new Target(Kind.ASSET, normal, normal, fragment, suffix);
        }
        if (!trailingSlash && pageRoutes.containsKey(normal + ".md")) {
            return new Target(Kind.PAGE, normal + ".md", pageRoutes.get(normal + ".md"), fragment, suffix);
        }
        // a link to the built URL of a page (guide/setup/ for guide/setup.md)
        String owner = routeOwners.get(asFolder);
        if (owner != null) return new Target(Kind.PAGE, owner, asFolder, fragment, suffix);
        // Docs written on Windows or macOS often get the case of a file name wrong.
        String lower = normal.toLowerCase(Locale.ROOT);
        String page = lowerCasePages.get(lower);
        if (page == null && !trailingSlash) page = lowerCasePages.get(lower + ".md");
        if (page != null) return new Target(Kind.PAGE, page, pageRoutes.get(page), fragment, suffix, true);
        String folder = lowerCaseFolders.get(lower.endsWith("/") || lower.isEmpty() ? lower : lower + "/");
        if (folder != null) return new Target(Kind.FOLDER, folder, folder, fragment, suffix, true);
        String asset = lowerCaseAssets.get(lower);
        if (asset != null) return new Target(Kind.ASSET, asset, asset, fragment, suffix, true);
        String route = lower.endsWith(".md") ? routeFor(normal) : normal;
        return new Target(Kind.MISSING, normal, route, fragment, suffix);
    }

    /** {@code https\\://x} becomes {@code https://x}; anything else is returned as it is. */
    public static String unescapeScheme(String url) {
        Matcher escaped = ESCAPED_SCHEME.matcher(url);
        return escaped.find() ? escaped.group(1) + ":" + url.substring(escaped.end()) : url;
    }

    /** Every page path, asset path and folder, for suggesting the closest one to a broken link. */
    public java.util.List<String> allPaths() {
        java.util.List<String> out = new ArrayList<>(pageRoutes.keySet());
        out.addAll(assets);
        folders.stream().filter(f -> !f.isEmpty()).forEach(out::add);
        java.util.Collections.sort(out);
        return out;
    }

    /** The href that leads from the page at {@code fromRoute} to {@code target}. */
    public static String href(String fromRoute, Target target) {
        return encodePath(relative(fromRoute, target.route())) + target.suffix();
    }

    /** The relative URL from the page at route {@code from} to route {@code to}. */
    public static String relative(String from, String to) {
        String fromDir = from.endsWith("/") || from.isEmpty() ? from : from.substring(0, from.lastIndexOf('/') + 1);
        String[] a = fromDir.isEmpty() ? new String[0] : fromDir.split("/");
        String[] b = to.isEmpty() ? new String[0] : to.split("/", -1);
        int common = 0;
        while (common < a.length && common < b.length - 1 && a[common].equals(b[common])) common++;
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < a.length; i++) sb.append("../");
        for (int i = common; i < b.length; i++) {
            sb.append(b[i]);
            if (i < b.length - 1) sb.append('/');
        }
        return sb.length() == 0 ? "./" : sb.toString();
    }

    /** The prefix that leads from {@code route} back to the site root ({@code ../../} or {@code ./}). */
    public static String rootPrefix(String route) {
        return relative(route, "");
    }

    /** The route a Markdown path would have if it existed. */
    public static String routeFor(String mdPath) {
        int slash = mdPath.lastIndexOf('/');
        String folder = mdPath.substring(0, slash + 1);
        String name = mdPath.substring(slash + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("index.md") || lower.equals("readme.md")) return folder;
        int dot = name.lastIndexOf('.');
        return folder + (dot > 0 ? name.substring(0, dot) : name) + "/";
    }

    /** Resolves {@code .} and {@code ..}; null when the path climbs above the root. */
    static String normalize(String path) {
        String[] parts = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (out.isEmpty()) return null;
                out.remove(out.size() - 1);
            } else {
                out.add(p);
            }
        }
        String joined = String.join("/", out);
        return path.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
    }

    static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** Decodes {@code %XX} escapes as UTF-8; a malformed escape is kept as written. */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out[n++] = (byte) Integer.parseInt(s.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(b, 0, out, n, b.length);
                n += b.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Escapes the characters a URL path cannot carry as they are. */
    public static String encodePath(String path) {
        StringBuilder sb = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            String rep = switch (c) {
                case ' ' -> "%20";
                case '%' -> "%25";
                case '?' -> "%3F";
                case '#' -> "%23";
                case '"' -> "%22";
                case '<' -> "%3C";
                case '>' -> "%3E";
                default -> null;
            };
            if (rep != null && sb == null) sb = new StringBuilder(path.substring(0, i));
            if (sb != null) {
                if (rep != null) sb.append(rep);
                else sb.append(c);
            }
        }
        return sb == null ? path : sb.toString();
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) return i;
        }
        return -1;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
