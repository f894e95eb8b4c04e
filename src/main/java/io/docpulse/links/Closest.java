package io.docpulse.links;

import java.util.Collection;
import java.util.List;

/**
 * Finds the candidate closest to a misspelt name, for "did you mean" hints. Candidates are grouped
 * by length and carry a sparse character histogram, so that a lookup against thousands of names
 * rejects almost all of them with a few additions before any edit distance is computed.
 */
final class Closest {
    private static final int BUCKETS = 64;

    /** Candidates by length: {@code byLength[n]} holds the indexes of the names of length n. */
    private final int[][] byLength;
    private final List<String> names;
    /** Per candidate: the buckets its characters fall in, and how many characters in each. */
    private final byte[][] buckets;
    private final short[][] counts;

    /** Candidates prepared once, so that many lookups against them stay cheap. */
    Closest(Collection<String> candidates) {
        this.names = List.copyOf(candidates);
        this.buckets = new byte[names.size()][];
        this.counts = new short[names.size()][];
        int longest = 0;
        for (String n : names) longest = Math.max(longest, n.length());
        int[] perLength = new int[longest + 1];
        for (String n : names) perLength[n.length()]++;
        this.byLength = new int[longest + 1][];
        for (int len = 0; len <= longest; len++) byLength[len] = new int[perLength[len]];
        int[] fill = new int[longest + 1];
        int[] bag = new int[BUCKETS];
        for (int k = 0; k < names.size(); k++) {
            String n = names.get(k);
            byLength[n.length()][fill[n.length()]++] = k;
            java.util.Arrays.fill(bag, 0);
            int distinct = 0;
            for (int i = 0; i < n.length(); i++) {
                if (bag[n.charAt(i) & (BUCKETS - 1)]++ == 0) distinct++;
            }
            byte[] b = new byte[distinct];
            short[] c = new short[distinct];
            for (int i = 0, j = 0; i < BUCKETS; i++) {
                if (bag[i] > 0) {
                    b[j] = (byte) i;
                    c[j++] = (short) Math.min(bag[i], Short.MAX_VALUE);
                }
            }
            buckets[k] = b;
            counts[k] = c;
        }
    }

    /** The closest candidate within a distance that still looks like a typo, or null. */
    static String to(String wrong, Collection<String> candidates) {
        return new Closest(candidates).find(wrong);
    }

    String find(String wrong) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, wrong.length() / 3);
        int[] wrongBag = new int[BUCKETS];
        for (int i = 0; i < wrong.length(); i++) wrongBag[wrong.charAt(i) & (BUCKETS - 1)]++;
        // nearest lengths first: the best distance found early prunes the rest
        for (int delta = 0; delta <= limit && delta <= bestDistance; delta++) {
            for (int sign = delta == 0 ? 1 : -1; sign <= 1; sign += 2) {
                int len = wrong.length() + sign * delta;
                if (len < 0 || len >= byLength.length) continue;
                for (int k : byLength[len]) {
                    int max = Math.min(limit, bestDistance);
                    // the bag distance is a cheap lower bound of the edit distance: most candidates stop here
                    byte[] b = buckets[k];
                    short[] c = counts[k];
                    int common = 0;
                    for (int i = 0; i < b.length; i++) common += Math.min(c[i], wrongBag[b[i]]);
                    if (Math.max(len, wrong.length()) - common > max) continue;
                    String candidate = names.get(k);
                    int d = distance(wrong, candidate, max);
                    if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                        bestDistance = d;
                        best = candidate;
                    }
                }
            }
        }
        // a one- or two-letter name is "close" to anything of its length: a suggestion must keep
        // at least one of the wrong name's characters in place (`#_` suggests nothing, not `#no`)
        return bestDistance <= limit && bestDistance < Math.min(wrong.length(), best.length()) ? best : null;
    }

    /** Levenshtein distance, giving up (returning {@code max + 1}) once it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        return io.docpulse.content.EditDistance.within(a, b, max);
    }
}
