package io.docpulse.questions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.docpulse.config.Config;
import io.docpulse.content.EditDistance;
import io.docpulse.content.Finding;
import io.docpulse.content.Heading;
import io.docpulse.content.Page;
import io.docpulse.content.Severity;
import io.docpulse.content.SourceRef;
import io.docpulse.index.QuestionMatch;
import io.docpulse.index.SearchIndex;

/**
 * The questions report: the questions a team gives docpulse (a questions file, a Slack export) run
 * against the search index with the ranking of {@code docpulse search}, each found
 * <em>answered</em> (the page that should answer it is in the top 3, or, without such a page, a page
 * in the top 3 holds the question), <em>ranked low</em> (the page that should answer it is below
 * the top 3) or <em>unanswered</em> (no page holds the question with confidence), with the
 * unanswered ones grouped by topic. See content/guides/questions.md.
 */
public final class Questions {
    /** The files read by convention, at the content root and next to docpulse.yml. They are not pages. */
    public static final List<String> FILE_NAMES = List.of("questions.md", "questions.txt");
    /** A question is answered when its page is in this many first results. */
    public static final int TOP = 3;
    /** How many results each question looks at (for the rank of a page that ranks low). */
    static final int DEPTH = 10;
    /**
     * A page in the top 3 answers a question with confidence when it holds at least this share of
     * the question's content words, weighted by idf (see {@link QuestionMatch})...
     */
    public static final double CONFIDENT = 0.6;
    /** ...and at least this many of them (or the only one). */
    public static final int MIN_WORDS = 2;

    private Questions() {
    }

    /** How a question fared. */
    public enum Outcome {
        ANSWERED("answered"), RANKED_LOW("ranked-low"), UNANSWERED("unanswered");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        /** As report.json writes it. */
        public String id() {
            return id;
        }
    }

    /**
     * The questions as read.
     *
     * @param sources  the files and folders read, as findings name them (relative to the content root)
     * @param questions every question once, in the order read
     * @param findings what was wrong in them (a page that does not exist, a file that cannot be read)
     */
    public record Input(List<String> sources, List<Question> questions, List<Finding> findings) {
        public Input {
            sources = List.copyOf(sources);
            questions = List.copyOf(questions);
            findings = List.copyOf(findings);
        }

        public static final Input NONE = new Input(List.of(), List.of(), List.of());
    }

    /**
     * A page among a question's first results.
     *
     * @param path     the page's content path
     * @param title    its title
     * @param url      its URL, deep-linked to the best section
     * @param score    its search score (comparable only within the question)
     * @param coverage 0 to 1: the idf-weighted share of the question's content words it holds
     * @param held     those words, as written
     */
    public record Ranked(String path, String title, String url, float score, double coverage, List<String> held) {
        public Ranked {
            held = List.copyOf(held);
        }
    }

    /**
     * One question and how the docs answer it.
     *
     * @param question    the question
     * @param outcome     answered, ranked low or unanswered
     * @param rank        the rank of the page that should answer it (1 is first), 0 when it is not in
     *                    the first 10 or none was named
     * @param top         the first 3 results
     * @param outrankedBy for a question ranked low, the pages above its page (at most 3)
     * @param coverage    the best coverage among the first 3 results
     * @param words       the question's content words, as written
     * @param topic       the topic of an unanswered question, else empty
     */
    public record Asked(Question question, Outcome outcome, int rank, List<Ranked> top, List<String> outrankedBy,
                        double coverage, List<String> words, String topic) {
        public Asked {
            top = List.copyOf(top);
            outrankedBy = List.copyOf(outrankedBy);
            words = List.copyOf(words);
        }
    }

    /** Unanswered questions that share a content word: {@code label} is that word, or {@code other}. */
    public record Topic(String label, List<Asked> questions) {
        public Topic {
            questions = List.copyOf(questions);
        }
    }

    /**
     * The report.
     *
     * @param sources  the files and folders read
     * @param asked    every question, in the order read
     * @param topics   the unanswered questions by topic, biggest first
     * @param findings {@code unanswered-question} and the findings of reading
     */
    public record Result(List<String> sources, List<Asked> asked, List<Topic> topics, List<Finding> findings) {
        public Result {
            sources = List.copyOf(sources);
            asked = List.copyOf(asked);
            topics = List.copyOf(topics);
            findings = List.copyOf(findings);
        }

