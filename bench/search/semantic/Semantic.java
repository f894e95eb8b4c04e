import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.store.FSDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigLoader;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Page;
import io.docpulse.content.ParsedContent;
import io.docpulse.content.Routes;
import io.docpulse.content.Section;
import io.docpulse.index.Hit;
import io.docpulse.index.NearDuplicates;
import io.docpulse.index.SearchIndex;

/**
 * Cost and quality of sentence embeddings for docpulse's search, outside docpulse (see README.md
 * beside this file; run through run.sh, which builds the classpath).
 *
 *   load  MODEL                         JVM start to the first vector
 *   embed MODEL CONTENT CACHE [--sample N] [--max-chars N]
 *                                       one vector per section; CACHE keeps vectors by the SHA-256 of
 *                                       the embedded text, so a second run embeds only what changed
 *   judge MODEL CACHE SET...            success@3 and MRR@10 on bench/search/judged-SET.json for lexical,
 *                                       vectors only and hybrids (a grid of parameters)
 *   knn   MODEL CONTENT CACHE           a Lucene index of the section vectors (KnnFloatVectorField, HNSW);
 *                                       sections with no vector in CACHE get a random one (size and time only)
 *   dump  MODEL CACHE OUT SET... [--chunks N]
 *                                       per question as JSON lines: the lexical top 100, each page's best cosine
 *                                       by kind of vector (first chunk of each section as docpulse embeds it,
 *                                       deeper chunks up to N per section, a page vector, second best and mean
 *                                       section, the question without question words) and the pages each
 *                                       scoring word matches; fusion.py and crossval.py rank from it
 *
 * MODEL is minilm-q, minilm or e5-q. Sections are docpulse's own (Page.sections()), embedded as
 * "page title / heading" and the section's text; a page without sections as its title and text.
 */
public class Semantic {
    static final Map<String, String> MODELS = Map.of(
            "minilm-q", "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
            "minilm", "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel",
            "e5-q", "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel");

