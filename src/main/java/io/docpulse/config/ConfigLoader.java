package io.docpulse.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code docpulse.yml}. Every key is checked against the known ones; an unknown key is an
 * error that names the file, the line and the closest known key.
 */
public final class ConfigLoader {
    /** The config file's name, looked for next to the content folder and then inside it. */
    public static final String FILE_NAME = "docpulse.yml";

    /** Every key docpulse knows, with what it holds (for messages and docs). */
    static final Map<String, String> KEYS = keys();

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("site_name", "text");
        k.put("site_description", "text");
        k.put("base_url", "URL or path");
        k.put("repo_url", "URL");
        k.put("edit_branch", "text");
        k.put("theme", "name");
        k.put("language", "language code");
        k.put("cache_dir", "path");
        k.put("drafts", "true or false");
        // a section of settings, or (MkDocs' form) the list of the sidebar's entries: read by navList
        k.put("nav", "section");
        k.put("nav.max_siblings", "whole number");
        k.put("links", "section");
        k.put("links.check_external", "true or false");
        k.put("links.ignore", "list");
        k.put("links.timeout", "whole number");
        k.put("links.max_concurrency", "whole number");
        k.put("links.max_per_host", "whole number");
        k.put("links.retries", "whole number");
        k.put("links.max_redirects", "whole number");
        k.put("links.cache_hours", "whole number");
        k.put("freshness", "section");
        k.put("freshness.budgets", "map of page type to days");
        k.put("freshness.file_times", "true or false");
        k.put("findability", "section");
        k.put("findability.max_depth", "whole number");
        k.put("findability.near_duplicates_expected", "list");
        k.put("questions", "list");
        k.put("readiness", "section");
        k.put("readiness.weights", "map of score to weight");
        k.put("readiness.not_applicable", "list");
        k.put("readiness.queries", "map of category to query");
        k.put("readiness.rules", "map of rule to true or false");
        k.put("readiness.stub_words", "whole number");
        k.put("gate", "section");
        k.put("gate.fail_under", "whole number");
        k.put("gate.max_errors", "whole number");
        k.put("gate.max_warnings", "whole number");
        k.put("gate.min_scores", "map of score to minimum");
        k.put("search", "section");
        k.put("search.vectors", "true or false");
        k.put("search.lexical_weight", "number from 0 to 1");
        return k;
    }

    private ConfigLoader() {
    }

    /** The config file to use for a content folder when none is given: next to it, else inside it. */
    public static Optional<Path> locate(Path contentDir) {
        Path abs = contentDir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent != null && Files.isRegularFile(parent.resolve(FILE_NAME))) return Optional.of(parent.resolve(FILE_NAME));
        if (Files.isRegularFile(abs.resolve(FILE_NAME))) return Optional.of(abs.resolve(FILE_NAME));
        return Optional.empty();
    }

    public static Config load(Optional<Path> file) throws ConfigException {
        if (file.isEmpty()) return Config.defaults();
        Path path = file.get();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path, 0, "config file not found", "check the path given to --config");
        }
        Node root;
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(r);
        } catch (MarkedYAMLException e) {
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String what = e.getContext() != null ? e.getContext() + ", " + e.getProblem() : e.getProblem();
            throw new ConfigException(path, line, "not valid YAML: " + what,
                    "quote values that contain ': ' or start with a special character");
        } catch (YAMLException | IOException e) {
            throw new ConfigException(path, 0, "cannot read: " + e.getMessage(), "");
        }
        Map<String, ScalarNode> values = new HashMap<>();
        Map<String, List<ScalarNode>> lists = new HashMap<>();
        Map<String, Map<String, ScalarNode>> maps = new HashMap<>();
        List<NavEntry> navList = List.of();
        if (root != null) {
            if (!(root instanceof MappingNode map)) {
                throw new ConfigException(path, line(root), "the config must be a map of key: value",
                        "write one `key: value` per line, for example site_name: Team handbook");
            }
            List<ConfigException> unknown = new ArrayList<>();
            collect(path, "", map, values, lists, maps, unknown);
            // every unknown key at once, so a pasted config is fixed in one go
            if (!unknown.isEmpty()) throw unknown.get(0).with(unknown.subList(1, unknown.size()));
            navList = navList(path, map);
        }
        Config d = Config.defaults();
        String baseUrl = text(values, "base_url", d.baseUrl());
        if (!baseUrl.isEmpty()) {
            try {
                URI u = new URI(baseUrl);
                if (u.getScheme() != null && u.getHost() == null) throw new URISyntaxException(baseUrl, "no host");
            } catch (URISyntaxException e) {
                throw new ConfigException(path, line(values.get("base_url")), "base_url is not a URL: " + baseUrl,
                        "write it as https://example.com/docs/ or /docs/");
            }
        }
        return new Config(file, text(values, "site_name", d.siteName()), text(values, "site_description", d.siteDescription()),
                baseUrl, text(values, "repo_url", d.repoUrl()), text(values, "edit_branch", d.editBranch()),
                text(values, "theme", d.theme()), text(values, "language", d.language()),
                text(values, "cache_dir", d.cacheDir()), number(path, values, "nav.max_siblings", d.navMaxSiblings()),
                bool(path, values, "drafts", d.drafts()), links(path, values, lists),
                freshness(path, values, maps), number(path, values, "findability.max_depth", d.maxClickDepth()),
                readiness(path, values, lists, maps), gate(path, values, maps),
                nearDuplicatesExpected(path, lists), navList, questions(path, lists), search(path, values));
    }

    /**
     * {@code nav:} written as a list (MkDocs' form), or empty when it is a section of settings or
     * absent. Every malformed entry is reported at once; whether the pages and folders exist is
     * checked against the content folder once it is read.
     */
    private static List<NavEntry> navList(Path file, MappingNode root) throws ConfigException {
        for (NodeTuple t : root.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("nav")
                    && t.getValueNode() instanceof SequenceNode seq) {
                List<ConfigException> problems = new ArrayList<>();
                List<NavEntry> entries = navEntries(file, seq, new HashMap<>(), problems);
                if (!problems.isEmpty()) throw problems.get(0).with(problems.subList(1, problems.size()));
                if (entries.isEmpty()) {
                    throw new ConfigException(file, line(seq), "'nav' is an empty list",
                            "list the pages in the order the sidebar shows them, for example\n  nav:\n    - index.md");
                }
                return entries;
            }
        }
        return List.of();
    }

    private static final String NAV_FORMS = "write each entry as `- page.md`, `- Title: page.md`, `- Title: https://...`"
            + " or `- Title:` with its own list of entries indented under it";

    private static List<NavEntry> navEntries(Path file, SequenceNode seq, Map<String, Integer> seen,
                                             List<ConfigException> problems) {
        List<NavEntry> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            int line = line(item);
            if (item instanceof ScalarNode s) {
                navTarget(file, "", s, seen, problems).ifPresent(t -> out.add(new NavEntry("", t, List.of(), line)));
            } else if (item instanceof MappingNode m && m.getValue().size() == 1
                    && m.getValue().get(0).getKeyNode() instanceof ScalarNode k && !k.getValue().isBlank()) {
                String title = k.getValue().strip();
                Node v = m.getValue().get(0).getValueNode();
                if (v instanceof SequenceNode children) {
                    List<NavEntry> inner = navEntries(file, children, seen, problems);
                    if (children.getValue().isEmpty()) {
                        problems.add(new ConfigException(file, line, "nav: the section '" + title + "' has no entries",
                                "list its pages under it, or remove it"));
                    } else if (!inner.isEmpty()) {
                        out.add(new NavEntry(title, "", inner, line));
                    }
                } else if (v instanceof ScalarNode s && !s.getValue().isBlank()) {
                    navTarget(file, title, s, seen, problems).ifPresent(t -> out.add(new NavEntry(title, t, List.of(), line)));
                } else {
                    problems.add(new ConfigException(file, line, "nav: '" + title + "' leads nowhere", NAV_FORMS));
                }
            } else {
                problems.add(new ConfigException(file, line, "nav: this entry is not a page, a link or a section",
                        NAV_FORMS));
            }
        }
        return out;
    }

    /** A page, folder or URL as written, cleaned up; empty (and a problem added) when it cannot be one. */
    private static Optional<String> navTarget(Path file, String title, ScalarNode node, Map<String, Integer> seen,
                                              List<ConfigException> problems) {
        String raw = node.getValue().strip();
        int line = line(node);
        String shown = title.isEmpty() ? "'" + raw + "'" : "'" + title + ": " + raw + "'";
        if (NavEntry.isUrl(raw)) return Optional.of(raw);
        String path = raw.replace('\\', '/');
        while (path.startsWith("./")) path = path.substring(2);
        boolean outside = path.startsWith("/") || java.util.Arrays.asList(path.split("/")).contains("..");
        if (path.isEmpty() || outside) {
            problems.add(new ConfigException(file, line, "nav: " + shown + " is not a page inside the content folder",
                    "write the path relative to the content folder, such as guides/ci.md, or a full URL such as"
                            + " https://example.com/ for a link"));
            return Optional.empty();
        }
        boolean folder = path.endsWith("/");
        if (!folder && !path.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
            problems.add(new ConfigException(file, line, "nav: " + shown + " is not a Markdown page",
                    "list .md files, folders ending in / (guides/), or full URLs (https://...)"));
            return Optional.empty();
        }
        Integer first = seen.putIfAbsent(path, line);
        if (first != null) {
            problems.add(new ConfigException(file, line, "nav: " + shown + " is listed twice (first on line " + first + ")",
                    "list each page once; the sidebar can show it in one place only"));
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /**
     * The questions files and chat exports, relative to the config file's folder. Each must be there,
     * and inside that folder or the git repository it is in: docpulse reads nothing else.
     */
    private static List<Path> questions(Path file, Map<String, List<ScalarNode>> lists) throws ConfigException {
        List<Path> out = new ArrayList<>();
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path allowed = folder;
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                allowed = p;
                break;
            }
        }
        for (ScalarNode n : lists.getOrDefault("questions", List.of())) {
            String entry = n.getValue().strip();
            Path p = folder.resolve(entry).normalize();
            boolean inside = !entry.isEmpty() && p.startsWith(allowed);
            if (inside && Files.exists(p)) {
                try {
                    inside = p.toRealPath().startsWith(allowed.toRealPath());
                } catch (IOException e) {
                    inside = false;
                }
            }
            if (!inside) {
                throw new ConfigException(file, line(n), "questions: '" + n.getValue()
                        + "' is outside the folder of docpulse.yml and its repository",
                        "list files or folders inside " + allowed + ", relative to the folder of docpulse.yml");
            }
            if (!Files.exists(p)) {
                throw new ConfigException(file, line(n), "questions: '" + n.getValue() + "' does not exist",
                        "give a questions file (questions.md, questions.txt) or a Slack channel export folder,"
                                + " relative to the folder of docpulse.yml");
            }
            if (!out.contains(p)) out.add(p);
        }
        return out;
    }

    private static SearchConfig search(Path file, Map<String, ScalarNode> values) throws ConfigException {
        SearchConfig d = SearchConfig.defaults();
        double weight = d.lexicalWeight();
        ScalarNode w = values.get("search.lexical_weight");
        if (w != null) {
            try {
                weight = Double.parseDouble(w.getValue().strip());
                if (!(weight >= 0 && weight <= 1)) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new ConfigException(file, line(w), "'search.lexical_weight' must be a number from 0 to 1, not '"
                        + w.getValue() + "'", "for example lexical_weight: " + d.lexicalWeight());
            }
        }
        return new SearchConfig(bool(file, values, "search.vectors", d.vectors()), weight,
                line(values.get("search.vectors")));
    }

    /** Folders and pages relative to the content folder; a folder keeps its trailing slash. */
    private static List<String> nearDuplicatesExpected(Path file, Map<String, List<ScalarNode>> lists)
            throws ConfigException {
        List<String> out = new java.util.ArrayList<>();
        for (ScalarNode n : lists.getOrDefault("findability.near_duplicates_expected", List.of())) {
            String entry = n.getValue().strip().replace('\\', '/');
            while (entry.startsWith("./")) entry = entry.substring(2);
            boolean bad = entry.isEmpty() || entry.startsWith("/") || entry.contains("*")
                    || java.util.Arrays.asList(entry.split("/")).contains("..");
            if (bad) {
                throw new ConfigException(file, line(n), "findability.near_duplicates_expected: '" + n.getValue()
                        + "' is not a folder or page inside the content folder",
                        "write a path relative to the content folder, such as security/cves/ (a folder) or"
                                + " releases/v2.md (a page), without wildcards");
            }
            out.add(entry);
        }
        return out;
    }

    private static FreshnessConfig freshness(Path file, Map<String, ScalarNode> values,
                                             Map<String, Map<String, ScalarNode>> maps) throws ConfigException {
        Map<String, Integer> budgets = new java.util.TreeMap<>(FreshnessConfig.defaults().budgets());
        for (Map.Entry<String, ScalarNode> e : maps.getOrDefault("freshness.budgets", Map.of()).entrySet()) {
            budgets.put(e.getKey(), number(file, Map.of("freshness.budgets." + e.getKey(), e.getValue()),
                    "freshness.budgets." + e.getKey(), 365));
        }
        return new FreshnessConfig(budgets, bool(file, values, "freshness.file_times", false));
    }

    private static GateConfig gate(Path file, Map<String, ScalarNode> values,
                                   Map<String, Map<String, ScalarNode>> maps) throws ConfigException {
        Map<String, Integer> min = new LinkedHashMap<>();
        for (Map.Entry<String, ScalarNode> e : maps.getOrDefault("gate.min_scores", Map.of()).entrySet()) {
            String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!ReadinessConfig.SCORES.contains(key)) {
                throw new ConfigException(file, line(e.getValue()), "gate.min_scores: unknown score '" + e.getKey() + "'",
                        "the scores are " + String.join(", ", ReadinessConfig.SCORES));
            }
            int v = numberOrZero(file, Map.of("gate.min_scores." + e.getKey(), e.getValue()), "gate.min_scores." + e.getKey(), 70);
            if (v > 100) {
                throw new ConfigException(file, line(e.getValue()), "gate.min_scores." + e.getKey() + " must be 0 to 100",
                        "for example " + e.getKey() + ": 70");
            }
            min.put(key, v);
        }
        int failUnder = values.containsKey("gate.fail_under") ? numberOrZero(file, values, "gate.fail_under", 70) : -1;
        if (failUnder > 100) {
            throw new ConfigException(file, line(values.get("gate.fail_under")), "gate.fail_under must be 0 to 100",
                    "for example fail_under: 70");
        }
        return new GateConfig(failUnder,
                values.containsKey("gate.max_errors") ? numberOrZero(file, values, "gate.max_errors", 0) : -1,
                values.containsKey("gate.max_warnings") ? numberOrZero(file, values, "gate.max_warnings", 0) : -1, min);
    }

    private static ReadinessConfig readiness(Path file, Map<String, ScalarNode> values,
                                             Map<String, List<ScalarNode>> lists,
                                             Map<String, Map<String, ScalarNode>> maps) throws ConfigException {
        ReadinessConfig d = ReadinessConfig.defaults();
        Map<String, Double> weights = new LinkedHashMap<>(d.weights());
        for (Map.Entry<String, ScalarNode> e : maps.getOrDefault("readiness.weights", Map.of()).entrySet()) {
            String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!ReadinessConfig.SCORES.contains(key)) {
                throw new ConfigException(file, line(e.getValue()), "readiness.weights: unknown score '" + e.getKey() + "'",
                        "the scores are " + String.join(", ", ReadinessConfig.SCORES));
            }
            try {
                double w = Double.parseDouble(e.getValue().getValue().strip());
                if (w < 0 || Double.isNaN(w) || Double.isInfinite(w)) throw new NumberFormatException();
                weights.put(key, w);
            } catch (NumberFormatException ex) {
                throw new ConfigException(file, line(e.getValue()), "readiness.weights." + e.getKey()
                        + " must be a number, 0 or more, not '" + e.getValue().getValue() + "'",
                        "for example " + e.getKey() + ": 0.2");
            }
        }
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new ConfigException(file, line(values.get("readiness.weights")), "readiness.weights are all 0",
                    "give at least one score a weight above 0");
        }
        Map<String, String> queries = new LinkedHashMap<>();
        for (Map.Entry<String, ScalarNode> e : maps.getOrDefault("readiness.queries", Map.of()).entrySet()) {
            if (!e.getKey().matches("[a-z][a-z0-9_-]*")) {
                throw new ConfigException(file, line(e.getValue()), "readiness.queries: '" + e.getKey()
                        + "' is not a category name", "use lower-case letters, digits, - and _, for example security");
            }
            queries.put(e.getKey(), e.getValue().getValue());
        }
        java.util.Set<String> notApplicable = new java.util.TreeSet<>();
        for (ScalarNode n : lists.getOrDefault("readiness.not_applicable", List.of())) {
            String c = n.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            if (!ReadinessConfig.CATEGORIES.contains(c) && !queries.containsKey(c)) {
                throw new ConfigException(file, line(n), "readiness.not_applicable: unknown category '" + n.getValue() + "'",
                        "the categories are " + String.join(", ", ReadinessConfig.CATEGORIES));
            }
            notApplicable.add(c);
        }
        Map<String, Boolean> rules = new LinkedHashMap<>();
        for (Map.Entry<String, ScalarNode> e : maps.getOrDefault("readiness.rules", Map.of()).entrySet()) {
            if (!ReadinessConfig.RULES.contains(e.getKey())) {
                throw new ConfigException(file, line(e.getValue()), "readiness.rules: unknown rule '" + e.getKey() + "'",
                        "the rules are " + String.join(", ", ReadinessConfig.RULES));
            }
            rules.put(e.getKey(), bool(file, Map.of("readiness.rules." + e.getKey(), e.getValue()),
                    "readiness.rules." + e.getKey(), true));
        }
        return new ReadinessConfig(weights, notApplicable, queries, rules,
                number(file, values, "readiness.stub_words", d.stubWords()));
    }

    private static LinksConfig links(Path file, Map<String, ScalarNode> values, Map<String, List<ScalarNode>> lists)
            throws ConfigException {
        LinksConfig d = LinksConfig.defaults();
        List<String> ignore = new java.util.ArrayList<>();
        for (ScalarNode n : lists.getOrDefault("links.ignore", List.of())) {
            try {
                java.util.regex.Pattern.compile(n.getValue());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ConfigException(file, line(n), "links.ignore: '" + n.getValue() + "' is not a valid regular expression: "
                        + e.getDescription(), "escape special characters with a backslash, for example \\. for a dot");
            }
            ignore.add(n.getValue());
        }
        return new LinksConfig(bool(file, values, "links.check_external", d.checkExternal()), ignore,
                number(file, values, "links.timeout", d.timeoutSeconds()),
                number(file, values, "links.max_concurrency", d.maxConcurrency()),
                number(file, values, "links.max_per_host", d.maxPerHost()),
                numberOrZero(file, values, "links.retries", d.retries()),
                numberOrZero(file, values, "links.max_redirects", d.maxRedirects()),
                numberOrZero(file, values, "links.cache_hours", d.cacheHours()));
    }

    private static int numberOrZero(Path file, Map<String, ScalarNode> values, String key, int fallback)
            throws ConfigException {
        ScalarNode n = values.get(key);
        if (n == null) return fallback;
        try {
            int v = Integer.parseInt(n.getValue().strip());
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, line(n), "'" + key + "' must be a whole number, 0 or more, not '" + n.getValue() + "'",
                    "for example " + key.substring(key.lastIndexOf('.') + 1) + ": " + fallback);
        }
    }

    private static void collect(Path file, String prefix, MappingNode map, Map<String, ScalarNode> out,
                                Map<String, List<ScalarNode>> lists, Map<String, Map<String, ScalarNode>> maps,
                                List<ConfigException> unknown) throws ConfigException {
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String full = prefix + key;
            int line = line(t.getKeyNode());
            String kind = KEYS.get(full);
            if (kind == null) {
                String closest = closest(full);
                unknown.add(new ConfigException(file, line, "unknown key '" + full + "'",
                        closest == null ? "known keys: " + String.join(", ", KEYS.keySet())
                                : "did you mean '" + closest + "'?"));
                continue;
            }
            Node v = t.getValueNode();
            if (kind.equals("section")) {
                if (full.equals("nav") && v instanceof SequenceNode) {
                    continue; // the list form, read by navList
                } else if (v instanceof MappingNode m) {
                    collect(file, full + ".", m, out, lists, maps, unknown);
                } else if (full.equals("nav") && !(v instanceof ScalarNode s && s.getValue().isEmpty())) {
                    throw new ConfigException(file, line, "'nav' must be a list of pages or a section of keys",
                            "list the pages, for example\n  nav:\n    - index.md\n    - Guides:\n        - guides/ci.md\n"
                                    + "or set max_siblings under it:\n  nav:\n    max_siblings: 20");
                } else if (!(v instanceof ScalarNode s && (s.getValue().isEmpty()))) {
                    throw new ConfigException(file, line, "'" + full + "' must be a section of keys",
                            "indent its keys under it, for example\n  " + full + ":\n    " + firstKeyOf(full) + ": ...");
                }
            } else if (kind.startsWith("map")) {
                Map<String, ScalarNode> entries = new java.util.LinkedHashMap<>();
                if (v instanceof MappingNode m) {
                    for (NodeTuple e : m.getValue()) {
                        if (!(e.getKeyNode() instanceof ScalarNode k) || !(e.getValueNode() instanceof ScalarNode sv)) {
                            throw new ConfigException(file, line(e.getKeyNode()), "'" + full + "' must map names to values",
                                    "for example\n  " + full.substring(full.lastIndexOf('.') + 1) + ":\n    runbook: 90");
                        }
                        entries.put(k.getValue(), sv);
                    }
                } else if (!(v instanceof ScalarNode sn && sn.getValue().isEmpty())) {
                    throw new ConfigException(file, line, "'" + full + "' must be a " + kind, "");
                }
                maps.put(full, entries);
            } else if (kind.equals("list")) {
                List<ScalarNode> items = new java.util.ArrayList<>();
                if (v instanceof SequenceNode seq) {
                    for (Node item : seq.getValue()) {
                        if (!(item instanceof ScalarNode sn)) {
                            throw new ConfigException(file, line(item), "'" + full + "' must be a list of strings", "");
                        }
                        items.add(sn);
                    }
                } else if (v instanceof ScalarNode sn && !sn.getValue().isBlank()) {
                    items.add(sn);
                }
                lists.put(full, items);
            } else if (v instanceof ScalarNode s) {
                out.put(full, s);
            } else {
                throw new ConfigException(file, line, "'" + full + "' must be a single value (" + kind + ")", "");
            }
        }
    }

    private static String firstKeyOf(String section) {
        for (String k : KEYS.keySet()) {
            if (k.startsWith(section + ".")) return k.substring(section.length() + 1);
        }
        return "key";
    }

    /** The known key with the smallest edit distance, when it is close enough to be a typo. */
    static String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : KEYS.keySet()) {
            int d = distance(key, known);
            String tail = known.substring(known.lastIndexOf('.') + 1);
            d = Math.min(d, distance(key, tail) + 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static int line(Node n) {
        return n == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String text(Map<String, ScalarNode> values, String key, String fallback) {
        ScalarNode n = values.get(key);
        return n == null ? fallback : n.getValue().strip();
    }

    private static int number(Path file, Map<String, ScalarNode> values, String key, int fallback)
            throws ConfigException {
        ScalarNode n = values.get(key);
        if (n == null) return fallback;
        try {
            int v = Integer.parseInt(n.getValue().strip());
            if (v < 1) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, line(n), "'" + key + "' must be a whole number above 0, not '" + n.getValue() + "'",
                    "for example " + key.substring(key.lastIndexOf('.') + 1) + ": " + fallback);
        }
    }

    private static boolean bool(Path file, Map<String, ScalarNode> values, String key, boolean fallback)
            throws ConfigException {
        ScalarNode n = values.get(key);
        if (n == null) return fallback;
        String v = n.getValue().strip();
        if (List.of("true", "yes", "on").contains(v)) return true;
        if (List.of("false", "no", "off").contains(v)) return false;
        throw new ConfigException(file, line(n), "'" + key + "' must be true or false, not '" + v + "'", "");
    }
}
