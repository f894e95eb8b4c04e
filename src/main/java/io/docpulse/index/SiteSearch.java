package io.docpulse.index;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.docpulse.content.Page;
import io.docpulse.util.Kept;
import io.docpulse.util.Parallel;

/**
 * The search index of the built site, exported from the Lucene index so that the site's search box
 * ranks as {@code docpulse search} does.
 *
 * <p>A query of several words is scored by Lucene as the sum of its words' scores, each word being
 * a group of field queries with the field weights and its stemmed form. So for every word of the
 * docs, as a reader would type it (see {@link DocsAnalyzer#words()}), this runs the very query
 * {@code docpulse search} runs for that word and keeps its best {@value #PER_WORD} documents
 * (pages and sections) with their scores. The browser only adds up the scores of the words typed
 * and groups documents by page as {@link SearchIndex#search} does; it never stems or weighs.
 *
 * <p>Everything is split into small files, each a script that hands its data to the search code
 * ({@code docpulseSearch.words(...)}, {@code docpulseSearch.docs(...)}), so that the site works
 * from disk ({@code file://}, where browsers refuse {@code fetch}) and under any sub-path:
 * <ul>
 * <li>{@code meta.js}: the first word and the first document of each group of {@value #GROUP} shards,
 * and the stop and question words that a query drops unless it has no other words;</li>
 * <li>{@code wi0.js}, {@code di0.js}...: the first word or document of each shard of a group;</li>
 * <li>{@code w0.js}, {@code w1.js}...: words in sorted order, each with its stem and its documents;</li>
 * <li>{@code d0.js}, {@code d1.js}...: pages and sections in index order: URL, title, heading, snippet.</li>
 * </ul>
 */
public final class SiteSearch {
    /** Documents kept per word: its best-scoring ones. */
    public static final int PER_WORD = Integer.getInteger("docpulse.perWord", 400);
    /** Target size of a word shard, in characters. */
    static final int WORD_SHARD = 12_000;
    /** Target size of a page shard, in characters. */
    static final int DOC_SHARD = 6_000;
    /** Characters of text kept per page or section, for the snippet under a result. */
    static final int SNIPPET = 480;
    /** Shards per group of the two-level shard index. */
    static final int GROUP = 64;
    /** Longer tokens are not words anyone types (hashes, long paths). */
    static final int MAX_WORD = 40;

