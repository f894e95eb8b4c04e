package io.docpulse.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitHub {@code CODEOWNERS} file: gitignore-style patterns, each with owners; the last matching
 * rule wins. Looked for where GitHub looks: {@code .github/}, the root, {@code docs/}.
 */
final class CodeOwners {
    private record Rule(Pattern pattern, List<String> owners) {
    }

    private final List<Rule> rules;
    private final String file;

    private CodeOwners(List<Rule> rules, String file) {
        this.rules = List.copyOf(rules);
        this.file = file;
    }

    static CodeOwners none() {
        return new CodeOwners(List.of(), "");
    }

    static CodeOwners find(Path repoRoot) throws IOException {
        for (String candidate : new String[]{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
            Path f = repoRoot.resolve(candidate);
            if (Files.isRegularFile(f)) return parse(Files.readAllLines(f, StandardCharsets.UTF_8), candidate);
        }
        return none();
    }

    static CodeOwners parse(List<String> lines, String file) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int hash = line.indexOf(" #");
            if (hash >= 0) line = line.substring(0, hash).strip();
            String[] parts = line.split("\\s+");
            List<String> owners = Arrays.asList(parts).subList(1, parts.length);
            rules.add(new Rule(Pattern.compile(toRegex(parts[0])), List.copyOf(owners)));
        }
        return new CodeOwners(rules, file);
    }

    /** The owners of a path relative to the repository root: the last matching rule's, or empty. */
    Optional<List<String>> ownersOf(String repoPath) {
        List<String> found = null;
        for (Rule r : rules) {
            if (r.pattern().matcher(repoPath).matches()) found = r.owners();
        }
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    String file() {
        return file;
    }

    /** Translates a gitignore-style pattern into a regular expression over repository paths. */
    static String toRegex(String pattern) {
        String p = pattern.replace("\\#", "#");
        boolean anchored = p.startsWith("/");
        if (anchored) p = p.substring(1);
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) p = p.substring(0, p.length() - 1);
        // a slash inside the pattern anchors it to the root, as in .gitignore
        if (p.contains("/")) anchored = true;
        StringBuilder re = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*') {
                if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    boolean slash = i + 2 < p.length() && p.charAt(i + 2) == '/';
                    re.append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // a pattern that names a folder owns everything below it; one ending in a single * (docs/*)
        // matches only the files directly in that folder, as GitHub documents
        boolean singleStar = p.endsWith("*") && !p.endsWith("**");
        re.append(dirOnly ? "/.*$" : singleStar ? "$" : "(?:/.*)?$");
        return re.toString();
    }
}