        public static final Result NONE = new Result(List.of(), List.of(), List.of(), List.of());

        /** Whether the team gave any questions (a file or an export was found, even an empty one). */
        public boolean given() {
            return !sources.isEmpty();
        }

        public int count(Outcome o) {
            return (int) asked.stream().filter(a -> a.outcome() == o).count();
        }
    }

    /**
     * Reads the questions: {@code questions.md} or {@code questions.txt} at the content root and next
     * to the config file, then what the config's {@code questions:} lists, each question once.
     */
    public static Input read(Path contentRoot, Config config, List<Page> pages) throws IOException {
        Path root = contentRoot.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (String name : FILE_NAMES) files.add(root.resolve(name));
        config.file().ifPresent(f -> {
            Path folder = f.toAbsolutePath().normalize().getParent();
            if (folder != null) for (String name : FILE_NAMES) files.add(folder.resolve(name));
        });
        List<Path> found = new ArrayList<>();
        Set<Path> real = new HashSet<>();
        for (Path f : files) {
            if (Files.isRegularFile(f) && real.add(f.toRealPath())) found.add(f);
        }
        for (Path f : config.questions()) {
            if (Files.exists(f) && real.add(f.toRealPath())) found.add(f);
        }
        if (found.isEmpty()) return Input.NONE;
        List<String> sources = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path f : found) {
            String shown = shown(root, f);
            sources.add(Files.isDirectory(f) ? shown + "/" : shown);
            if (Files.isDirectory(f)) {
                List<Path> days = SlackExport.dayFiles(f);
                if (days.isEmpty()) {
                    findings.add(new Finding("questions-unreadable", Severity.WARNING, SourceRef.file(shown + "/"),
                            "the folder holds no Slack export: no YYYY-MM-DD.json file in it or in a folder under it",
                            "give the folder of a channel from Slack's export, or the export's own folder"));
                }
                for (Path day : days) readDay(day, shown(root, day), questions, findings);
            } else if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                readDay(f, shown, questions, findings);
            } else {
                try {
                    byte[] bytes = Files.readAllBytes(f);
                    String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    questions.addAll(QuestionsFile.parse(shown, text));
                } catch (CharacterCodingException e) {
                    findings.add(new Finding("questions-unreadable", Severity.WARNING, SourceRef.file(shown),
                            "the questions file is not UTF-8 text", "save it as UTF-8, one question a line"));
                }
            }
        }
        List<Question> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Question q : questions) if (seen.add(SlackExport.key(q.text()))) unique.add(checked(q, pages, findings));
        return new Input(sources, unique, findings);
    }

    private static void readDay(Path day, String shown, List<Question> questions, List<Finding> findings) throws IOException {
        try {
            questions.addAll(SlackExport.read(day, shown));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, (int) at.getLineNr());
            findings.add(new Finding("questions-unreadable", Severity.WARNING, SourceRef.line(shown, line),
                    "not a day of a Slack export (" + e.getOriginalMessage() + "), so its questions are not read",
                    "export the channel again from Slack, or remove the file from the export folder"));
        }
    }

    /** The path of a questions file as findings show it: relative to the content root. */
    private static String shown(Path root, Path f) {
        return root.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The question with its page resolved ({@code it/} is {@code it/README.md}, {@code it/laptops}
     * is {@code it/laptops.md}); a page or anchor that does not exist gives a finding and is dropped.
     */
    private static Question checked(Question q, List<Page> pages, List<Finding> findings) {
        if (q.expected().isEmpty() && q.anchor().isEmpty()) return q;
        Map<String, Page> byPath = new HashMap<>();
        for (Page p : pages) byPath.put(p.path(), p);
        String e = q.expected();
        Page page = null;
        String base = e.endsWith("/") ? e : e + "/";
        for (String candidate : List.of(e, e + ".md", base + "README.md", base + "index.md", base + "_index.md")) {
            if (byPath.containsKey(candidate)) {
                page = byPath.get(candidate);
                break;
            }
        }
        if (page == null) {
            String closest = closest(e, byPath.keySet());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("question", q.text());
            details.put("expected", e);
            if (closest != null) details.put("closest", closest);
            findings.add(new Finding("unknown-expected-page", Severity.WARNING, q.where(),
                    "the page that should answer the question, `" + e + "`, does not exist, so only a confident match"
                            + " can answer it",
                    closest != null ? "did you mean `" + closest + "`?"
                            : "write the page's path relative to the content folder after ->, such as it/laptops.md",
                    details));
            return new Question(q.text(), q.where(), "", "", q.chat());
        }
        if (!q.anchor().isEmpty() && page.headings().stream().noneMatch(h -> h.id().equals(q.anchor()))) {
            List<String> ids = page.headings().stream().map(Heading::id).toList();
            String closest = closest(q.anchor(), ids);
            findings.add(new Finding("unknown-expected-page", Severity.WARNING, q.where(),
                    "`" + page.path() + "` has no heading #" + q.anchor(),
                    closest != null ? "did you mean #" + closest + "?" : "name one of the page's headings after #, or no anchor",
                    Map.of("question", q.text(), "expected", page.path() + "#" + q.anchor())));
            return new Question(q.text(), q.where(), page.path(), "", q.chat());
        }
        return new Question(q.text(), q.where(), page.path(), q.anchor(), q.chat());
    }

    /** The closest of {@code options} to {@code wanted}, when it is close enough to be a typo. */
    static String closest(String wanted, java.util.Collection<String> options) {
        int max = Math.max(2, wanted.length() / 3);
        String best = null;
        int bestDistance = max + 1;
        for (String o : new java.util.TreeSet<>(options)) {
            int d = EditDistance.within(wanted, o, max);
            if (d < bestDistance) {
                best = o;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Runs every question against the index, classifies it, and groups the unanswered by topic. */
    public static Result analyze(Input in, SearchIndex index) throws IOException {
        if (in.sources().isEmpty()) return Result.NONE;
        List<Asked> asked = new ArrayList<>();
        Map<Asked, List<QuestionMatch.Word>> wordsOf = new HashMap<>();
        for (Question q : in.questions()) {
            QuestionMatch.Result r = QuestionMatch.ask(index, q.text(), DEPTH);
            List<Ranked> top = new ArrayList<>();
            boolean confident = false;
            double coverage = 0;
            int rank = 0;
            for (int i = 0; i < r.answers().size(); i++) {
                QuestionMatch.Answer a = r.answers().get(i);
                if (a.hit().path().equals(q.expected()) && rank == 0) rank = i + 1;
                if (i >= TOP) continue;
                top.add(new Ranked(a.hit().path(), a.hit().title(), a.hit().url(), a.hit().score(), a.coverage(), a.held()));
                coverage = Math.max(coverage, a.coverage());
                if (!r.words().isEmpty() && a.coverage() >= CONFIDENT
                        && (a.held().size() >= MIN_WORDS || r.words().size() < MIN_WORDS)) {
                    confident = true;
                }
            }
            Outcome outcome;
            List<String> outranked = List.of();
            if (!q.expected().isEmpty()) {
                outcome = rank >= 1 && rank <= TOP ? Outcome.ANSWERED : Outcome.RANKED_LOW;
                if (outcome == Outcome.RANKED_LOW) {
                    outranked = r.answers().stream().limit(rank == 0 ? TOP : Math.min(rank - 1, TOP))
                            .map(a -> a.hit().path()).toList();
                }
            } else {
                outcome = confident ? Outcome.ANSWERED : Outcome.UNANSWERED;
            }
            Asked a = new Asked(q, outcome, rank, top, outranked, coverage,
                    r.words().stream().map(QuestionMatch.Word::text).toList(), "");
            asked.add(a);
            wordsOf.put(a, r.words());
        }
        Map<Asked, String> topicOf = new HashMap<>();
        List<Topic> topics = topics(asked.stream().filter(a -> a.outcome() == Outcome.UNANSWERED).toList(), wordsOf, topicOf);
        List<Asked> withTopics = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(in.findings());
        for (Asked a : asked) {
            Asked t = topicOf.containsKey(a) ? new Asked(a.question(), a.outcome(), a.rank(), a.top(), a.outrankedBy(),
                    a.coverage(), a.words(), topicOf.get(a)) : a;
            withTopics.add(t);
            if (t.outcome() == Outcome.UNANSWERED) findings.add(unanswered(t));
        }
        // the topics again, holding the questions with their topic
        List<Topic> out = new ArrayList<>();
        for (Topic topic : topics) {
            out.add(new Topic(topic.label(), withTopics.stream().filter(a -> topic.questions().contains(stripTopic(a))).toList()));
        }
        return new Result(in.sources(), withTopics, out, findings);
    }

    private static Asked stripTopic(Asked a) {
        return new Asked(a.question(), a.outcome(), a.rank(), a.top(), a.outrankedBy(), a.coverage(), a.words(), "");
    }

    private static Finding unanswered(Asked a) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("question", a.question().text());
        details.put("topic", a.topic());
        String best = "";
        if (!a.top().isEmpty()) {
            Ranked r = a.top().stream().max(java.util.Comparator.comparingDouble(Ranked::coverage)).get();
            best = "; the closest page, `" + r.path() + "`, holds " + r.held().size() + " of its " + a.words().size()
                    + " words" + (r.held().isEmpty() ? "" : " (" + String.join(", ", r.held()) + ")");
            details.put("closest", r.path());
            details.put("coverage", String.format(Locale.ROOT, "%.2f", r.coverage()));
        }
        String why = a.words().isEmpty() ? ": it has no words to search for but question words" : best;
        return new Finding("unanswered-question", a.question().chat() ? Severity.NOTE : Severity.WARNING,
                a.question().where(), "the docs cannot answer '" + a.question().text() + "'" + why,
                "write the answer down, or use the words people ask with in the page that answers it"
                        + (a.question().chat() ? "" : "; then name that page after -> on this line"),
                details);
    }

    /**
     * Groups questions by the content word most of them share: the word (by its stem) held by the
     * most questions, at least 2, makes a topic of them, and so on with the rest; ties go to the word
     * first in alphabetical order. Questions that share no word with another are the topic
     * {@code other}. A topic is labelled with the word as most of its questions write it.
     */
    static List<Topic> topics(List<Asked> questions, Map<Asked, List<QuestionMatch.Word>> wordsOf, Map<Asked, String> topicOf) {
        List<Asked> left = new ArrayList<>(questions);
        List<Topic> out = new ArrayList<>();
        while (true) {
            Map<String, List<Asked>> byStem = new TreeMap<>();
            Map<String, Map<String, Integer>> written = new HashMap<>();
            for (Asked a : left) {
                Set<String> stems = new HashSet<>();
                for (QuestionMatch.Word w : wordsOf.get(a)) {
                    String stem = stem(w);
                    if (stems.add(stem)) {
                        byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(a);
                        written.computeIfAbsent(stem, k -> new TreeMap<>()).merge(w.text(), 1, Integer::sum);
                    }
                }
            }
            String best = null;
            for (Map.Entry<String, List<Asked>> e : byStem.entrySet()) {
                if (e.getValue().size() >= 2 && (best == null || e.getValue().size() > byStem.get(best).size())) best = e.getKey();
            }
            if (best == null) break;
            String label = written.get(best).entrySet().stream()
                    .max((x, y) -> x.getValue().equals(y.getValue()) ? y.getKey().compareTo(x.getKey())
                            : Integer.compare(x.getValue(), y.getValue())).get().getKey();
            List<Asked> group = byStem.get(best);
            out.add(new Topic(label, group));
            group.forEach(a -> topicOf.put(a, label));
            left.removeAll(group);
        }
        if (!left.isEmpty()) {
            out.add(new Topic("other", left));
            left.forEach(a -> topicOf.put(a, "other"));
        }
        return out;
    }

    /** A word's shortest term, its stem: "laptops" and "laptop" share "laptop". */
    private static String stem(QuestionMatch.Word w) {
        String best = w.terms().get(0);
        for (String t : w.terms()) if (t.length() < best.length()) best = t;
        return best;
    }
}