    static String modelName;
    static int maxChars = Integer.MAX_VALUE;

    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        int sample = 1;
        int i = a.indexOf("--sample");
        if (i >= 0) {
            sample = Integer.parseInt(a.get(i + 1));
            a.subList(i, i + 2).clear();
        }
        i = a.indexOf("--max-chars");
        if (i >= 0) {
            maxChars = Integer.parseInt(a.get(i + 1));
            a.subList(i, i + 2).clear();
        }
        modelName = a.get(1);
        switch (a.get(0)) {
            case "load" -> load();
            case "embed" -> embed(Path.of(a.get(2)), Path.of(a.get(3)), sample);
            case "judge" -> judge(Path.of(a.get(2)), a.subList(3, a.size()));
            case "knn" -> knn(Path.of(a.get(2)), Path.of(a.get(3)));
            case "dump" -> dump(Path.of(a.get(2)), Path.of(a.get(3)), a.subList(4, a.size()));
            default -> throw new IllegalArgumentException("unknown mode " + a.get(0));
        }
    }

    /** CPU time of the whole process (all threads, ONNX Runtime's native ones too). */
    static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    static EmbeddingModel model() throws Exception {
        return (EmbeddingModel) Class.forName(MODELS.get(modelName)).getConstructor().newInstance();
    }

    static String passage(String s) {
        if (s.length() > maxChars) s = s.substring(0, maxChars);
        return modelName.startsWith("e5") ? "passage: " + s : s;
    }

    static String query(String s) {
        return modelName.startsWith("e5") ? "query: " + s : s;
    }

    static void load() throws Exception {
        long start = uptime();
        EmbeddingModel m = model();
        long loaded = uptime();
        float[] v = m.embed(query("how do I roll back a bad deploy")).content().vector();
        long first = uptime();
        System.out.printf(Locale.ROOT, "%s\tjvm-start-to-main %d ms\tmodel-load %d ms\tfirst-vector %d ms\tjvm-start-to-first-vector %d ms\tdim %d%n",
                modelName, start, loaded - start, first - loaded, first, v.length);
    }

    // ---- sections -------------------------------------------------------------------------------

    record Doc(String page, String text) {
    }

    static List<Doc> docs(List<Page> pages) {
        List<Doc> out = new ArrayList<>();
        for (Page p : pages) {
            if (p.sections().isEmpty()) {
                out.add(new Doc(p.path(), passage(p.title() + "\n" + p.text())));
                continue;
            }
            for (Section s : p.sections()) {
                String head = s.heading().isEmpty() ? p.title() : p.title() + " / " + s.heading();
                out.add(new Doc(p.path(), passage(head + "\n" + s.text())));
            }
        }
        return out;
    }

    static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- the cache: SHA-256 of the embedded text -> vector ---------------------------------------

    static Map<String, float[]> readCache(Path f) throws IOException {
        Map<String, float[]> m = new HashMap<>();
        if (!Files.exists(f)) return m;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            int n = in.readInt();
            int dim = in.readInt();
            byte[] key = new byte[32];
            for (int k = 0; k < n; k++) {
                in.readFully(key);
                float[] v = new float[dim];
                for (int d = 0; d < dim; d++) v[d] = in.readFloat();
                m.put(HexFormat.of().formatHex(key), v);
            }
        }
        return m;
    }

    static void writeCache(Path f, Map<String, float[]> m) throws IOException {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        int dim = m.values().iterator().next().length;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(m.size());
            out.writeInt(dim);
            for (Map.Entry<String, float[]> e : m.entrySet()) {
                out.write(HexFormat.of().parseHex(e.getKey()));
                for (float x : e.getValue()) out.writeFloat(x);
            }
        }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Vectors for every doc, from the cache or embedded now; prints what it cost. */
    static float[][] vectors(List<Doc> docs, Path cacheFile, String label) throws Exception {
        long t0 = System.nanoTime();
        Map<String, float[]> cache = readCache(cacheFile);
        long tRead = System.nanoTime();
        String[] keys = new String[docs.size()];
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < docs.size(); k++) {
            keys[k] = sha(docs.get(k).text());
            if (!cache.containsKey(keys[k])) missing.add(k);
        }
        long tHash = System.nanoTime();
        long loadMs = 0;
        long embedMs = 0;
        long chars = 0;
        if (!missing.isEmpty()) {
            long l0 = System.nanoTime();
            EmbeddingModel m = model();
            loadMs = (System.nanoTime() - l0) / 1_000_000;
            long e0 = System.nanoTime();
            for (int from = 0; from < missing.size(); from += 256) {
                List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + 256));
                List<TextSegment> segs = new ArrayList<>();
                for (int k : batch) {
                    segs.add(TextSegment.from(docs.get(k).text()));
                    chars += docs.get(k).text().length();
                }
                List<Embedding> es = m.embedAll(segs).content();
                for (int j = 0; j < batch.size(); j++) cache.put(keys[batch.get(j)], es.get(j).vector());
                // a long run keeps what it has embedded so far
                if ((from / 256) % 8 == 7) writeCache(cacheFile, cache);
            }
            embedMs = (System.nanoTime() - e0) / 1_000_000;
            writeCache(cacheFile, cache);
        }
        float[][] out = new float[docs.size()][];
        for (int k = 0; k < docs.size(); k++) out[k] = cache.get(keys[k]);
        long total = (System.nanoTime() - t0) / 1_000_000;
        System.err.printf(Locale.ROOT, "%s: %d sections, %d embedded (%d chars) in %d ms + model load %d ms; cache read %d ms, hashing %d ms; total %d ms%n",
                label, docs.size(), missing.size(), chars, embedMs, loadMs, (tRead - t0) / 1_000_000, (tHash - tRead) / 1_000_000, total);
        lastEmbedded = missing.size();
        lastEmbedMs = embedMs;
        lastLoadMs = loadMs;
        lastChars = chars;
        return out;
    }

    static int lastEmbedded;
    static long lastEmbedMs;
    static long lastLoadMs;
    static long lastChars;

    // ---- embed: cost on a corpus ---------------------------------------------------------------------

    static void embed(Path content, Path cacheFile, int sample) throws Exception {
        long t0 = System.nanoTime();
        Config cfg = ConfigLoader.load(ConfigLoader.locate(content));
        ParsedContent parsed = Build.parse(content, cfg, Runtime.getRuntime().availableProcessors());
        long parseMs = (System.nanoTime() - t0) / 1_000_000;
        List<Page> all = new ArrayList<>(parsed.pages());
        all.sort(Comparator.comparing(Page::path));
        List<Doc> allDocs = docs(all);
        long allChars = allDocs.stream().mapToLong(d -> d.text().length()).sum();
        List<Page> pages = new ArrayList<>();
        for (int k = 0; k < all.size(); k += sample) pages.add(all.get(k));
        List<Doc> docs = docs(pages);
        long docsChars = docs.stream().mapToLong(d -> d.text().length()).sum();
        long v0 = System.nanoTime();
        long c0 = cpuMs();
        vectors(docs, cacheFile, content.toString());
        long vecMs = (System.nanoTime() - v0) / 1_000_000;
        long vecCpuMs = cpuMs() - c0;
        double scale = (double) allChars / docsChars;
        System.out.printf(Locale.ROOT,
                "%s\t%s\tpages %d/%d\tsections %d/%d\tchars %d/%d\tparse %d ms\tembedded %d\tembed %d ms\tper-section %.2f ms\tper-1k-chars %.2f ms\tmodel-load %d ms\tvectors-step %d ms\tvectors-step-cpu %d ms\textrapolated-embed-all %.0f s\textrapolated-vectors-step-cpu-all %.0f s%n",
                modelName, content.getParent() == null ? content : content.getParent().getFileName(), pages.size(), all.size(),
                docs.size(), allDocs.size(), docsChars, allChars, parseMs, lastEmbedded, lastEmbedMs,
                lastEmbedded == 0 ? 0 : (double) lastEmbedMs / lastEmbedded,
                lastChars == 0 ? 0 : lastEmbedMs * 1000.0 / lastChars, lastLoadMs, vecMs,
                vecCpuMs, lastEmbedMs * scale / 1000.0, vecCpuMs * scale / 1000.0);
    }

    // ---- judge: quality on the judged sets -------------------------------------------------------------

    record Q(String text, List<String> relevant, String style) {
    }

    record SetRun(String name, List<Q> questions, List<List<Hit>> lexical, List<List<Map.Entry<String, Double>>> vector) {
    }

    static void judge(Path cacheDir, List<String> sets0) throws Exception {
        List<String> sets = sets0;
        Path project = Path.of(System.getProperty("docpulse.projectDir", "."));
        List<SetRun> runs = new ArrayList<>();
        EmbeddingModel qm = null;
        for (String set0 : sets) {
            String set = set0;
            Path file = set0.endsWith(".json") ? Path.of(set0) : project.resolve("bench/search/judged-" + set0 + ".json");
            JsonNode judged = new ObjectMapper().readTree(file.toFile());
            set = judged.get("set").asText();
            Path root = project.resolve(judged.get("root").asText()).normalize();
            List<Q> qs = new ArrayList<>();
            for (JsonNode q : judged.get("queries")) {
                List<String> rel = new ArrayList<>();
                q.get("relevant").forEach(r -> rel.add(r.asText()));
                qs.add(new Q(q.get("q").asText(), rel, q.has("style") ? q.get("style").asText() : ""));
            }
            // as JudgedSearchTest parses and indexes
            ContentSet content = new ContentScanner(Set.of("docpulse.yml")).scan(root);
            Routes routes = new Routes(content, "/", "", "");
            ParsedContent parsed = new ContentParser(routes).parse(content, 2);
            List<Page> pages = new ArrayList<>(parsed.pages());
            pages.sort(Comparator.comparing(Page::path));
            List<List<Hit>> lex = new ArrayList<>();
            Path tmp = Files.createTempDirectory("semantic-judge");
            try (SearchIndex index = SearchIndex.openOrBuild(tmp.resolve("index"), pages, "/", p -> "/" + p.route())) {
                for (Q q : qs) lex.add(index.search(q.text(), 100));
            }
            List<Doc> docs = docs(pages);
            float[][] vec = vectors(docs, cacheDir.resolve(modelName + "-judged-" + set + ".vec"), set);
            if (qm == null) qm = model();
            List<List<Map.Entry<String, Double>>> vr = new ArrayList<>();
            for (Q q : qs) {
                float[] qv = qm.embed(query(q.text())).content().vector();
                Map<String, Double> best = new HashMap<>();
                for (int k = 0; k < docs.size(); k++) best.merge(docs.get(k).page(), cos(qv, vec[k]), Math::max);
                List<Map.Entry<String, Double>> ranked = new ArrayList<>(best.entrySet());
                ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
                vr.add(ranked);
            }
            // a set with questions of several styles (bench/search/judged-*.json "style") is reported per style
            Map<String, List<Integer>> byStyle = new java.util.TreeMap<>();
            for (int j = 0; j < qs.size(); j++) byStyle.computeIfAbsent(qs.get(j).style(), x -> new ArrayList<>()).add(j);
            for (Map.Entry<String, List<Integer>> e : byStyle.entrySet()) {
                String name = byStyle.size() == 1 || e.getKey().isEmpty() ? set : set + " " + e.getKey();
                List<Integer> idx = e.getValue();
                runs.add(new SetRun(name, idx.stream().map(qs::get).toList(), idx.stream().map(lex::get).toList(),
                        idx.stream().map(vr::get).toList()));
            }
        }
        // ranking functions: each returns pages best first for question j of a run
        Map<String, java.util.function.BiFunction<SetRun, Integer, List<String>>> systems = new LinkedHashMap<>();
        systems.put("lexical", (r, j) -> r.lexical().get(j).stream().map(Hit::path).toList());
        systems.put("vector", (r, j) -> r.vector().get(j).stream().map(Map.Entry::getKey).toList());
        for (int k : new int[] {5, 10, 20, 60}) {
            for (double w : new double[] {0.5, 1.0, 1.5, 2.0}) {
                systems.put(String.format(Locale.ROOT, "rrf k=%d w_vec=%.1f", k, w), (r, j) -> rrf(r, j, k, w));
            }
        }
        for (double alpha : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}) {
            systems.put(String.format(Locale.ROOT, "linear a_lex=%.1f", alpha), (r, j) -> linear(r, j, alpha));
        }
        StringBuilder head = new StringBuilder("| system |");
        StringBuilder rule = new StringBuilder("|---|");
        for (SetRun r : runs) {
            head.append(" ").append(r.name()).append(" (").append(r.questions().size()).append(") s@3 | MRR@10 |");
            rule.append("---:|---:|");
        }
        head.append(" mean s@3 | mean MRR@10 |");
        rule.append("---:|---:|");
        System.out.println("model " + modelName + (maxChars < Integer.MAX_VALUE ? " (sections cut at " + maxChars + " chars)" : ""));
        System.out.println(head);
        System.out.println(rule);
        for (Map.Entry<String, java.util.function.BiFunction<SetRun, Integer, List<String>>> s : systems.entrySet()) {
            StringBuilder row = new StringBuilder("| " + s.getKey() + " |");
            double ms3 = 0;
            double mmrr = 0;
            for (SetRun r : runs) {
                double rr = 0;
                int at3 = 0;
                for (int j = 0; j < r.questions().size(); j++) {
                    List<String> ranked = s.getValue().apply(r, j);
                    int rank = 0;
                    for (int x = 0; x < Math.min(10, ranked.size()); x++) {
                        if (r.questions().get(j).relevant().contains(ranked.get(x))) {
                            rank = x + 1;
                            break;
                        }
                    }
                    if (rank > 0) rr += 1.0 / rank;
                    if (rank > 0 && rank <= 3) at3++;
                }
                double s3 = (double) at3 / r.questions().size();
                double mrr = rr / r.questions().size();
                ms3 += s3 / runs.size();
                mmrr += mrr / runs.size();
                row.append(String.format(Locale.ROOT, " %.3f | %.3f |", s3, mrr));
            }
            row.append(String.format(Locale.ROOT, " %.3f | %.3f |", ms3, mmrr));
            System.out.println(row);
        }
    }

    // ---- dump: everything a fusion experiment needs, as JSON lines (see fusion.py) ---------------------

    /**
     * Chunks of a section beyond its first (which is {@link #docs}' text): the heading line again, then
     * the next window of the section's text, each at most {@link #maxChars} characters, at most
     * {@code max - 1} of them, each starting at a word.
     */
    static List<String> moreChunks(String head, String body, int max) {
        List<String> out = new ArrayList<>();
        int window = Math.max(200, maxChars - head.length() - 1);
        int start = window;
        while (out.size() < max - 1 && start < body.length()) {
            while (start < body.length() && !Character.isWhitespace(body.charAt(start - 1))) start++;
            if (start >= body.length()) break;
            String c = head + "\n" + body.substring(start);
            out.add(c.length() > maxChars ? c.substring(0, maxChars) : c);
            start += window;
        }
        return out;
    }

    /** A page's own vector text: title, description and first paragraph of its text. */
    static String pageText(Page p) {
        String text = p.text().strip();
        int blank = text.indexOf("\n\n");
        String first = blank < 0 ? text : text.substring(0, blank);
        String s = p.title() + "\n" + p.frontMatter().description() + "\n" + first;
        return s.length() > maxChars ? s.substring(0, maxChars) : s;
    }

    /**
     * dump CACHE OUT SET... [--chunks N]: per question, the lexical top 100 (path, score) and per page
     * the best cosine of its first chunks (today's vectors), of its deeper chunks (up to N per
     * section) and of its page vector; per set, the pages' word counts and near-duplicates.
     */
    static void dump(Path cacheDir, Path out, List<String> args) throws Exception {
        List<String> sets = new ArrayList<>(args);
        int chunks = 1;
        int ci = sets.indexOf("--chunks");
        if (ci >= 0) {
            chunks = Integer.parseInt(sets.get(ci + 1));
            sets.subList(ci, ci + 2).clear();
        }
        Path project = Path.of(System.getProperty("docpulse.projectDir", "."));
        ObjectMapper om = new ObjectMapper();
        try (java.io.BufferedWriter w = Files.newBufferedWriter(out)) {
            for (String set0 : sets) {
                Path file = set0.endsWith(".json") ? Path.of(set0) : project.resolve("bench/search/judged-" + set0 + ".json");
                JsonNode judged = om.readTree(file.toFile());
                String set = judged.get("set").asText();
                Path root = project.resolve(judged.get("root").asText()).normalize();
                ContentSet content = new ContentScanner(Set.of("docpulse.yml")).scan(root);
                Routes routes = new Routes(content, "/", "", "");
                ParsedContent parsed = new ContentParser(routes).parse(content, 2);
                List<Page> pages = new ArrayList<>(parsed.pages());
                pages.sort(Comparator.comparing(Page::path));
                List<Doc> first = docs(pages);
                List<Doc> deeper = new ArrayList<>();
                List<Doc> pageDocs = new ArrayList<>();
                for (Page p : pages) {
                    pageDocs.add(new Doc(p.path(), pageText(p)));
                    for (Section s : p.sections()) {
                        String head = s.heading().isEmpty() ? p.title() : p.title() + " / " + s.heading();
                        for (String c : moreChunks(head, s.text(), chunks)) deeper.add(new Doc(p.path(), c));
                    }
                    if (p.sections().isEmpty()) for (String c : moreChunks(p.title(), p.text(), chunks)) deeper.add(new Doc(p.path(), c));
                }
                System.err.printf(Locale.ROOT, "%s: %d pages, %d first chunks, %d deeper chunks (%d chars)%n", set, pages.size(),
                        first.size(), deeper.size(), deeper.stream().mapToLong(d -> d.text().length()).sum());
                Path cache = cacheDir.resolve(modelName + "-judged-" + set + ".vec");
                long c0 = cpuMs();
                float[][] vFirst = vectors(first, cache, set + " first");
                float[][] vDeeper = deeper.isEmpty() ? new float[0][] : vectors(deeper, cacheDir.resolve(modelName + "-chunks-" + set + ".vec"), set + " deeper");
                float[][] vPage = vectors(pageDocs, cacheDir.resolve(modelName + "-pages-" + set + ".vec"), set + " pages");
                System.err.printf(Locale.ROOT, "%s: vectors step %d CPU ms%n", set, cpuMs() - c0);
                Map<String, List<NearDuplicates.Match>> dups = NearDuplicates.find(pages, 2);
                var meta = om.createObjectNode();
                meta.put("set", set);
                var pm = meta.putObject("pages");
                for (Page p : pages) {
                    var o = pm.putObject(p.path());
                    o.put("words", p.words());
                    o.put("title", p.title());
                    var d = o.putArray("dups");
                    dups.getOrDefault(p.path(), List.of()).forEach(m -> d.add(m.path()));
                }
                w.write(om.writeValueAsString(meta));
                w.newLine();
                List<JsonNode> qs = new ArrayList<>();
                judged.get("queries").forEach(qs::add);
                List<Doc> qdocs = qs.stream().map(q -> new Doc("", query(q.get("q").asText()))).toList();
                float[][] qv = vectors(qdocs, cacheDir.resolve(modelName + "-queries.vec"), set + " queries");
                // the same questions with only their scoring words (question and stop words left out)
                List<Doc> sdocs = new ArrayList<>();
                for (JsonNode q : qs) {
                    StringBuilder b = new StringBuilder();
                    for (String raw : q.get("q").asText().split("[^\\p{L}\\p{N}_]+")) if (!raw.isEmpty() && scores(raw)) b.append(raw).append(' ');
                    sdocs.add(new Doc("", query(b.toString().strip())));
                }
                float[][] sv = vectors(sdocs, cacheDir.resolve(modelName + "-queries.vec"), set + " stripped queries");
                Path tmp = Files.createTempDirectory("semantic-dump");
                try (SearchIndex index = SearchIndex.openOrBuild(tmp.resolve("index"), pages, "/", p -> "/" + p.route())) {
                    for (int j = 0; j < qs.size(); j++) {
                        JsonNode q = qs.get(j);
                        var o = om.createObjectNode();
                        o.put("set", set);
                        o.set("q", q);
                        var lex = o.putArray("lex");
                        for (Hit h : index.search(q.get("q").asText(), 100)) lex.addArray().add(h.path()).add(h.score());
                        // the query's words that score (question and stop words dropped, as SearchIndex.parse does),
                        // each with the pages it matches: what share of the query a page covers
                        var words = o.putArray("words");
                        java.util.Set<String> seen = new java.util.HashSet<>();
                        for (String raw : q.get("q").asText().split("[^\\p{L}\\p{N}_]+")) {
                            if (raw.isEmpty() || !seen.add(raw.toLowerCase(Locale.ROOT)) || !scores(raw)) continue;
                            var wo = words.addObject();
                            wo.put("w", raw);
                            var wp = wo.putArray("pages");
                            for (String page : index.rankPages(raw, 100_000)) wp.add(page);
                        }
                        var vec = o.putObject("vec");
                        for (var e : List.of(Map.entry("first", Map.entry(first, vFirst)), Map.entry("deeper", Map.entry(deeper, vDeeper)),
                                Map.entry("page", Map.entry(pageDocs, vPage)))) {
                            Map<String, Double> best = new java.util.TreeMap<>();
                            List<Doc> ds = e.getValue().getKey();
                            float[][] vs = e.getValue().getValue();
                            for (int k = 0; k < ds.size(); k++) best.merge(ds.get(k).page(), cos(qv[j], vs[k]), Math::max);
                            var vo = vec.putObject(e.getKey());
                            best.forEach((k, v) -> vo.put(k, Math.round(v * 1e5) / 1e5));
                        }
                        // first chunks: each page's second best section, its mean, and the best for the stripped question
                        Map<String, List<Double>> all = new java.util.TreeMap<>();
                        Map<String, Double> stripped = new java.util.TreeMap<>();
                        for (int k = 0; k < first.size(); k++) {
                            all.computeIfAbsent(first.get(k).page(), x -> new ArrayList<>()).add(cos(qv[j], vFirst[k]));
                            stripped.merge(first.get(k).page(), cos(sv[j], vFirst[k]), Math::max);
                        }
                        var second = vec.putObject("second");
                        var mean = vec.putObject("mean");
                        all.forEach((k, l) -> {
                            l.sort(java.util.Collections.reverseOrder());
                            second.put(k, l.size() > 1 ? Math.round(l.get(1) * 1e5) / 1e5 : Math.round(l.get(0) * 1e5) / 1e5);
                            mean.put(k, Math.round(l.stream().mapToDouble(x -> x).average().orElse(0) * 1e5) / 1e5);
                        });
                        var so = vec.putObject("stripped");
                        stripped.forEach((k, v) -> so.put(k, Math.round(v * 1e5) / 1e5));
                        w.write(om.writeValueAsString(o));
                        w.newLine();
                    }
                }
            }
        }
    }

    static org.apache.lucene.analysis.Analyzer queryAnalyzer;

    /** Whether a word of a query scores: SearchIndex's query analyzer (question words dropped) keeps it. */
    static boolean scores(String word) throws Exception {
        if (queryAnalyzer == null) {
            Class<?> qw = Class.forName("io.docpulse.index.QuestionWords");
            var f = qw.getDeclaredField("DROPPED");
            f.setAccessible(true);
            var c = io.docpulse.index.DocsAnalyzer.class.getDeclaredConstructor(boolean.class, org.apache.lucene.analysis.CharArraySet.class);
            c.setAccessible(true);
            queryAnalyzer = (org.apache.lucene.analysis.Analyzer) c.newInstance(false, f.get(null));
        }
        try (var ts = queryAnalyzer.tokenStream("body", word)) {
            ts.reset();
            boolean any = ts.incrementToken();
            ts.end();
            return any;
        }
    }

    static double cos(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static final int DEPTH = 100;

    /** Reciprocal rank fusion of the lexical and vector page rankings (their top DEPTH each). */
    static List<String> rrf(SetRun r, int j, int k, double wVec) {
        Map<String, Double> score = new HashMap<>();
        List<Hit> lex = r.lexical().get(j);
        for (int x = 0; x < Math.min(DEPTH, lex.size()); x++) score.merge(lex.get(x).path(), 1.0 / (k + x + 1), Double::sum);
        List<Map.Entry<String, Double>> vec = r.vector().get(j);
        for (int x = 0; x < Math.min(DEPTH, vec.size()); x++) score.merge(vec.get(x).getKey(), wVec / (k + x + 1), Double::sum);
        return sorted(score);
    }

    /**
     * A linear mix: lexical score divided by the query's best lexical score (0 when not matched),
     * cosine min-max scaled over the vector top DEPTH.
     */
    static List<String> linear(SetRun r, int j, double alpha) {
        Map<String, Double> score = new HashMap<>();
        List<Hit> lex = r.lexical().get(j);
        double top = lex.isEmpty() ? 1 : lex.get(0).score();
        for (Hit h : lex) score.merge(h.path(), alpha * h.score() / top, Double::sum);
        List<Map.Entry<String, Double>> vec = r.vector().get(j);
        int n = Math.min(DEPTH, vec.size());
        double hi = vec.get(0).getValue();
        double lo = vec.get(n - 1).getValue();
        for (int x = 0; x < n; x++) {
            double v = hi == lo ? 1 : (vec.get(x).getValue() - lo) / (hi - lo);
            score.merge(vec.get(x).getKey(), (1 - alpha) * v, Double::sum);
        }
        return sorted(score);
    }

    static List<String> sorted(Map<String, Double> score) {
        List<Map.Entry<String, Double>> e = new ArrayList<>(score.entrySet());
        e.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return e.stream().map(Map.Entry::getKey).toList();
    }

    // ---- knn: the vectors in a Lucene index ------------------------------------------------------------

    static void knn(Path content, Path cacheFile) throws Exception {
        Config cfg = ConfigLoader.load(ConfigLoader.locate(content));
        ParsedContent parsed = Build.parse(content, cfg, Runtime.getRuntime().availableProcessors());
        List<Page> pages = new ArrayList<>(parsed.pages());
        pages.sort(Comparator.comparing(Page::path));
        List<Doc> docs = docs(pages);
        // only the vectors already in the cache (from embed); the others are random unit vectors of the
        // same dimension, which is enough to measure the index's size and build time
        Map<String, float[]> cache = readCache(cacheFile);
        int dim = cache.values().iterator().next().length;
        java.util.Random rnd = new java.util.Random(42);
        float[][] vec = new float[docs.size()][];
        int real = 0;
        for (int k = 0; k < docs.size(); k++) {
            vec[k] = cache.get(sha(docs.get(k).text()));
            if (vec[k] != null) {
                real++;
                continue;
            }
            vec[k] = new float[dim];
            for (int d = 0; d < dim; d++) vec[k][d] = (float) rnd.nextGaussian();
        }
        System.err.println("knn: " + real + " of " + docs.size() + " vectors from the cache, the rest random");
        Path tmp = Files.createTempDirectory("semantic-knn");
        long lexMs;
        long lexCpuMs;
        {
            long s = System.nanoTime();
            long lc = cpuMs();
            try (SearchIndex index = SearchIndex.openOrBuild(tmp.resolve("lexical"), pages, cfg.basePath(), p -> "/" + p.route())) {
                index.documents();
            }
            lexMs = (System.nanoTime() - s) / 1_000_000;
            lexCpuMs = cpuMs() - lc;
        }
        long s = System.nanoTime();
        long c0 = cpuMs();
        // the RAM buffer docpulse's own index uses, so that the vectors of a site like rust-rfcs end up in one segment
        try (FSDirectory dir = FSDirectory.open(tmp.resolve("vectors"));
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setRAMBufferSizeMB(48))) {
            for (int k = 0; k < docs.size(); k++) {
                Document d = new Document();
                d.add(new StoredField("page", docs.get(k).page()));
                d.add(new KnnFloatVectorField("vector", unit(vec[k]), VectorSimilarityFunction.DOT_PRODUCT));
                w.addDocument(d);
            }
            w.commit();
        }
        long buildMs = (System.nanoTime() - s) / 1_000_000;
        long buildCpuMs = cpuMs() - c0;
        long q0 = System.nanoTime();
        int queries = 0;
        int segments;
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(tmp.resolve("vectors")))) {
            segments = r.leaves().size();
            IndexSearcher searcher = new IndexSearcher(r);
            for (int k = 0; k < docs.size(); k += Math.max(1, docs.size() / 200)) {
                searcher.search(new KnnFloatVectorQuery("vector", unit(vec[k]), 50), 50);
                queries++;
            }
        }
        long qMs = (System.nanoTime() - q0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%s\t%s\tsections %d\tdim %d\thnsw-index %d ms\thnsw-index-cpu %d ms\tsegments %d\thnsw-size %.1f MB\traw-vectors %.1f MB\tlexical-index %d ms\tlexical-index-cpu %d ms\tlexical-size %.1f MB\tknn-query %.2f ms (top 50, %d queries)%n",
                modelName, content, docs.size(), vec[0].length, buildMs, buildCpuMs, segments, size(tmp.resolve("vectors")) / 1e6,
                docs.size() * vec[0].length * 4 / 1e6, lexMs, lexCpuMs, size(tmp.resolve("lexical")) / 1e6, (double) qMs / queries, queries);
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) u[i] = (float) (v[i] / Math.sqrt(n));
        return u;
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
