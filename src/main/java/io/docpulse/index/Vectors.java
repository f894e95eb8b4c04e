package io.docpulse.index;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.docpulse.content.Page;
import io.docpulse.content.Section;

/**
 * Section and query vectors for the hybrid ranking ({@code search.vectors: true}, decision 0008):
 * an {@link Embedder} from {@code docpulse-vectors.jar}, and a cache of vectors in the cache folder
 * ({@code vectors.bin}) under the SHA-256 of the embedded text, so that only new or changed text is
 * embedded again and a build with nothing changed never loads the model.
 */
public final class Vectors {
    /** The vectors jar's file name; docpulse looks for it next to docpulse.jar. */
    public static final String JAR = "docpulse-vectors.jar";
    /** A section is embedded from its first this many characters (title and heading included). */
    static final int MAX_CHARS = 1000;
    /** Bump when what is embedded or how the cache file is laid out changes. */
    static final String FORMAT = "docpulse-vectors-1";

    // A class loader per jar for the whole JVM: ONNX Runtime's native library can be loaded by one
    // class loader only, so a second build in the same JVM (serve, tests) must reuse the first's.
    private static final Map<Path, Embedder> LOADED = new ConcurrentHashMap<>();

    private final Embedder embedder;
    private final Path cacheFile;
    private final Path nativeDir;
    private final int threads;
    private final double lexicalWeight;
    private Map<String, float[]> cached;
    private final Map<String, float[]> used = new ConcurrentHashMap<>();
    private final AtomicInteger embedded = new AtomicInteger();
    /** Whether this run looked up every section's vector (it wrote the vector index). */
    private volatile boolean allSections;

    /**
     * @param embedder      the model
     * @param cacheDir      docpulse's cache folder
     * @param threads       how many texts to embed at a time
     * @param lexicalWeight the lexical score's share of the hybrid ranking (0 to 1)
     */
    public Vectors(Embedder embedder, Path cacheDir, int threads, double lexicalWeight) {
        this.embedder = embedder;
        this.cacheFile = cacheDir.resolve("vectors.bin");
        this.nativeDir = cacheDir.resolve("native");
        this.threads = threads;
        this.lexicalWeight = lexicalWeight;
    }

    /**
     * The embedder of {@code docpulse-vectors.jar}: on docpulse's own class path (a Maven dependency),
     * else at {@code jar} when given, else next to docpulse.jar (or next to the folder docpulse's
     * classes are in). Empty when there is none.
     */
    public static Optional<Embedder> find(Path jar) {
        Optional<Embedder> own = ServiceLoader.load(Embedder.class, Embedder.class.getClassLoader()).findFirst();
        if (own.isPresent()) return own;
        Path file = jar != null ? jar : besideDocpulse();
        if (file == null || !Files.isRegularFile(file)) return Optional.empty();
        Path key = file.toAbsolutePath().normalize();
        try {
            return Optional.of(LOADED.computeIfAbsent(key, k -> {
                try {
                    URLClassLoader loader = new URLClassLoader(new URL[]{k.toUri().toURL()}, Embedder.class.getClassLoader());
                    return ServiceLoader.load(Embedder.class, loader).findFirst().orElseThrow();
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(e);
                }
            }));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where {@link #JAR} is looked for by default: next to docpulse.jar, or to docpulse's classes folder. */
    public static Path besideDocpulse() {
        try {
            var source = Vectors.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path p = Path.of(source.getLocation().toURI());
            Path dir = p.getParent();
            return dir == null ? null : dir.resolve(JAR);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The model's name (part of the index's fingerprint). */
    public String model() {
        return embedder.model();
    }

    /** The lexical score's share of the hybrid ranking. */
    double lexicalWeight() {
        return lexicalWeight;
    }

    /** How many texts this run embedded (not found in the cache). */
    public int embedded() {
        return embedded.get();
    }

    /** What is embedded for a section: the page title, the heading and the text, cut at {@value #MAX_CHARS} characters. */
    static String text(Page p, Section s) {
        String head = s.heading().isEmpty() ? p.title() : p.title() + " / " + s.heading();
        return cut(head + "\n" + s.text());
    }

    /** What is embedded for a page without sections: its title and text. */
    static String text(Page p) {
        return cut(p.title() + "\n" + p.text());
    }

    private static String cut(String s) {
        if (s.length() <= MAX_CHARS) return s;
        return s.substring(0, Character.isHighSurrogate(s.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS);
    }

    /** Vectors for these texts, in order: from the cache, the others embedded now (all at once). */
    List<float[]> vectors(List<String> texts) {
        Map<String, float[]> cache = cache();
        List<float[]> out = new ArrayList<>(texts.size());
        Map<String, String> missing = new TreeMap<>();
        List<String> keys = new ArrayList<>(texts.size());
        for (String t : texts) {
            String k = sha256(t);
            keys.add(k);
            if (!cache.containsKey(k) && !used.containsKey(k)) missing.put(k, t);
        }
        if (!missing.isEmpty()) {
            List<String> ks = new ArrayList<>(missing.keySet());
            List<float[]> vs = embedder.embed(new ArrayList<>(missing.values()), threads, nativeDir);
            for (int i = 0; i < ks.size(); i++) used.put(ks.get(i), vs.get(i));
            embedded.addAndGet(ks.size());
        }
        for (String k : keys) {
            float[] v = used.computeIfAbsent(k, cache::get);
            out.add(v);
        }
        return out;
    }

    /** Vectors for every section of the index, in order: the cache keeps only what this run used. */
    List<float[]> sections(List<String> texts) {
        allSections = true;
        return vectors(texts);
    }

    /** A query's vector. */
    float[] query(String text) {
        return vectors(List.of(text)).get(0);
    }

    private synchronized Map<String, float[]> cache() {
        if (cached != null) return cached;
        cached = io.docpulse.util.Kept.read(cacheFile, FORMAT + "\n" + embedder.model(), in -> {
            int n = in.readInt();
            int dim = in.readInt();
            Map<String, float[]> m = new HashMap<>(n * 2);
            byte[] key = new byte[32];
            for (int i = 0; i < n; i++) {
                in.readFully(key);
                float[] v = new float[dim];
                for (int d = 0; d < dim; d++) v[d] = in.readFloat();
                m.put(HexFormat.of().formatHex(key), v);
            }
            return m;
        }).orElseGet(HashMap::new);
        return cached;
    }

    /**
     * Keeps the vectors in the cache file, sorted by hash, when this run embedded any: a run that
     * embedded nothing leaves the file as it is. A run that indexed every section keeps only what
     * it used (text since changed or removed is dropped); any other run adds what it embedded.
     */
    public void save() throws IOException {
        if (embedded.get() == 0) return;
        Map<String, float[]> sorted = new TreeMap<>(used);
        if (!allSections) cache().forEach(sorted::putIfAbsent);
        int dim = sorted.values().iterator().next().length;
        io.docpulse.util.Kept.write(cacheFile, FORMAT + "\n" + embedder.model(), out -> {
            out.writeInt(sorted.size());
            out.writeInt(dim);
            for (Map.Entry<String, float[]> e : sorted.entrySet()) {
                out.write(HexFormat.of().parseHex(e.getKey()));
                for (float x : e.getValue()) out.writeFloat(x);
            }
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
