package io.docpulse.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import io.docpulse.content.Page;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Section;
import io.docpulse.content.SourceFile;

/**
 * The Lucene index of the docs: one document per page (title, description, tags, headings, path,
 * body) and one per section (heading and its text), so results deep-link to {@code page/#heading}.
 * A page ranks by its best document. Kept in docpulse's cache folder and rebuilt only when a page
 * (or the index format) changed.
 */
public final class SearchIndex implements Closeable {
    /**
     * Bump when the analysis, the fields or the ranking change, so old indexes (and what is kept
     * under their fingerprint: known-item rankings, the site's search data) are rebuilt.
     */
    static final String FORMAT = "docpulse-index-6";

    /** Field weights: a match in the title counts most. */
    static final Map<String, Float> WEIGHTS = Map.of("title", 5f, "description", 2f, "tags", 2f, "headings", 1.5f,
            "path", 1.5f, "body", 1f, "heading", 2.5f);

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** Analyses a query: stop words and question words dropped (see {@link QuestionWords}). */
    private final Analyzer queryAnalyzer = new DocsAnalyzer(false, QuestionWords.DROPPED);
    /** Analyses a query made only of stop and question words, which keeps them (as the index does). */
    private final Analyzer plainAnalyzer = new DocsAnalyzer(false);
    private final boolean reused;

    private SearchIndex(Directory directory, boolean reused, String fingerprint) throws IOException {
        this(directory, reused, fingerprint, null, null);
    }

    private SearchIndex(Directory directory, boolean reused, String fingerprint, Vectors vectors, Path vectorDir)
            throws IOException {
        this.directory = directory;
        this.vectors = vectors;
        this.vectorIndex = vectors == null ? null : VectorIndex.open(vectorDir);
        this.fingerprint = fingerprint;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.reused = reused;
        // Ranking groups hits by page: keep each document's page and kind in memory, so that
        // ranking reads no stored fields (known-item scoring runs tens of thousands of queries).
        // They are kept next to the index, so that opening it (docpulse search) reads no stored fields either.
        int max = reader.maxDoc();
        this.pathOf = new String[max];
        this.isPage = new boolean[max];
        Path kept = directory instanceof FSDirectory fs ? fs.getDirectory().resolve("documents.bin") : null;
        String key = FORMAT + "\n" + fingerprint + "\n" + max;
        boolean read = kept != null && io.docpulse.util.Kept.read(kept, key, in -> {
            for (int i = 0; i < max; i++) {
                pathOf[i] = io.docpulse.util.Kept.readString(in);
                isPage[i] = in.readBoolean();
            }
            return true;
        }).isPresent();
        if (read) return;
        var stored = reader.storedFields();
        java.util.Set<String> fields = java.util.Set.of("id", "kind");
        for (int i = 0; i < max; i++) {
            Document d = stored.document(i, fields);
            pathOf[i] = d.get("id");
            isPage[i] = "page".equals(d.get("kind"));
        }
        if (kept != null && fingerprint != null) {
            io.docpulse.util.Kept.write(kept, key, out -> {
                for (int i = 0; i < max; i++) {
                    io.docpulse.util.Kept.writeString(out, pathOf[i]);
                    out.writeBoolean(isPage[i]);
                }
            });
        }
    }

    private final String[] pathOf;
    private final boolean[] isPage;
    private final String fingerprint;
    /** With {@code search.vectors}: the query vectors and the section vectors; else both null. */
    private final Vectors vectors;
    private final VectorIndex vectorIndex;

    /**
     * The {@link #fingerprint} of the pages this index was built from: what is computed from the
     * index alone (known-item rankings, the site's search data) can be kept under it.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Whether this index was reused from the cache rather than built now. */
    public boolean reused() {
        return reused;
    }

