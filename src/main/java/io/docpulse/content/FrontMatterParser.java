package io.docpulse.content;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

/** Splits the YAML front matter off a page and reads it, reporting problems with their line. */
final class FrontMatterParser {

    /** The front matter and the rest of the text, with the front matter's lines left blank. */
    record Split(FrontMatter frontMatter, String body, List<Finding> findings) {
    }

    private FrontMatterParser() {
    }

    static Split split(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
            return new Split(FrontMatter.NONE, text, findings);
        }
        int end = -1;
        int pos = text.indexOf('\n') + 1;
        int closingLine = 0;
        int line = 2;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            String l = (nl < 0 ? text.substring(pos) : text.substring(pos, nl)).stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                end = nl < 0 ? text.length() : nl + 1;
                closingLine = line;
                break;
            }
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }
        if (end < 0) {
            findings.add(new Finding("front-matter-unclosed", Severity.ERROR, SourceRef.line(file, 1),
                    "front matter starts with --- on line 1 but is never closed",
                    "add a line with --- after the last front-matter key, or remove the --- on line 1"));
            return new Split(FrontMatter.NONE, text, findings);
        }
        String yaml = text.substring(text.indexOf('\n') + 1, text.lastIndexOf('\n', end - 2) + 1);
        // Keep line numbers of the body as they are in the file: blank out the block.
        String body = "\n".repeat(closingLine) + text.substring(end);
        FrontMatter fm = read(file, yaml, closingLine, findings);
        return new Split(fm, body, findings);
    }

    private static FrontMatter read(String file, String yaml, int lines, List<Finding> findings) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            // Where the broken construct starts (an unclosed quote) is more useful than where
            // the parser gave up (often the end of the block).
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int l = mark != null ? mark.getLine() + 2 : 1;
            int c = mark != null ? mark.getColumn() + 1 : 0;
            String what = e.getContext() != null ? e.getContext() + ", " + e.getProblem() : e.getProblem();
            findings.add(new Finding("front-matter-invalid", Severity.ERROR, new SourceRef(file, l, c),
                    "front matter is not valid YAML: " + what,
                    "fix the YAML between the --- lines (quote values that contain a colon or start with a special character)"));
            return withLines(lines);
        } catch (YAMLException e) {
            findings.add(new Finding("front-matter-invalid", Severity.ERROR, SourceRef.line(file, 1),
                    "front matter is not valid YAML: " + e.getMessage(), "fix the YAML between the --- lines"));
            return withLines(lines);
        }
        if (root == null) return withLines(lines);
        if (!(root instanceof MappingNode map)) {
            findings.add(new Finding("front-matter-invalid", Severity.ERROR, SourceRef.line(file, line(root)),
                    "front matter must be a list of key: value pairs", "write one `key: value` per line"));
            return withLines(lines);
        }
        String title = "";
        String description = "";
        String owner = "";
        String type = "";
        String status = "";
        String reviewed = "";
        String reviewBy = "";
        boolean draft = false;
        Optional<Integer> weight = Optional.empty();
        List<String> tags = List.of();
        List<String> aliases = List.of();
        Map<String, Object> other = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            Node v = t.getValueNode();
            int l = line(v);
            switch (key) {
                case "title" -> title = text(file, key, v, findings);
                case "description" -> description = text(file, key, v, findings);
                case "owner" -> owner = text(file, key, v, findings);
                case "type" -> type = text(file, key, v, findings);
                case "status" -> status = text(file, key, v, findings);
                case "reviewed" -> reviewed = date(file, key, v, findings);
                case "review_by" -> reviewBy = date(file, key, v, findings);
                case "tags" -> tags = list(file, key, v, findings);
                case "aliases" -> aliases = list(file, key, v, findings);
                case "draft" -> {
                    String s = text(file, key, v, findings);
                    if (s.equals("true") || s.equals("false") || s.isEmpty()) {
                        draft = s.equals("true");
                    } else {
                        findings.add(new Finding("front-matter-invalid", Severity.WARNING, SourceRef.line(file, l),
                                "draft must be true or false, not '" + s + "'", "write draft: true or draft: false"));
                    }
                }
                case "weight" -> {
                    String s = text(file, key, v, findings);
                    try {
                        weight = Optional.of(Integer.parseInt(s.strip()));
                    } catch (NumberFormatException e) {
                        findings.add(new Finding("front-matter-invalid", Severity.WARNING, SourceRef.line(file, l),
                                "weight must be a whole number, not '" + s + "'",
                                "write for example weight: 10 (lower comes first in the navigation)"));
                    }
                }
                case "near_duplicates" -> {
                    // kept in other(): only the near-duplicate check reads it
                    String s = text(file, key, v, findings);
                    if (s.equals("expected")) {
                        other.put(key, s);
                    } else {
                        findings.add(new Finding("front-matter-invalid", Severity.WARNING, SourceRef.line(file, l),
                                "near_duplicates must be expected, not '" + s + "'",
                                "write near_duplicates: expected on a page meant to look like others (a generated or"
                                        + " versioned page), or remove the key"));
                    }
                }
                default -> other.put(key, plain(v));
            }
        }
        return new FrontMatter(title, description, tags, owner, type, status, reviewed, reviewBy, draft, weight,
                aliases, lines, other);
    }

    private static FrontMatter withLines(int lines) {
        return new FrontMatter("", "", List.of(), "", "", "", "", "", false, Optional.empty(), List.of(), lines, Map.of());
    }

    /** 1-based line in the file: YAML line 0 is file line 2, after the opening fence. */
    private static int line(Node n) {
        return n.getStartMark().getLine() + 2;
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : String.valueOf(plain(n));
    }

    private static String text(String file, String key, Node v, List<Finding> findings) {
        if (v instanceof ScalarNode s) return s.getValue().strip();
        findings.add(new Finding("front-matter-invalid", Severity.WARNING, SourceRef.line(file, line(v)),
                key + " must be a single value, not a list or a map", "write " + key + ": followed by one value"));
        return "";
    }

    private static String date(String file, String key, Node v, List<Finding> findings) {
        String s = text(file, key, v, findings);
        if (s.isEmpty()) return s;
        try {
            LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            return s;
        } catch (DateTimeParseException e) {
            findings.add(new Finding("front-matter-invalid", Severity.WARNING, SourceRef.line(file, line(v)),
                    key + " must be a date like 2026-03-31, not '" + s + "'", "write the date as YYYY-MM-DD"));
            return "";
        }
    }

    private static List<String> list(String file, String key, Node v, List<Finding> findings) {
        if (v instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s && !s.getValue().isBlank()) out.add(s.getValue().strip());
            }
            return out;
        }
        if (v instanceof ScalarNode s) {
            List<String> out = new ArrayList<>();
            for (String part : s.getValue().split(",")) {
                if (!part.isBlank()) out.add(part.strip());
            }
            return out;
        }
        findings.add(new Finding("front-matter-invalid", Severity.WARNING, SourceRef.line(file, line(v)),
                key + " must be a list", "write " + key + ": [a, b] or one item per line starting with -"));
        return List.of();
    }

    private static Object plain(Node n) {
        if (n instanceof ScalarNode s) return s.getValue();
        if (n instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            seq.getValue().forEach(x -> out.add(plain(x)));
            return List.copyOf(out);
        }
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) out.put(scalar(t.getKeyNode()), plain(t.getValueNode()));
            return java.util.Collections.unmodifiableMap(out);
        }
        return String.valueOf(n);
    }
}
