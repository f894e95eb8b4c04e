package io.docpulse.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import io.docpulse.content.Page;
import io.docpulse.util.Parallel;

/**
 * Near-duplicate pages: two pages are near-duplicates when most of their 5-word phrases
 * (shingles) are the same, measured as the Jaccard resemblance of the two sets of phrases
 * (shared phrases divided by all distinct phrases of both), at least {@link #THRESHOLD}.
 * <p>
 * Words come from Lucene's {@link StandardTokenizer}, lower-cased. Comparing every pair would be
 * quadratic, so each page first gets a 128-value MinHash signature (one permutation, empty buckets
 * filled from the next one, as Lucene's {@code MinHashFilter} does with rotation); pages that agree
 * on all 4 values of one of its 32 bands become candidates (locality-sensitive hashing: a pair at
 * 0.8 is a candidate with probability above 0.999), and each candidate pair is then measured
 * exactly. The result does not depend on the thread count.
 */
public final class NearDuplicates {
    /** Pairs whose phrases overlap at least this much are near-duplicates. */
    public static final double THRESHOLD = 0.8;
    /** Pages with fewer words are not compared: short pages share boilerplate by nature. */
    public static final int MIN_WORDS = 50;
    static final int SHINGLE = 5;
    private static final int BUCKETS = 128;
    private static final int ROWS = 4;

    /** One page's near-duplicate, with how much of their text they share (0 to 1). */
    public record Match(String path, double similarity) {
    }

    private NearDuplicates() {
    }

    /** A page's distinct phrases (sorted hashes) and its signature. */
    private record Sketch(long[] shingles, long[] signature) {
    }

    /** The front matter that marks a page as meant to look like others: {@code near_duplicates: expected}. */
    public static boolean expected(Page p) {
        return "expected".equals(p.frontMatter().other().get("near_duplicates"));
    }

    /**
     * @return for each page with near-duplicates, its matches, most similar first (then by path);
     *         pages without any are absent
     */
    public static Map<String, List<Match>> find(List<Page> pages, int threads) throws IOException {
        return find(pages, threads, p -> false);
    }

    /**
     * As {@link #find(List, int)}, leaving out the pages meant to look like others: those with
     * {@code near_duplicates: expected} and those {@code expected} accepts (by path).
     */
    public static Map<String, List<Match>> find(List<Page> pages, int threads,
                                                java.util.function.Predicate<String> expected) throws IOException {
        List<Page> eligible = pages.stream()
                .filter(p -> !p.frontMatter().draft() && p.words() >= MIN_WORDS)
                .filter(p -> !expected(p) && !expected.test(p.path())).toList();
        List<Sketch> sketches = Parallel.map(eligible, threads, "duplicates", p -> sketch(p.text()));
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < sketches.size(); i++) {
            long[] sig = sketches.get(i).signature();
            if (sig == null) continue;
            for (int band = 0; band < BUCKETS / ROWS; band++) {
                long key = band;
                for (int r = 0; r < ROWS; r++) key = mix(key * 31 + sig[band * ROWS + r]);
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        // each candidate pair once, measured exactly
        Map<Long, Boolean> seen = new HashMap<>();
        Map<String, List<Match>> out = new TreeMap<>();
        for (List<Integer> group : buckets.values()) {
            for (int a = 0; a < group.size(); a++) {
                for (int b = a + 1; b < group.size(); b++) {
                    int i = group.get(a);
                    int j = group.get(b);
                    long pair = ((long) Math.min(i, j) << 32) | Math.max(i, j);
                    if (seen.putIfAbsent(pair, Boolean.TRUE) != null) continue;
                    double estimate = agreement(sketches.get(i).signature(), sketches.get(j).signature());
                    if (estimate < THRESHOLD - 0.15) continue;
                    double similarity = jaccard(sketches.get(i).shingles(), sketches.get(j).shingles());
                    if (similarity < THRESHOLD) continue;
                    String pi = eligible.get(i).path();
                    String pj = eligible.get(j).path();
                    out.computeIfAbsent(pi, k -> new ArrayList<>()).add(new Match(pj, similarity));
                    out.computeIfAbsent(pj, k -> new ArrayList<>()).add(new Match(pi, similarity));
                }
            }
        }
        out.values().forEach(list -> list.sort((x, y) -> x.similarity() != y.similarity()
                ? Double.compare(y.similarity(), x.similarity()) : x.path().compareTo(y.path())));
        return out;
    }

    /** The page's distinct 5-word phrases as sorted 64-bit hashes, and their MinHash signature. */
    static Sketch sketch(String text) throws IOException {
        long[] words = new long[256];
        int count = 0;
        try (StandardTokenizer tokenizer = new StandardTokenizer();
             TokenStream ts = new LowerCaseFilter(tokenizer)) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (count == words.length) words = Arrays.copyOf(words, count * 2);
                words[count++] = hash(term);
            }
            ts.end();
        }
        if (count < SHINGLE) return new Sketch(new long[0], null);
        long[] shingles = new long[count - SHINGLE + 1];
        for (int i = 0; i < shingles.length; i++) {
            long h = 0;
            for (int k = 0; k < SHINGLE; k++) h = mix(h * 0x9E3779B97F4A7C15L + words[i + k]);
            shingles[i] = h;
        }
        Arrays.sort(shingles);
        int n = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) shingles[n++] = shingles[i];
        }
        shingles = Arrays.copyOf(shingles, n);
        // one permutation: the top bits pick a bucket, the smallest remaining value per bucket is kept
        long[] signature = new long[BUCKETS];
        boolean[] filled = new boolean[BUCKETS];
        for (long h : shingles) {
            int bucket = (int) (h >>> (64 - 7));
            long value = h & 0x01FF_FFFF_FFFF_FFFFL;
            if (!filled[bucket] || value < signature[bucket]) {
                signature[bucket] = value;
                filled[bucket] = true;
            }
        }
        // rotation: an empty bucket takes the value of the next filled one, circularly
        for (int b = 0; b < BUCKETS; b++) {
            if (filled[b]) continue;
            for (int k = 1; k < BUCKETS; k++) {
                int c = (b + k) % BUCKETS;
                if (filled[c]) {
                    signature[b] = signature[c] + k;
                    break;
                }
            }
        }
        return new Sketch(shingles, signature);
    }

    /** The share of signature positions on which two pages agree: an estimate of their resemblance. */
    private static double agreement(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < BUCKETS; i++) if (a[i] == b[i]) same++;
        return (double) same / BUCKETS;
    }

    /** Shared elements divided by distinct elements of both, for two sorted arrays without repeats. */
    static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    private static long hash(CharTermAttribute term) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** A 64-bit finaliser (from MurmurHash3), so that nearby inputs spread over all bits. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e2a5f6a53L;
        h ^= h >>> 33;
        return h;
    }
}
