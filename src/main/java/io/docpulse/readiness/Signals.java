package io.docpulse.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.docpulse.config.ReadinessConfig;
import io.docpulse.content.Finding;
import io.docpulse.content.Heading;
import io.docpulse.content.Page;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceRef;

/**
 * Signals that a page sends its reader back to real-time help instead of answering: "ask Sam",
 * "ping @ops", placeholders ("TBD"), stub pages, runbooks without steps, decision records without a
 * status or an outcome. Each is a finding with the line it is on. Text in code blocks and inline
 * code is not read.
 */
final class Signals {
    /** "ask Sam", "ping @ops", "DM me", "reach out to Priya": a verb of asking, then a person. */
    private static final Pattern ASK_PERSON = Pattern.compile(
            "(?<![\\w@-])(ask|ping|dm|contact|reach out to|talk to|check with|speak (?:to|with)|hit up)"
                    + "\\s+(@[\\w.-]+|me\\b|(?-i:[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Meetings in place of an answer, and "ask in #channel". */
    private static final Pattern ASK_CALL = Pattern.compile(
            "\\b((?:hop|jump|get) on a (?:quick )?(?:call|zoom|huddle)|grab (?:me|someone|them) for a (?:quick )?(?:call|chat)"
                    + "|set up a (?:quick )?call|ask (?:in|on) (?:#[\\w-]+|slack)|ask around|ask your (?:manager|lead|buddy|mentor|team))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Capitalised words after "ask" that are not people. */
    private static final Set<String> NOT_PEOPLE = Set.of("questions", "question", "them", "the", "a", "an", "for",
            "about", "if", "in", "on", "your", "our", "any", "it", "this", "that", "what", "how", "why", "when", "where",
            "who", "which", "whether", "yourself", "someone", "somebody", "anyone", "everyone", "us", "we", "you",
            "to", "with", "support", "help", "here", "there", "github", "google", "slack", "jira", "please", "and", "or",
            "more", "all", "each", "every", "other", "others", "people", "lots", "many", "good", "new", "one", "two",
            "follow", "clarifying", "open", "is", "are", "be", "do", "does", "not", "no", "yes", "first",
            "microsoft", "copilot", "chatgpt", "ai");
    /**
     * TODO, TBD, FIXME, "coming soon", "ask for access"; "to be written" only where it stands for
     * missing text: "(to be written)", or a line that starts with it.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<![\\w\"'\u201c\u2018-])(?<!see )(?-i:TBD|TODO|FIXME|TBA)(?![\\w\"'\u201d\u2019-])(?!\\s+(?:behaviou?rs?|features?|comments?|items?|lists?)\\b)"
                    + "|\\bcoming soon\\b|\\bask (?:\\w+ )?for access\\b"
                    + "|\\(\\s*to be (?:written|added|documented|determined|done)\\s*\\)"
                    + "|^\\s*(?:[-*+]\\s+)?(?:\\*\\*|\\*|_)?to be (?:written|added|documented|determined)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Markdown links, images and link definitions: their text names things, it promises nothing. */
    private static final Pattern LINK_TEXT = Pattern.compile("!?\\[[^\\]]*\\](?:\\([^)]*\\)|\\[[^\\]]*\\])|^\\s*\\[[^\\]]+\\]:\\s.*$");
    /** "Moved to [x](x)": a page that only points to where its content went. */
    private static final Pattern REDIRECT = Pattern.compile("\\b(moved to|has moved|now lives|superseded by|see instead)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS_LINE = Pattern.compile(
            "^\\s*(?:[-*+|]\\s*)?(?:\\*\\*|__)?(?:status|state|e?rfc pr|tracking issue|decision status|level of support)(?:\\s*#)?(?:\\*\\*|__)?\\s*[:|]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTCOME_HEADING = Pattern.compile(
            "decision|outcome|resolution|conclusion|proposal|proposed|design|solution|approach|recommendation|summary"
                    + "|level explanation",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTCOME_TEXT = Pattern.compile(
            "\\bwe (?:will|decided|chose|have decided|are going to)\\b|\\bwe'll\\b|\\bdecided to\\b",
            Pattern.CASE_INSENSITIVE);
    /** A list item that starts with a link: "- [Themes](themes.md): ...". */
    private static final Pattern LINK_ITEM = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+\\[[^\\]]+\\]\\(");
    private static final Pattern POSTMORTEM = Pattern.compile("post-?mortem|incident[- ]review|\\bretro(spective)?s?\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Right after a name: words that make it an organisation ("Sequoia support", "Acme's help desk",
     * "Gusto, Inc.", "Carta via their website").
     */
    private static final Pattern ORG_AFTER = Pattern.compile(
            "(?:'s|\u2019s)?\\s*,?\\s*(?:inc\\b|llc\\b|ltd\\b|gmbh\\b|corp\\b|plc\\b|co\\.|support\\b|help\\s?desk\\b"
                    + "|customer\\s+(?:service|support|success)\\b|sales\\b|account\\s+(?:manager|rep(?:resentative)?)s?\\b"
                    + "|portal\\b|web\\s?site\\b|hotline\\b|app\\b|(?:via|through|on|using|at)\\s+(?:their|its)\\s)",
            Pattern.CASE_INSENSITIVE);
    /** A capitalised name, as {@link #ASK_PERSON} takes it. */
    private static final String NAME = "(?-i:([A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?))";
    /** What a company is to a team: "our benefits provider", "the payroll vendor". */
    private static final String ORG_NOUN = "(?:vendors?|providers?|suppliers?|contractors?|agency|agencies|brokers?"
            + "|insurers?|carriers?|PEO|firm|company|consultancy|bank|platform|tool|service|app)"
            + "(?![\\w-])(?!\\s+(?:owners?|managers?|leads?|engineers?|persons?|contacts?|reps?|representatives?"
            + "|admins?|administrators?|teams?|experts?|champions?|developers?|designers?|authors?|maintainers?"
            + "|specialists?|gurus?|people|folks?|users?|builders?)\\b)";
    /** "our PEO, Sequoia", "the HR tool Lattice". */
    private static final Pattern ORG_BEFORE_NAME = Pattern.compile("\\b(?:our|the|a|an|its|their|your)\\s+(?:[\\w-]+\\s+){0,2}?"
            + ORG_NOUN + "\\s*(?:,|\\(|:|\\s+called|\\s+named)?\\s*" + NAME, Pattern.CASE_INSENSITIVE);
    /** "Sequoia, our benefits provider", "Gusto is the payroll service", "Acme Inc". */
    private static final Pattern NAME_BEFORE_ORG = Pattern.compile("\\b" + NAME + "(?:(?:'s|\u2019s)?\\s*(?:,|\\()?\\s*"
            + "(?:is\\s+|are\\s+|was\\s+)?(?:our|the|a|an)\\s+(?:[\\w-]+\\s+){0,2}?" + ORG_NOUN
            + "|,?\\s+(?-i:Inc|LLC|Ltd|GmbH|Corp|PLC)\\b)", Pattern.CASE_INSENSITIVE);
    /** The words a page needs before the two patterns above are worth running on it. */
    private static final String[] ORG_WORDS = {"vendor", "provider", "supplier", "contractor", "agenc", "broker",
            "insurer", "carrier", "peo", "firm", "company", "consultancy", "bank", "platform", "tool", "service",
            "app", "inc", "llc", "ltd", "gmbh", "corp", "plc"};
    /** An e-mail address or a web address written in the text; group 1 is its host. */
    private static final Pattern HOST_IN_TEXT = Pattern.compile(
            "[\\w.+-]+@([\\w-]+(?:\\.[\\w-]+)+)|(?:https?://)?((?:[\\w-]+\\.)+(?:com|org|net|io|co|ai|app|dev|us|uk|de|fr|eu|ca|au|nl|in))\\b");

    private final ReadinessConfig config;
    /**
     * Names the docs show to be organisations, lower case: host names' labels of every link and
     * address (sequoia.com gives {@code sequoia}), and names written as a company ("our payroll
     * provider, Gusto", "Acme Inc"). "reach out to Sequoia" is not a person when the docs link to
     * sequoia.com.
     */
    private final Set<String> organisations;
    private final String organisationsStamp;

    Signals(ReadinessConfig config) {
        this(config, List.of());
    }

    /** With the organisations that the pages of the site name (see {@link #organisations}). */
    Signals(ReadinessConfig config, List<Page> site) {
        this(config, site, 1);
    }

    /** As above, reading the pages on {@code threads} threads. */
    Signals(ReadinessConfig config, List<Page> site, int threads) {
        this(config, site, threads, SignalsKept.NONE);
    }

    /** As above, with each page's organisations from the last build when its file is unchanged. */
    Signals(ReadinessConfig config, List<Page> site, int threads, SignalsKept kept) {
        this.config = config;
        Set<String> orgs;
        try {
            orgs = config.ruleOn("ask-a-person") ? organisations(site, threads, kept) : Set.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.organisations = orgs;
        this.organisationsStamp = SignalsKept.stamp(orgs);
    }

    /** The organisations' stamp: a page's findings depend on them (see {@link SignalsKept}). */
    String organisationsStamp() {
        return organisationsStamp;
    }

    static Set<String> organisations(List<Page> pages) {
        try {
            return organisations(pages, 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<String> organisations(List<Page> pages, int threads) throws java.io.IOException {
        return organisations(pages, threads, SignalsKept.NONE);
    }

    private static Set<String> organisations(List<Page> pages, int threads, SignalsKept kept) throws java.io.IOException {
        Set<String> out = new java.util.HashSet<>();
        // a set: the same names whatever the order the pages are read in
        for (Set<String> names : io.docpulse.util.Parallel.map(pages, threads, "organisations",
                p -> kept.organisations(p, () -> organisationsOf(p)))) {
            out.addAll(names);
        }
        return Set.copyOf(out);
    }

    /** The organisations one page names (see {@link #organisations}). */
    private static Set<String> organisationsOf(Page p) {
        Set<String> out = new java.util.HashSet<>();
        for (io.docpulse.content.RawLink l : p.links()) {
            Matcher m = LINK_HOST.matcher(l.target());
            if (m.lookingAt()) labels(m.group(1), out);
        }
        String text = p.text();
        // a host or an address has no spaces and a dot: look for them only in the runs of text
        // between spaces that have one (the pattern, tried at every character of the page,
        // cost seconds on a large site)
        Matcher h = HOST_IN_TEXT.matcher(text);
        for (int i = 0, n = text.length(); i < n; ) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int start = i;
            boolean dot = false;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                if (text.charAt(i) == '.') dot = true;
                i++;
            }
            if (!dot) continue;
            h.region(start, i);
            while (h.find()) labels(h.group(1) != null ? h.group(1) : h.group(2), out);
        }
        if (!containsAny(text.toLowerCase(Locale.ROOT), ORG_WORDS)) return out;
        for (Pattern org : new Pattern[]{ORG_BEFORE_NAME, NAME_BEFORE_ORG}) {
            Matcher m = org.matcher(text);
            while (m.find()) out.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
        return out;
    }

    /** The host of an http(s) or mailto link. */
    private static final Pattern LINK_HOST = Pattern.compile("(?:https?://(?:[^/@?#]*@)?|mailto:[^@?]*@)([^/:?#\\s]+)",
            Pattern.CASE_INSENSITIVE);

    /** The labels of a host name but its last (sequoia-one.com gives sequoia-one, sequoiaone, sequoia). */
    private static void labels(String host, Set<String> out) {
        String[] parts = host.toLowerCase(Locale.ROOT).split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            String label = parts[i];
            if (label.equals("www") || label.isEmpty()) continue;
            out.add(label);
            if (label.contains("-")) {
                out.add(label.replace("-", ""));
                for (String piece : label.split("-")) if (piece.length() >= 4) out.add(piece);
            }
        }
    }

    /** Whether a name after a verb of asking is an organisation: by the words after it, or as the docs name it. */
    private boolean organisation(String who, String rest) {
        // the second word of a two-word name counts as what follows the first: "Sequoia Support"
        String[] words = who.split("\\s+");
        if (ORG_AFTER.matcher(words.length > 1 ? " " + words[1] + rest : rest).lookingAt()) return true;
        String lower = who.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return organisations.contains(lower) || organisations.contains(lower.replace(" ", ""))
                || organisations.contains(lower.split(" ")[0]);
    }

    /**
     * The findings for one page.
     *
     * @param source   its Markdown
     * @param category its category, or empty
     * @param record   whether it is a record of its category (placed there by front matter or path,
     *                 and not a folder's index page): only records get the runbook and decision checks
     */
    List<Finding> check(Page p, String source, String category, boolean record) {
        List<Finding> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        boolean fence = false;
        String fenceMark = "";
        boolean hasStatusLine = !p.frontMatter().status().isBlank();
        boolean hasOutcomeText = false;
        boolean askOn = config.ruleOn("ask-a-person") && !category.equals("runbooks");
        boolean placeholderOn = config.ruleOn("placeholder");
        boolean decisionsCategory = category.equals("decisions");
        // "Moved to [x](x)": a pointer to where the content went, not a stub nor a decision record
        boolean redirect = p.words() < 30 && !p.links().isEmpty() && REDIRECT.matcher(p.text()).find();
        boolean decisions = record && decisionsCategory && !redirect;
        boolean tocMarker = source.contains("start_toc");
        int linkListLines = 0;
        int proseLines = 0;
        for (int i = p.frontMatter().lines(); i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                String mark = trimmed.substring(0, 3);
                if (!fence) {
                    fence = true;
                    fenceMark = mark;
                } else if (mark.equals(fenceMark)) {
                    fence = false;
                }
                continue;
            }
            if (fence) continue;
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("<!--")
                    && !trimmed.matches("\\|?[\\s:|-]+\\|?") && !Character.isWhitespace(line.charAt(0))) {
                if (LINK_ITEM.matcher(trimmed).find() || (trimmed.startsWith("|") && trimmed.contains("]("))) {
                    linkListLines++;
                } else if (!trimmed.startsWith("|")) {
                    // a table row without a link is a table's header or label, neither link nor prose
                    proseLines++;
                }
            }
            String text = stripCode(line);
            // cheap tests first: most lines hold none of the words the patterns need
            String lower = text.toLowerCase(Locale.ROOT);
            if (decisions && !hasStatusLine && STATUS_LINE.matcher(text).find()) hasStatusLine = true;
            if (decisions && !hasOutcomeText && (lower.contains("we") || lower.contains("decided"))
                    && OUTCOME_TEXT.matcher(text).find()) {
                hasOutcomeText = true;
            }
            if (askOn && !trimmed.startsWith("#") && containsAny(lower, ASK_WORDS)) {
                Finding f = ask(p, i + 1, text);
                if (f != null) out.add(f);
            }
            if (placeholderOn && containsAny(lower, PLACEHOLDER_WORDS)) {
                Matcher m = PLACEHOLDER.matcher(blank(text, LINK_TEXT));
                while (m.find()) {
                    // an open question in a proposal ("notation TBD") is part of it, not a gap
                    if (decisions && (m.group().equals("TBD") || m.group().equals("TBA"))) continue;
                    out.add(new Finding("placeholder", Severity.WARNING, new SourceRef(p.path(), i + 1, m.start() + 1),
                            "`" + m.group() + "`: the page promises an answer it does not give yet",
                            "write the missing part, or say where the answer is written down",
                            details(m.group(), text)));
                    break;
                }
            }
        }
        // a page that is a list or table of links (a section's index) is navigation, not a stub;
        // a short page with code or a table is a reference entry (syntax, an example), complete as it is
        boolean navigation = tocMarker || (linkListLines > 0 && linkListLines >= proseLines);
        boolean reference = p.html().contains("<pre") || p.html().contains("<table");
        if (config.ruleOn("stub-page") && p.words() < config.stubWords() && !navigation && !reference && !redirect
                && !p.route().isEmpty()) {
            out.add(new Finding("stub-page", Severity.NOTE, SourceRef.file(p.path()),
                    "the page has " + p.words() + " words (fewer than " + config.stubWords() + "): too little to answer a question",
                    "write the page out, or merge it into the page that covers its topic",
                    Map.of("words", String.valueOf(p.words()))));
        }
        if (record && !redirect && category.equals("runbooks") && config.ruleOn("runbook-without-steps")
                && !POSTMORTEM.matcher(p.path() + " " + p.title()).find()
                && !p.html().contains("<ol") && !p.html().contains("<pre")) {
            out.add(new Finding("runbook-without-steps", Severity.WARNING, SourceRef.file(p.path()),
                    "a runbook with no numbered steps and no commands: whoever is on call has to ask someone what to do",
                    "write the procedure as a numbered list, with the commands to run in code blocks"));
        }
        if (decisions) {
            boolean statusHeading = p.headings().stream().anyMatch(h -> h.text().strip().toLowerCase(Locale.ROOT)
                    .matches("status|decision status|state|resolution|decision outcome"));
            if (config.ruleOn("decision-without-status") && !hasStatusLine && !statusHeading) {
                out.add(new Finding("decision-without-status", Severity.WARNING, SourceRef.file(p.path()),
                        "a decision record with no status: a reader cannot tell whether it was accepted, rejected or replaced",
                        "add status: (proposed, accepted, rejected, superseded) to its front matter, or a Status line"));
            }
            boolean outcome = hasOutcomeText;
            for (Heading h : p.headings()) {
                if (OUTCOME_HEADING.matcher(h.text()).find()) outcome = true;
            }
            if (config.ruleOn("decision-without-outcome") && !outcome) {
                out.add(new Finding("decision-without-outcome", Severity.WARNING, SourceRef.file(p.path()),
                        "a decision record that does not say what was decided: no Decision (or Outcome, Proposal)"
                                + " section and no \"we decided\"",
                        "add a Decision section that states the choice in one or two sentences"));
            }
        }
        return out;
    }

    private static final String[] ASK_WORDS = {"ask", "ping", "dm", "contact", "reach out", "talk to", "check with",
            "speak", "hit up", "call", "zoom", "huddle", "chat"};
    private static final String[] PLACEHOLDER_WORDS = {"tbd", "todo", "fixme", "tba", "soon", "access", "to be"};

    private static boolean containsAny(String lower, String[] words) {
        for (String w : words) if (lower.contains(w)) return true;
        return false;
    }

    private Finding ask(Page p, int line, String text) {
        Matcher m = ASK_PERSON.matcher(text);
        while (m.find()) {
            String who = m.group(2);
            String first = who.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (NOT_PEOPLE.contains(first)) continue;
            // "Check with Guard Sets", "Contact Picker": product words, unless a @handle follows
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            if ((verb.equals("contact") || verb.equals("check with")) && !who.startsWith("@")) continue;
            // "reach out to Sequoia" when the docs show Sequoia to be a company, not someone to ask
            if (!who.startsWith("@") && !who.equalsIgnoreCase("me") && organisation(who, text.substring(m.end()))) continue;
            return new Finding("ask-a-person", Severity.WARNING, new SourceRef(p.path(), line, m.start() + 1),
                    "`" + m.group() + "` sends the reader to a person instead of answering",
                    "write the answer here (or link to where it is written), and name the channel or the owner"
                            + " only for what cannot be written down", details(m.group(), text));
        }
        Matcher c = ASK_CALL.matcher(text);
        if (c.find()) {
            return new Finding("ask-a-person", Severity.WARNING, new SourceRef(p.path(), line, c.start() + 1),
                    "`" + c.group() + "` sends the reader to real-time help instead of answering",
                    "write the answer here (or link to where it is written), and name the channel or the owner"
                            + " only for what cannot be written down", details(c.group(), text));
        }
        return null;
    }

    private static Map<String, String> details(String match, String line) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("text", match);
        String context = line.strip();
        d.put("line", context.length() > 200 ? context.substring(0, 200) + "…" : context);
        return d;
    }

    /** The line with every match of {@code pattern} replaced by spaces, so columns stay right. */
    static String blank(String line, Pattern pattern) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) return line;
        StringBuilder sb = new StringBuilder(line);
        do {
            for (int k = m.start(); k < m.end(); k++) sb.setCharAt(k, ' ');
        } while (m.find());
        return sb.toString();
    }

    /** The line without its `inline code` spans (replaced by spaces, so columns stay right). */
    static String stripCode(String line) {
        if (line.indexOf('`') < 0) return line;
        StringBuilder sb = new StringBuilder(line);
        int open = -1;
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) != '`') continue;
            if (open < 0) {
                open = i;
            } else {
                for (int k = open; k <= i; k++) sb.setCharAt(k, ' ');
                open = -1;
            }
        }
        return sb.toString();
    }
}