    /**
     * The exported files and what they hold.
     *
     * @param dir       the folder (in the cache folder) that holds the files
     * @param names     the files' names (in the search data folder), in a fixed order
     * @param version   a hash of the files, which the pages add to every shard URL
     * @param words     distinct words exported (and stems that only unseen forms lead to)
     * @param forms     forms of words that the docs do not use, each leading to its stem's entry
     * @param documents pages and sections
     * @param postings  word-document scores kept, in all
     * @param truncated words that match more documents than are kept
     * @param bytes     the files' bytes, in all
     */
    public record Export(Path dir, List<String> names, String version, int words, int forms, int documents,
                         long postings, int truncated, long bytes) {
        public Export {
            names = List.copyOf(names);
        }

        /**
         * Copies every file into {@code target} (copied, not linked: whatever is done to the site
         * afterwards cannot change what the cache keeps).
         */
        public void copyTo(Path target) throws IOException {
            Files.createDirectories(target);
            for (String name : names) {
                Files.copy(dir.resolve(name), target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Where the export's files go as they are made, in order: written to a folder at once, so that
     * a large site's search data is never all in memory; the version hashes every file but meta.js.
     */
    private static final class Sink {
        final Path dir;
        final List<String> names = new ArrayList<>();
        final MessageDigest version;
        long bytes;

        Sink(Path dir) {
            this.dir = dir;
            try {
                version = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void put(String name, byte[] content) throws IOException {
            Files.write(dir.resolve(name), content);
            names.add(name);
            bytes += content.length;
            if (!name.equals("meta.js")) {
                version.update(name.getBytes(StandardCharsets.UTF_8));
                version.update(content);
            }
        }
    }

    private SiteSearch() {
    }

    /** Bump when the exported data changes for the same index and settings. */
    static final String FORMAT = "docpulse-search-export-4";

    /**
     * The export, kept in the folder {@code dir} (in the cache folder) under the index's fingerprint:
     * a build of the same pages with the same settings uses its files instead of exporting again.
     * A new export is written into a folder beside it and renamed into its place once complete, so
     * an interrupted build leaves the old export or none, never half of one.
     */
    public static Export export(Path dir, SearchIndex index, List<Page> pages, String basePath, int threads)
            throws IOException {
        String key = FORMAT + "\n" + index.fingerprint() + "\n" + basePath + "\n" + PER_WORD;
        Path keyFile = dir.resolve(KEY_FILE);
        Optional<Export> kept = Kept.read(keyFile, key, in -> {
            int n = in.readInt();
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) names.add(Kept.readString(in));
            Export e = new Export(dir, names, Kept.readString(in), in.readInt(), in.readInt(), in.readInt(),
                    in.readLong(), in.readInt(), in.readLong());
            long bytes = 0;
            for (String name : names) bytes += Files.size(dir.resolve(name));
            if (bytes != e.bytes()) throw new IOException("the kept search data was changed");
            return e;
        });
        if (kept.isPresent()) return kept.get();
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // where docpulse 2026-12-03 and before kept the export, in one file
        Files.deleteIfExists(parent.resolve("search-export.bin"));
        String partial = dir.getFileName() + ".partial-";
        try (var old = Files.list(parent)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(partial)).toList()) {
                io.docpulse.render.OutputFolder.deleteTree(p);
            }
        }
        Path tmp = Files.createTempDirectory(parent, partial);
        Export made;
        try {
            made = export(index, pages, basePath, threads, tmp);
            Export e = made;
            Kept.write(tmp.resolve(KEY_FILE), key, out -> {
                out.writeInt(e.names().size());
                for (String name : e.names()) Kept.writeString(out, name);
                Kept.writeString(out, e.version());
                out.writeInt(e.words());
                out.writeInt(e.forms());
                out.writeInt(e.documents());
                out.writeLong(e.postings());
                out.writeInt(e.truncated());
                out.writeLong(e.bytes());
            });
            if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) io.docpulse.render.OutputFolder.deleteTree(dir);
            Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                io.docpulse.render.OutputFolder.deleteTree(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return new Export(dir, made.names(), made.version(), made.words(), made.forms(), made.documents(),
                made.postings(), made.truncated(), made.bytes());
    }

    /** The file in the export's folder that says what it was made from and what it holds. */
    static final String KEY_FILE = "export.key";

    /** One word's exported entry and how many documents it kept. */
    private record Entry(String word, String json, int kept, boolean truncated) {
    }

    /**
     * @param pages    the pages that were indexed (drafts are skipped as the index skips them)
     * @param basePath the site's base path, which the index's URLs start with and the export drops
     */
    public static Export export(SearchIndex index, List<Page> pages, String basePath, int threads, Path dir)
            throws IOException {
        Sink files = new Sink(dir);
        String[] pathOf = index.pathOf();
        boolean[] isPage = index.isPage();
        int max = pathOf.length;
        int[] pageNo = new int[max];
        int[] sectionNo = new int[max];
        int pageCount = 0;
        for (int doc = 0, page = -1, section = 0; doc < max; doc++) {
            if (isPage[doc]) {
                page++;
                section = 0;
            } else {
                section++;
                // the index keeps a page's sections right after it (SearchIndex adds them as one block)
                if (doc == 0 || !pathOf[doc].equals(pathOf[doc - section])) {
                    throw new IllegalStateException("section " + doc + " of " + pathOf[doc] + " is not after its page");
                }
            }
            pageNo[doc] = page;
            sectionNo[doc] = section;
            pageCount = page + 1;
        }

        List<String> words = vocabulary(pages, threads);
        Analyzer stems = DocsAnalyzer.stems();
        List<String> stemOfWord = Parallel.map(words, threads, "search-stems", w -> stem(stems, w));
        Map<String, String> aliases = inflections(words, stemOfWord, threads);
        // what to run: every word, and for each stem that only unseen forms lead to, one of those forms
        List<String[]> jobs = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) jobs.add(new String[]{words.get(i), words.get(i), stemOfWord.get(i)});
        Map<String, String> stemKeys = new java.util.TreeMap<>();
        aliases.forEach((alias, target) -> {
            if (target.startsWith("~")) stemKeys.putIfAbsent(target, alias);
        });
        stemKeys.forEach((key, alias) -> jobs.add(new String[]{key, alias, key.substring(1)}));
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        WordScores scorer = index.wordScores();
        List<Entry> computed = Parallel.map(jobs, threads, "search-export", job -> {
            String key = job[0];
            String stem = job[2];
            Best best = best(index, scorer, job[1]);
            ScoreDoc[] hits = best.hits();
            long matches = best.matches();
            Arrays.sort(hits, (a, b) -> pageNo[a.doc] != pageNo[b.doc] ? Integer.compare(pageNo[a.doc], pageNo[b.doc])
                    : Integer.compare(sectionNo[a.doc], sectionNo[b.doc]));
            StringBuilder sb = new StringBuilder(16 + hits.length * 10);
            sb.append('"').append(json.quoteAsString(key)).append("\":[").append(matches).append(",\"")
                    .append(stem.equals(key) ? "" : new String(json.quoteAsString(stem))).append('"');
            int last = 0;
            for (ScoreDoc h : hits) {
                sb.append(',').append(pageNo[h.doc] - last).append(',').append(sectionNo[h.doc]).append(',')
                        .append(Math.max(1, Math.round(h.score * 100)));
                last = pageNo[h.doc];
            }
            sb.append(']');
            return new Entry(key, sb.toString(), hits.length, matches > hits.length);
        });
        // word order, as the browser compares strings; an unseen form points to its stem's entry
        java.util.TreeMap<String, Entry> sorted = new java.util.TreeMap<>();
        for (Entry e : computed) if (e.kept() > 0) sorted.put(e.word(), e);
        int aliasCount = 0;
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (!sorted.containsKey(a.getValue()) || sorted.containsKey(a.getKey())) continue;
            sorted.put(a.getKey(), new Entry(a.getKey(), "\"" + new String(json.quoteAsString(a.getKey())) + "\":\""
                    + new String(json.quoteAsString(a.getValue())) + "\"", 0, false));
            aliasCount++;
        }
        List<Entry> entries = new ArrayList<>(sorted.values());
        // what is left to hold is the entries' text; the rest can go before the shards are cut
        computed = null;
        sorted = null;

        List<String> firstWords = new ArrayList<>();
        StringBuilder shard = new StringBuilder();
        long postings = 0;
        int truncated = 0;
        String previous = "";
        for (Entry e : entries) {
            postings += e.kept();
            if (e.truncated()) truncated++;
            if (shard.length() > 0 && shard.length() + e.json().length() > WORD_SHARD) {
                files.put("w" + (firstWords.size() - 1) + ".js", wordShard(firstWords.size() - 1, shard));
                shard.setLength(0);
            }
            // a shard is named by the shortest start of its first word that sorts after the words
            // before it: enough for the browser to find the shard of any word, and a smaller meta.js
            if (shard.length() == 0) firstWords.add(firstWords.isEmpty() ? "" : boundary(previous, e.word()));
            else shard.append(',');
            shard.append(e.json());
            previous = e.word();
        }
        if (shard.length() > 0) files.put("w" + (firstWords.size() - 1) + ".js", wordShard(firstWords.size() - 1, shard));
        int exported = entries.size();
        entries = null;
        shard = null;

        // Page shards hold documents in index order, cut by size even inside a long page; a shard
        // that starts inside a page repeats the page's URL and title, so a result needs one shard.
        List<int[]> firstDocs = new ArrayList<>();
        StoredFields stored = index.searcher().getIndexReader().storedFields();
        StringBuilder docs = new StringBuilder();
        String url = "";
        String title = "";
        int open = -1;
        boolean anySection = false;
        for (int doc = 0; doc < max; doc++) {
            Document d = stored.document(doc);
            int p = pageNo[doc];
            int sec = sectionNo[doc];
            String item;
            if (isPage[doc]) {
                url = str(json, relative(d.get("url"), basePath));
                title = str(json, d.get("title"));
                item = str(json, snippet(d.get("snippet")));
            } else {
                String u = d.get("url");
                item = "[" + str(json, u.substring(u.indexOf('#') + 1)) + "," + str(json, d.get("heading")) + ","
                        + str(json, snippet(d.get("body"))) + "]";
            }
            if (docs.length() > 0 && docs.length() + item.length() > DOC_SHARD) {
                docs.append("]]");
                files.put("d" + (firstDocs.size() - 1) + ".js", docShard(firstDocs.size() - 1, docs));
                docs.setLength(0);
                open = -1;
            }
            if (docs.length() == 0) firstDocs.add(new int[]{p, sec});
            if (open != p) {
                if (open >= 0) docs.append("]],");
                docs.append('[').append(p).append(',').append(url).append(',').append(title).append(',')
                        .append(isPage[doc] ? item : "null").append(',').append(isPage[doc] ? 1 : sec).append(",[");
                open = p;
                anySection = false;
                if (isPage[doc]) continue;
            }
            if (anySection) docs.append(',');
            docs.append(item);
            anySection = true;
        }
        if (docs.length() > 0) {
            docs.append("]]");
            files.put("d" + (firstDocs.size() - 1) + ".js", docShard(firstDocs.size() - 1, docs));
        }

        // Two levels, so that meta.js stays small on a large site: meta.js names the first shard of
        // each group of GROUP shards, and wiN.js / diN.js name every shard of group N.
        StringBuilder meta = new StringBuilder("docpulseSearch.meta({\"pages\":").append(pageCount)
                .append(",\"perWord\":").append(PER_WORD).append(",\"group\":").append(GROUP).append(",\"drop\":[");
        // the words a query drops unless it has nothing else (stop and question words), as SearchIndex.parse
        meta.append(String.join(",", QuestionWords.dropped().stream().map(w -> str(json, w)).toList()))
                .append("],\"words\":[");
        for (int g = 0; g * GROUP < firstWords.size(); g++) {
            meta.append(g == 0 ? "" : ",").append(str(json, firstWords.get(g * GROUP)));
            StringBuilder names = new StringBuilder();
            for (int i = g * GROUP; i < Math.min(firstWords.size(), (g + 1) * GROUP); i++) {
                names.append(i == g * GROUP ? "" : ",").append(str(json, firstWords.get(i)));
            }
            files.put("wi" + g + ".js", ("docpulseSearch.wordIndex(" + g + ",[" + names + "]);\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        // a page shard's first document: page (a delta from the one before) and section
        meta.append("],\"docs\":[");
        for (int g = 0, last = 0; g * GROUP < firstDocs.size(); g++) {
            int[] first = firstDocs.get(g * GROUP);
            meta.append(g == 0 ? "" : ",").append(first[0] - last).append(',').append(first[1]);
            last = first[0];
            StringBuilder names = new StringBuilder();
            for (int i = g * GROUP, before = first[0]; i < Math.min(firstDocs.size(), (g + 1) * GROUP); i++) {
                names.append(i == g * GROUP ? "" : ",").append(firstDocs.get(i)[0] - before).append(',')
                        .append(firstDocs.get(i)[1]);
                before = firstDocs.get(i)[0];
            }
            files.put("di" + g + ".js", ("docpulseSearch.docIndex(" + g + ",[" + names + "]);\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String version = HexFormat.of().formatHex(files.version.digest()).substring(0, 12);
        meta.append("],\"version\":\"").append(version).append("\"});\n");
        files.put("meta.js", meta.toString().getBytes(StandardCharsets.UTF_8));
        // meta.js first, as before: the order the files are listed in
        List<String> names = new ArrayList<>(files.names.size());
        names.add("meta.js");
        names.addAll(files.names.subList(0, files.names.size() - 1));
        return new Export(dir, names, version, exported - aliasCount, aliasCount, max, postings, truncated, files.bytes);
    }

    /** A word's best documents, best first, and how many documents match it. */
    record Best(ScoreDoc[] hits, long matches) {
    }

    /**
     * A word's best {@value #PER_WORD} documents and the number of documents that match it: scored from the postings when the word's
     * query allows it (see {@link WordScores}), else by Lucene. Lucene counts exactly only up to
     * 1,000 matches; the postings give the exact count.
     */
    static Best best(SearchIndex index, WordScores scorer, String word) throws IOException {
        org.apache.lucene.search.Query q = index.wordQuery(word);
        WordScores.Top top = scorer.top(q, false, PER_WORD);
        ScoreDoc[] hits;
        long matches;
        if (top != null) {
            hits = new ScoreDoc[top.docs().length];
            for (int i = 0; i < hits.length; i++) hits[i] = new ScoreDoc(top.docs()[i], top.scores()[i]);
            matches = top.matches();
        } else {
            // a common word: Lucene reads only the postings that can reach the best documents, the
            // more so without the word's coordination bonus, which every match gets alike (added
            // back here; the sum may differ from Lucene's in the last bit of the float)
            SearchIndex.Unbonused plain = SearchIndex.withoutBonus(q);
            TopDocs found = index.searcher().search(plain.query(), PER_WORD);
            hits = found.scoreDocs.clone();
            for (ScoreDoc h : hits) h.score = (float) ((double) h.score + plain.bonus());
            matches = found.totalHits.value;
        }
        return new Best(hits, matches);
    }

    /** Endings that, added to a stem, may make a word a reader types (checked with the stemmer). */
    private static final String[] ENDINGS = {"", "e", "s", "es", "ed", "ing", "er", "ers", "ion", "ions", "ation",
            "ations", "ment", "ments", "ly", "ies", "ied"};

    /**
     * Forms of the docs' words that the docs never use ("rotations" when the docs say "rotate" and
     * "rotating"), each with the key of the entry that Lucene would score it by. Lucene matches an
     * unseen form through its stem, so the browser must too, without stemming: every ending above is
     * tried on every stem, and the forms whose stem (Porter, as the index) is that stem are kept. A
     * form leads to the word that is its own stem when the docs have one (its query is the same),
     * else to {@code "~" + stem}, an entry exported for the stem alone.
     */
    static Map<String, String> inflections(List<String> words, List<String> stemOfWord, int threads) throws IOException {
        Set<String> vocabulary = new HashSet<>(words);
        Set<String> ownStems = new HashSet<>();
        TreeSet<String> roots = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            String st = stemOfWord.get(i);
            if (st.equals(words.get(i))) ownStems.add(st);
            if (st.length() >= 3 && st.chars().allMatch(c -> c >= 'a' && c <= 'z')) roots.add(st);
        }
        Analyzer stems = DocsAnalyzer.stems();
        List<String> list = new ArrayList<>(roots);
        List<List<String[]>> found = Parallel.map(chunks(list, 512), threads, "search-forms", chunk -> {
            List<String[]> out = new ArrayList<>();
            for (String st : chunk) {
                for (String ending : ENDINGS) {
                    String form = st + ending;
                    if (!vocabulary.contains(form) && stem(stems, form).equals(st)) out.add(new String[]{form, st});
                }
                if (st.endsWith("i")) {
                    // Porter writes a final y as i: directori(es) <- directory
                    String form = st.substring(0, st.length() - 1) + "y";
                    if (!vocabulary.contains(form) && stem(stems, form).equals(st)) out.add(new String[]{form, st});
                }
            }
            return out;
        });
        Map<String, String> aliases = new java.util.TreeMap<>();
        for (List<String[]> chunk : found) {
            for (String[] f : chunk) {
                String st = f[1];
                // a word of the docs that is its own stem has exactly the query of every unseen form
                boolean own = ownStems.contains(st);
                aliases.put(f[0], own ? st : "~" + st);
            }
        }
        return aliases;
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) out.add(list.subList(i, Math.min(list.size(), i + size)));
        return out;
    }

    /** Every word of the pages as a reader may type it, sorted. */
    static List<String> vocabulary(List<Page> pages, int threads) throws IOException {
        Analyzer analyzer = DocsAnalyzer.words();
        List<Set<String>> perPage = Parallel.map(pages.stream().filter(p -> !p.frontMatter().draft()).toList(), threads,
                "search-words", p -> {
                    Set<String> out = new HashSet<>();
                    StringBuilder text = new StringBuilder();
                    text.append(p.title()).append('\n').append(p.frontMatter().description()).append('\n')
                            .append(String.join(" ", p.frontMatter().tags())).append('\n').append(p.path()).append('\n');
                    p.headings().forEach(h -> text.append(h.text()).append('\n'));
                    text.append(p.text());
                    // a word written with capitals inside (titleSource, ADRs) is split into its parts
                    // by the analyzer, and the lower-cased word is not: keep it as written too
                    java.util.regex.Matcher m = DocsAnalyzer.TOKEN.matcher(text);
                    while (m.find()) {
                        String w = m.group();
                        if (w.length() <= MAX_WORD && w.charAt(0) != '-' && hasInnerCapital(w)) out.add(w);
                    }
                    try (TokenStream ts = analyzer.tokenStream("body", new StringReader(text.toString()))) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) {
                            if (term.length() > MAX_WORD || term.charAt(0) == '-') continue;
                            out.add(term.toString());
                        }
                        ts.end();
                    }
                    return out;
                });
        TreeSet<String> all = new TreeSet<>();
        perPage.forEach(all::addAll);
        return new ArrayList<>(all);
    }

    /** The shortest start of {@code word} that sorts after {@code before} (which sorts before word). */
    static String boundary(String before, String word) {
        for (int n = 1; n < word.length(); n++) {
            if (word.substring(0, n).compareTo(before) > 0) return word.substring(0, n);
        }
        return word;
    }

    /** Whether a word has a capital letter after its first character. */
    static boolean hasInnerCapital(String w) {
        for (int i = 1; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) return true;
        }
        return false;
    }

    private static String stem(Analyzer stems, String word) throws IOException {
        try (TokenStream ts = stems.tokenStream("w", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : word;
            ts.end();
            return out;
        }
    }

    private static byte[] wordShard(int n, CharSequence body) {
        return ("docpulseSearch.words(" + n + ",{" + body + "});\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] docShard(int n, CharSequence body) {
        return ("docpulseSearch.docs(" + n + ",[" + body + "]);\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String str(JsonStringEncoder json, String s) {
        return "\"" + new String(json.quoteAsString(s == null ? "" : s)) + "\"";
    }

    /** The route part of an index URL: the site's base path dropped, so the browser can prefix its own root. */
    static String relative(String url, String basePath) {
        return url != null && url.startsWith(basePath) ? url.substring(basePath.length()) : url == null ? "" : url;
    }

    /** The start of a text, cut at a word boundary, on one line. */
    static String snippet(String text) {
        if (text == null) return "";
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() <= SNIPPET) return t;
        int cut = t.lastIndexOf(' ', SNIPPET);
        return t.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET) + "…";
    }

    /** A short hash of every file, so a browser never mixes shards of two builds from its cache. */
}