    /** A fingerprint of the pages (paths and content hashes) and the index format. */
    public static String fingerprint(List<Page> pages, String basePath) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((FORMAT + "\n" + basePath + "\n").getBytes(StandardCharsets.UTF_8));
            for (Page p : pages) md.update((p.path() + "\t" + p.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A cheap fingerprint of the content files as they are on disk: the index format, the base
     * path, and each page's path, size and modification time. It lets {@code docpulse search}
     * reuse the index without reading and parsing every page; when it differs, the pages are
     * parsed and their content fingerprint decides.
     */
    public static String stamp(ContentSet content, String basePath) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((FORMAT + "\n" + basePath + "\n").getBytes(StandardCharsets.UTF_8));
            for (SourceFile f : content.pages()) {
                long modified = Files.getLastModifiedTime(f.absolute()).toMillis();
                md.update((f.path() + "\t" + Files.size(f.absolute()) + "\t" + modified + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index in {@code dir}, when it was built from the files exactly as {@code stamp} describes them. */
    public static Optional<SearchIndex> openIfUnchanged(Path dir, String stamp) {
        return openIfUnchanged(dir, stamp, null);
    }

    /** As {@link #openIfUnchanged(Path, String)}, for an index with these vectors (null: without). */
    public static Optional<SearchIndex> openIfUnchanged(Path dir, String stamp, Vectors vectors) {
        Path file = dir.resolve("stamp");
        stamp = withVectors(stamp, vectors);
        try {
            if (Files.isRegularFile(file) && Files.isRegularFile(dir.resolve("fingerprint"))
                    && Files.readString(file).strip().equals(stamp)) {
                return Optional.of(new SearchIndex(FSDirectory.open(dir), true,
                        Files.readString(dir.resolve("fingerprint")).strip(), vectors, dir.resolve("vectors")));
            }
        } catch (IOException e) {
            // a damaged index is only a cache: the caller builds it again
        }
        return Optional.empty();
    }

    /** Opens the index in {@code dir} when it was built from exactly these pages, else builds it there. */
    public static SearchIndex openOrBuild(Path dir, List<Page> pages, String basePath, Function<Page, String> urlOf)
            throws IOException {
        return openOrBuild(dir, pages, basePath, urlOf, null, 1);
    }

    /**
     * As {@link #openOrBuild(Path, List, String, Function)}, and records {@code stamp} (see
     * {@link #stamp}) so that the next {@link #openIfUnchanged} finds the index without parsing.
     */
    public static SearchIndex openOrBuild(Path dir, List<Page> pages, String basePath, Function<Page, String> urlOf,
                                          String stamp, int threads) throws IOException {
        return openOrBuild(dir, pages, basePath, urlOf, stamp, threads, null);
    }

    /**
     * As {@link #openOrBuild(Path, List, String, Function, String, int)}, with the section vectors
     * (null: without) kept beside the index, and the hybrid ranking (see {@link #rankPages}).
     */
    public static SearchIndex openOrBuild(Path dir, List<Page> pages, String basePath, Function<Page, String> urlOf,
                                          String stamp, int threads, Vectors vectors) throws IOException {
        SearchIndex index = openOrBuildIndex(dir, pages, basePath, urlOf, threads, vectors);
        stamp = stamp == null ? null : withVectors(stamp, vectors);
        Path file = dir.resolve("stamp");
        if (stamp == null) {
            Files.deleteIfExists(file);
        } else if (!Files.isRegularFile(file) || !Files.readString(file).strip().equals(stamp)) {
            Files.writeString(file, stamp + "\n");
        }
        return index;
    }

    /** A stamp or fingerprint, changed when the index holds vectors (of which model). */
    private static String withVectors(String key, Vectors vectors) {
        return vectors == null ? key : Vectors.sha256(key + "\nvectors\n" + vectors.model() + "\n" + Vectors.MAX_CHARS);
    }

    private static SearchIndex openOrBuildIndex(Path dir, List<Page> pages, String basePath,
                                                Function<Page, String> urlOf, int threads, Vectors vectors)
            throws IOException {
        String fp = withVectors(fingerprint(pages, basePath), vectors);
        Path stamp = dir.resolve("fingerprint");
        if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(fp)) {
            try {
                return new SearchIndex(FSDirectory.open(dir), true, fp, vectors, dir.resolve("vectors"));
            } catch (IOException e) {
                // a damaged index is only a cache: build it again
            }
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(stamp);
        Files.deleteIfExists(dir.resolve("stamp"));
        Directory d = FSDirectory.open(dir);
        io.docpulse.util.Progress.stage("index", pages.size());
        List<Page> indexed = pages.stream().filter(p -> !p.frontMatter().draft()).toList();
        write(dir, d, parts(indexed, threads, PART_CHARS), urlOf);
        if (vectors != null) VectorIndex.write(dir.resolve("vectors"), indexed, vectors);
        Files.writeString(stamp, fp + "\n");
        return new SearchIndex(d, false, fp, vectors, dir.resolve("vectors"));
    }

    /** A part of the pages to index on a thread of its own has at least this many characters. */
    static final int PART_CHARS = 200_000;

    /** Writes an index of these runs of pages, in order, into {@code d} (the folder {@code dir}). */
    static void write(Path dir, Directory d, List<List<Page>> parts, Function<Page, String> urlOf) throws IOException {
        if (parts.size() <= 1) {
            write(d, parts.isEmpty() ? List.of() : parts.get(0), urlOf);
        } else {
            // Each part of the pages is indexed on its own thread into its own folder, and the parts
            // are then added in page order: doc ids, statistics and so scores are those of an index
            // written by one thread, whatever the number of threads.
            List<Path> folders = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) folders.add(dir.resolve("part-" + i));
            try {
                io.docpulse.util.Parallel.map(java.util.stream.IntStream.range(0, parts.size()).boxed().toList(),
                        parts.size(), "index-part", i -> {
                            try (Directory pd = FSDirectory.open(folders.get(i))) {
                                write(pd, parts.get(i), urlOf);
                            }
                            return i;
                        });
                try (IndexWriter w = new IndexWriter(d, config())) {
                    Directory[] all = new Directory[folders.size()];
                    for (int i = 0; i < all.length; i++) all[i] = FSDirectory.open(folders.get(i));
                    try {
                        w.addIndexes(all);
                    } finally {
                        for (Directory pd : all) pd.close();
                    }
                    w.commit();
                }
            } finally {
                for (Path f : folders) io.docpulse.render.OutputFolder.deleteTree(f);
            }
        }
    }

    /**
     * The index's settings. Documents keep the order they are added in: a page, then its sections,
     * page after page. A page and its sections go in as one block (never split between segments),
     * and only neighbouring segments are merged, so doc ids, and with them rankings and the site's
     * exported index, are the same on every build.
     */
    private static IndexWriterConfig config() {
        return new IndexWriterConfig(new DocsAnalyzer(true))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setMergePolicy(new org.apache.lucene.index.LogDocMergePolicy())
                .setRAMBufferSizeMB(48);
    }

    private static void write(Directory d, List<Page> pages, Function<Page, String> urlOf) throws IOException {
        try (IndexWriter w = new IndexWriter(d, config())) {
            for (Page p : pages) {
                String url = urlOf.apply(p);
                List<Document> block = new ArrayList<>();
                block.add(pageDoc(p, url));
                for (Section s : p.sections()) {
                    if (s.id().isEmpty()) continue;
                    block.add(sectionDoc(p, s, url));
                }
                w.addDocuments(block);
                io.docpulse.util.Progress.step();
            }
            w.commit();
        }
    }

    /**
     * Pages cut into at most {@code n} runs of neighbouring pages with about as much text each, and
     * at least {@code minChars} (a small site is not worth a second thread).
     */
    static List<List<Page>> parts(List<Page> pages, int n, int minChars) {
        long total = 0;
        for (Page p : pages) total += p.text().length() + 200;
        int count = (int) Math.max(1, Math.min(n, total / minChars));
        List<List<Page>> out = new ArrayList<>();
        long size = 0;
        int from = 0;
        for (int i = 0; i < pages.size(); i++) {
            size += pages.get(i).text().length() + 200;
            if (out.size() < count - 1 && size * count >= total * (out.size() + 1)) {
                out.add(pages.subList(from, i + 1));
                from = i + 1;
            }
        }
        if (from < pages.size()) out.add(pages.subList(from, pages.size()));
        return out;
    }

    private static Document pageDoc(Page p, String url) {
        Document doc = new Document();
        doc.add(new StringField("kind", "page", Field.Store.YES));
        doc.add(new StringField("id", p.path(), Field.Store.YES));
        doc.add(new StoredField("url", url));
        doc.add(new TextField("title", p.title(), Field.Store.YES));
        doc.add(new TextField("description", p.frontMatter().description(), Field.Store.YES));
        doc.add(new TextField("tags", String.join(" ", p.frontMatter().tags()), Field.Store.NO));
        StringBuilder headings = new StringBuilder();
        p.headings().forEach(h -> headings.append(h.text()).append('\n'));
        doc.add(new TextField("headings", headings.toString(), Field.Store.NO));
        doc.add(new TextField("path", p.path(), Field.Store.NO));
        String intro = p.sections().isEmpty() || !p.sections().get(0).id().isEmpty() ? "" : p.sections().get(0).text();
        // the whole text again: a page that matches across its sections should rank as a whole
        doc.add(new TextField("body", p.text(), Field.Store.NO));
        doc.add(new StoredField("snippet", intro.isEmpty() ? p.frontMatter().description() : intro));
        doc.add(new StringField("type", keyword(p.frontMatter().type()), Field.Store.NO));
        doc.add(new StringField("owner", keyword(p.frontMatter().owner()), Field.Store.NO));
        return doc;
    }

    /**
     * A front-matter value indexed whole, cut to 1,000 characters: Lucene refuses a term over
     * 32,766 bytes, and one such value failed the whole run.
     */
    static String keyword(String value) {
        int max = 1000;
        if (value.length() <= max) return value;
        return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
    }

    private static Document sectionDoc(Page p, Section s, String url) {
        Document doc = new Document();
        doc.add(new StringField("kind", "section", Field.Store.YES));
        doc.add(new StringField("id", p.path(), Field.Store.YES));
        doc.add(new StoredField("url", url + "#" + s.id()));
        doc.add(new StoredField("pageTitle", p.title()));
        doc.add(new TextField("heading", s.heading(), Field.Store.YES));
        doc.add(new TextField("body", s.text(), Field.Store.YES));
        return doc;
    }

    /** A query uses at most this many words; the rest are ignored. */
    static final int MAX_QUERY_WORDS = 32;
    /**
     * ...and at most this many term lookups; with each word's lookups again for its coordination
     * bonus (see {@link #withBonus}), still under Lucene's limit of 1024 clauses.
     */
    static final int MAX_QUERY_TERMS = 500;

    /**
     * Each word of a query that a document matches, in any field, adds this many times the word's
     * inverse document frequency to the document's score: a coordination bonus, so that a page
     * holding every word of a question beats one with a single common word in its title. Tuned on
     * the judged sets in bench/search/ (see RESULTS.md).
     */
    static final float COORDINATION = 2f;

    /**
     * Parses a query: words, "phrases", -excluded, prefix*, as Lucene's simple query syntax. A
     * long query (a pasted paragraph, a long description) is cut to its first
     * {@value #MAX_QUERY_WORDS} words, and further while it would need more than
     * {@value #MAX_QUERY_TERMS} term lookups: each word is looked up in seven fields, and
     * code-like words also by their parts.
     *
     * <p>Stop words and question words ({@link QuestionWords}: "how", "should", "I") are dropped, unless
     * the query has nothing else to look up ("what is it"): then they are kept. Each word then gets
     * its coordination bonus ({@link #withBonus}).
     */
    public Query parse(String query) {
        Query q = parse(query, queryAnalyzer);
        return positiveTerms(q) > 0 ? q : parse(query, plainAnalyzer);
    }

    private Query parse(String query, Analyzer analyzer) {
        String[] words = query.strip().split("\\s+");
        int n = Math.min(words.length, MAX_QUERY_WORDS);
        while (true) {
            Query q = parseWords(String.join(" ", java.util.Arrays.copyOfRange(words, 0, n)), analyzer);
            int terms = terms(q);
            if (terms <= MAX_QUERY_TERMS) return withBonus(q);
            if (n == 1) return new MatchNoDocsQuery("a single word that expands to " + terms + " terms");
            n = n / 2;
        }
    }

    private Query parseWords(String query, Analyzer analyzer) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
        parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
        Query q = parser.parse(query);
        return q == null ? new MatchNoDocsQuery() : liftExclusions(q);
    }

    /** How many term lookups a query makes outside its exclusions. */
    static int positiveTerms(Query q) {
        return countTerms(q, true);
    }

    /**
     * The query with each word's coordination bonus: a word's query is a group of field queries
     * (one per field of {@link #WEIGHTS}), and it gets one more clause that matches where any of
     * them does and scores a constant, {@link #COORDINATION} times the word's inverse document
     * frequency. The bonus is part of the word's own query, so a query still scores as the sum of
     * its words' scores, which the site's search box relies on.
     */
    Query withBonus(Query q) {
        if (!(q instanceof org.apache.lucene.search.BooleanQuery bq) || COORDINATION <= 0) return q;
        org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        if (fieldGroup(bq)) {
            float bonus = bonus(bq);
            if (bonus <= 0) return q;
            for (BooleanClause c : bq.clauses()) b.add(c);
            b.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(bq), bonus),
                    BooleanClause.Occur.SHOULD);
            return b.build();
        }
        for (BooleanClause c : bq.clauses()) {
            boolean scored = c.getOccur() == BooleanClause.Occur.SHOULD || c.getOccur() == BooleanClause.Occur.MUST;
            b.add(scored ? withBonus(c.getQuery()) : c.getQuery(), c.getOccur());
        }
        return b.build();
    }

    /**
     * A word's query (see {@link #wordQuery}) without its coordination bonus, and the bonus: every
     * document the word matches gets the same bonus, so the best documents are those of the query
     * without it, each scoring the bonus more.
     */
    record Unbonused(Query query, float bonus) {
    }

    static Unbonused withoutBonus(Query word) {
        if (!(word instanceof org.apache.lucene.search.BooleanQuery bq)) return new Unbonused(word, 0f);
        org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        float bonus = 0f;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.SHOULD && c.getQuery() instanceof org.apache.lucene.search.BoostQuery boost
                    && boost.getQuery() instanceof org.apache.lucene.search.ConstantScoreQuery) {
                bonus = boost.getBoost();
            } else {
                b.add(c);
            }
        }
        return bonus == 0f ? new Unbonused(word, 0f) : new Unbonused(b.build(), bonus);
    }

    /** Whether a query is one word's group of optional field queries, each in a field of its own. */
    private static boolean fieldGroup(org.apache.lucene.search.BooleanQuery bq) {
        if (bq.getMinimumNumberShouldMatch() != 0 || bq.clauses().size() < 2) return false;
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD) return false;
            String f = fieldOf(c.getQuery());
            if (f == null || !fields.add(f)) return false;
        }
        return true;
    }

    /** The one field a query looks terms up in, or null (none, or several). */
    private static String fieldOf(Query q) {
        java.util.Set<String> fields = new java.util.HashSet<>();
        q.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields.size() == 1 ? fields.iterator().next() : null;
    }

    /**
     * A word's coordination bonus: {@link #COORDINATION} times the inverse document frequency
     * (BM25's) of its commonest term in any field; 0 for a word with no terms (a prefix).
     */
    private float bonus(Query group) {
        long[] df = {0};
        boolean[] any = {false};
        IOException[] failed = {null};
        group.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                for (org.apache.lucene.index.Term t : terms) {
                    any[0] = true;
                    try {
                        // the site's export asks this for every word: read the statistics it already holds
                        WordScores scores = wordScores;
                        long n = scores == null ? -1 : scores.docFreq(t);
                        df[0] = Math.max(df[0], n >= 0 ? n : reader.docFreq(t));
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (failed[0] != null) throw new java.io.UncheckedIOException(failed[0]);
        if (!any[0]) return 0f;
        long n = reader.maxDoc();
        return COORDINATION * (float) Math.log(1 + (n - df[0] + 0.5) / (df[0] + 0.5));
    }

    /** How many term lookups a query makes. */
    static int terms(Query q) {
        return countTerms(q, false);
    }

    private static int countTerms(Query q, boolean skipExclusions) {
        int[] count = {0};
        q.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return skipExclusions && occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return count[0];
    }

    /** A page's standing for one query: its combined score and its best-scoring document. */
    private record Ranked(String path, float score, int bestDoc) {
    }

    /**
     * Ranks pages: a page scores its best document (page or section) plus half of its next
     * document kind's best, so a page whose title and one of its sections both match beats a page
     * that matches in one place only.
     */
    private List<Ranked> rank(Query q, int limit) throws IOException {
        int n = Math.max(100, limit * 10);
        ScoreDoc[] hits = fromPostings(q, n);
        if (hits == null) {
            // only the best n are read, so Lucene may skip documents that cannot reach them as soon as
            // it has n (by default it counts every match up to 1,000 first); the best n are the same
            hits = searcher.search(q, new org.apache.lucene.search.TopScoreDocCollectorManager(n, n)).scoreDocs;
        }
        Map<String, float[]> scores = new LinkedHashMap<>();
        Map<String, int[]> docs = new LinkedHashMap<>();
        for (ScoreDoc sd : hits) {
            String path = pathOf[sd.doc];
            int kind = isPage[sd.doc] ? 0 : 1;
            float[] s = scores.computeIfAbsent(path, k -> new float[2]);
            int[] d = docs.computeIfAbsent(path, k -> new int[]{-1, -1});
            // hits come best first, so the first hit of each kind is that kind's best
            if (d[kind] < 0) {
                d[kind] = sd.doc;
                s[kind] = sd.score;
            }
        }
        List<Ranked> out = new ArrayList<>();
        for (Map.Entry<String, float[]> e : scores.entrySet()) {
            float[] s = e.getValue();
            int[] d = docs.get(e.getKey());
            float hi = Math.max(s[0], s[1]);
            float lo = Math.min(s[0], s[1]);
            // deep-link to the best section unless the page as a whole matches far better
            int link = d[1] >= 0 && (d[0] < 0 || s[1] >= 0.5f * s[0]) ? d[1] : d[0];
            out.add(new Ranked(e.getKey(), hi + 0.5f * lo, link));
        }
        out.sort((a, b) -> Float.compare(b.score(), a.score()) != 0 ? Float.compare(b.score(), a.score())
                : a.path().compareTo(b.path()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * With "any word" as the default, the parser turns {@code -word} into an optional clause
     * (everything except word) that can never exclude anything; lift such exclusions to the top so
     * they do.
     */
    static Query liftExclusions(Query q) {
        if (!(q instanceof org.apache.lucene.search.BooleanQuery bq)) return q;
        org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder();
        boolean positive = false;
        for (BooleanClause c : bq.clauses()) {
            if (c.getQuery() instanceof org.apache.lucene.search.BooleanQuery inner
                    && !inner.clauses().isEmpty()
                    && inner.clauses().stream().anyMatch(ic -> ic.getOccur() == BooleanClause.Occur.MUST_NOT)
                    && inner.clauses().stream().allMatch(ic -> ic.getOccur() == BooleanClause.Occur.MUST_NOT
                            || ic.getQuery() instanceof org.apache.lucene.search.MatchAllDocsQuery)) {
                inner.clauses().stream().filter(ic -> ic.getOccur() == BooleanClause.Occur.MUST_NOT)
                        .forEach(ic -> b.add(ic.getQuery(), BooleanClause.Occur.MUST_NOT));
            } else {
                b.add(c);
                if (c.getOccur() != BooleanClause.Occur.MUST_NOT) positive = true;
            }
        }
        return positive ? b.build() : q;
    }

    /**
     * Pages in rank order for a query, each once, at most {@code limit}. With vectors (search.vectors),
     * the hybrid ranking of {@link #hybrid}.
     */
    public List<String> rankPages(String query, int limit) throws IOException {
        return ranked(query, parse(query), limit).stream().map(Ranked::path).toList();
    }

    /** The lexical ranking of {@link #rank}, or with vectors the hybrid ranking. */
    private List<Ranked> ranked(String text, Query q, int limit) throws IOException {
        return vectors == null ? rank(q, limit) : hybrid(text, q, limit);
    }

    /** The hybrid ranking reads this many pages of each ranking (lexical and vector). */
    static final int HYBRID_DEPTH = 100;
    /** ...and asks the vector index for this many sections, to find about that many pages. */
    static final int HYBRID_SECTIONS = 400;

    /**
     * Ranks pages by a mix of words and meaning (decision 0008): each page scores
     * {@code w · its lexical score / the query's best lexical score + (1 − w) · v}, where {@code v}
     * is its best section's cosine with the query, scaled from the lowest to the highest cosine of
     * the vector ranking's top {@value #HYBRID_DEPTH} pages to 0..1, and {@code w} is
     * {@code search.lexical_weight}. A page missing from a ranking scores 0 there. A page links to
     * its lexically best section, or when only the vectors found it, to its nearest section.
     */
    private List<Ranked> hybrid(String text, Query q, int limit) throws IOException {
        double w = vectors.lexicalWeight();
        List<Ranked> lexical = rank(q, Math.max(limit, HYBRID_DEPTH));
        float[] qv = vectors.query(text);
        Map<String, VectorIndex.Near> nearest = new LinkedHashMap<>();
        for (VectorIndex.Near n : vectorIndex.nearest(qv, Math.max(HYBRID_SECTIONS, limit * 4))) {
            // nearest first: the first of a page is its best section
            if (nearest.size() < Math.max(limit, HYBRID_DEPTH) || nearest.containsKey(pathOf[n.doc()])) {
                nearest.putIfAbsent(pathOf[n.doc()], n);
            }
        }
        Map<String, double[]> score = new LinkedHashMap<>();
        Map<String, Integer> link = new LinkedHashMap<>();
        double top = lexical.isEmpty() ? 1 : lexical.get(0).score();
        for (Ranked r : lexical) {
            score.computeIfAbsent(r.path(), k -> new double[1])[0] += w * r.score() / top;
            link.put(r.path(), r.bestDoc());
        }
        if (!nearest.isEmpty()) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (VectorIndex.Near n : nearest.values()) {
                hi = Math.max(hi, n.cosine());
                lo = Math.min(lo, n.cosine());
            }
            for (Map.Entry<String, VectorIndex.Near> e : nearest.entrySet()) {
                double v = hi == lo ? 1 : (e.getValue().cosine() - lo) / (hi - lo);
                score.computeIfAbsent(e.getKey(), k -> new double[1])[0] += (1 - w) * v;
                link.putIfAbsent(e.getKey(), e.getValue().doc());
            }
        }
        List<Ranked> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : score.entrySet()) {
            out.add(new Ranked(e.getKey(), (float) e.getValue()[0], link.get(e.getKey())));
        }
        out.sort((a, b) -> Float.compare(b.score(), a.score()) != 0 ? Float.compare(b.score(), a.score())
                : a.path().compareTo(b.path()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * Pages whose title matches the query, best first, at most {@code limit}: what a page is
     * about, for placing it in a category. Only titles are searched, so a page that merely mentions
     * the words in passing is not taken.
     */
    public List<String> rankTitles(String query, int limit) throws IOException {
        SimpleQueryParser parser = new SimpleQueryParser(plainAnalyzer, Map.of("title", 1f));
        parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
        Query q = parser.parse(query);
        if (q == null) return List.of();
        Query pagesOnly = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.MUST)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "page")),
                        BooleanClause.Occur.FILTER)
                .build();
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(pagesOnly, limit).scoreDocs) out.add(pathOf[sd.doc]);
        return out;
    }

    /** Searches and returns pages, best first, each deep-linked to its best document. */
    public List<Hit> search(String query, int limit) throws IOException {
        Query q = parse(query);
        QueryScorer scorer = new QueryScorer(q);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, 160));
        highlighter.setEncoder(SearchIndex::escape);
        List<Hit> hits = new ArrayList<>();
        for (Ranked r : ranked(query, q, limit)) {
            Document doc = searcher.storedFields().document(r.bestDoc());
            boolean section = doc.get("kind").equals("section");
            String text = section ? doc.get("body") : doc.get("snippet");
            hits.add(new Hit(r.path(), doc.get("url"), section ? doc.get("pageTitle") : doc.get("title"),
                    section ? doc.get("heading") : "",
                    snippet(highlighter, section ? "body" : "description", text == null ? "" : text), r.score()));
        }
        return hits;
    }

    private String snippet(Highlighter highlighter, String field, String text) throws IOException {
        try {
            String best = highlighter.getBestFragment(queryAnalyzer, field, text);
            if (best != null) return best.replace('\n', ' ').strip();
        } catch (InvalidTokenOffsetsException e) {
            // fall through to the plain start of the text
        }
        String plain = text.replace('\n', ' ').strip();
        String cut = plain.length() > 160 ? plain.substring(0, 160) + "…" : plain;
        return escape(cut);
    }

    private static String escape(String s) {
        return io.docpulse.util.Html.escape(s);
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** Each document's page path (the {@code id} field), by Lucene doc id. */
    String[] pathOf() {
        return pathOf;
    }

    /** Whether each document is a whole page (else a section), by Lucene doc id. */
    boolean[] isPage() {
        return isPage;
    }

    /**
     * The query {@code docpulse search} runs for one word, with no operators read: a word of the
     * docs is scored exactly as when it is typed alone.
     */
    Query wordQuery(String word) throws IOException {
        Analyzer analyzer = wordAnalyzer(word);
        Query direct = singlePositionQuery(word, analyzer);
        if (direct != null) return withBonus(direct);
        // a code-like word: the parser builds the same query for every field, so parse it for one
        // and copy it to the others (the parser analyses the word once per field otherwise)
        Query one = new SimpleQueryParser(analyzer, Map.of("body", 1f), 0).parse(word);
        org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder();
        if (one == null) return parsedWordQuery(word);
        for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
            Query q = inField(one, field.getKey());
            if (q == null) return parsedWordQuery(word);
            b.add(field.getValue() != 1f ? new org.apache.lucene.search.BoostQuery(q, field.getValue()) : q,
                    BooleanClause.Occur.SHOULD);
        }
        Query q = b.build();
        return terms(q) > MAX_QUERY_TERMS ? new MatchNoDocsQuery() : withBonus(q);
    }

    /**
     * The analyzer {@link #parse} uses for a query of this word alone: question words dropped,
     * unless nothing else is left. A word of a longer query is scored as when typed alone, except a
     * question word, which the longer query drops (the site's search box drops it too).
     */
    private Analyzer wordAnalyzer(String word) throws IOException {
        try (org.apache.lucene.analysis.TokenStream ts = queryAnalyzer.tokenStream("body", word)) {
            ts.reset();
            boolean any = ts.incrementToken();
            ts.end();
            return any ? queryAnalyzer : plainAnalyzer;
        }
    }

    /** A query of terms, synonyms and boolean clauses with its field changed; null for other kinds. */
    private static Query inField(Query q, String field) {
        if (q instanceof org.apache.lucene.search.TermQuery t) {
            return new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(field, t.getTerm().bytes()));
        }
        if (q instanceof org.apache.lucene.search.SynonymQuery sq) {
            // no per-term boosts to copy: DocsAnalyzer sets none (WordScoresTest compares with the parser's query)
            org.apache.lucene.search.SynonymQuery.Builder b = new org.apache.lucene.search.SynonymQuery.Builder(field);
            for (org.apache.lucene.index.Term t : sq.getTerms()) b.addTerm(new org.apache.lucene.index.Term(field, t.bytes()));
            return b.build();
        }
        if (q instanceof org.apache.lucene.search.BoostQuery bq) {
            Query inner = inField(bq.getQuery(), field);
            return inner == null ? null : new org.apache.lucene.search.BoostQuery(inner, bq.getBoost());
        }
        if (q instanceof org.apache.lucene.search.BooleanQuery bool) {
            org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause c : bool.clauses()) {
                Query inner = inField(c.getQuery(), field);
                if (inner == null) return null;
                b.add(inner, c.getOccur());
            }
            return b.build();
        }
        return null;
    }

    /**
     * The query the parser builds for a word that analyses to one position (the word as written and
     * its stem, as most words do), built without the parser: over every field, a term query for one
     * term or a synonym query for several, boosted by the field's weight. Null for other words.
     */
    private Query singlePositionQuery(String word, Analyzer analyzer) throws IOException {
        List<String> terms = new ArrayList<>(2);
        try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream("body", word)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var inc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            var len = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if ((!terms.isEmpty() && inc.getPositionIncrement() != 0) || len.getPositionLength() != 1) return null;
                terms.add(term.toString());
            }
            ts.end();
        }
        if (terms.isEmpty()) return null;
        org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
            Query q;
            if (terms.size() == 1) {
                q = new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(field.getKey(), terms.get(0)));
            } else {
                org.apache.lucene.search.SynonymQuery.Builder sb =
                        new org.apache.lucene.search.SynonymQuery.Builder(field.getKey());
                for (String t : terms) sb.addTerm(new org.apache.lucene.index.Term(field.getKey(), t));
                q = sb.build();
            }
            if (field.getValue() != 1f) q = new org.apache.lucene.search.BoostQuery(q, field.getValue());
            b.add(q, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** {@link #wordQuery} as the query parser builds it. */
    Query parsedWordQuery(String word) throws IOException {
        Query q = new SimpleQueryParser(wordAnalyzer(word), WEIGHTS, 0).parse(word);
        // as parse(): a word that expands to too many term lookups finds nothing
        return q == null || terms(q) > MAX_QUERY_TERMS ? new MatchNoDocsQuery() : withBonus(q);
    }

    private volatile WordScores wordScores;

    /**
     * Ranks with scores read straight from the postings from now on (see {@link WordScores}): the
     * same documents in the same order with the same scores as Lucene's search, without setting up
     * a query's weights and scorers each time, which is most of the cost of the many short queries
     * of a build (known items, the team's questions). Made once, as the site's search export needs it
     * anyway; a single search from the terminal does not pay for it.
     */
    public void scoreFromPostings() throws IOException {
        wordScores();
        fromPostings = true;
    }

    private volatile boolean fromPostings;

    /** The best {@code n} hits of {@code q} as Lucene finds them, read from the postings; null to ask Lucene. */
    private ScoreDoc[] fromPostings(Query q, int n) throws IOException {
        if (!fromPostings) return null;
        WordScores.Top top = wordScores().top(q, false, n);
        if (top == null) return null;
        ScoreDoc[] out = new ScoreDoc[top.docs().length];
        for (int i = 0; i < out.length; i++) out[i] = new ScoreDoc(top.docs()[i], top.scores()[i]);
        return out;
    }

    /** Scores word queries from the postings (made on first use: it loads every field's norms). */
    synchronized WordScores wordScores() throws IOException {
        if (wordScores == null) wordScores = new WordScores(searcher, WEIGHTS.keySet());
        return wordScores;
    }

    /** Number of pages and sections in the index. */
    public int documents() {
        return reader.numDocs();
    }

    @Override
    public void close() throws IOException {
        if (vectorIndex != null) vectorIndex.close();
        reader.close();
        directory.close();
    }
}
