package io.docpulse.links;

import java.util.Collection;
import java.util.List;

/** Finds the candidate closest to a misspelt name, for "did you mean" hints. */
final class Closest {
    private static final int BUCKETS = 64;

    private final List<String> names;
    private final int[][] bags;

    /** Candidates prepared once, so that many lookups against them stay cheap. */
    Closest(Collection<String> candidates) {
        this.names = List.copyOf(candidates);
        this.bags = new int[names.size()][];
        for (int i = 0; i < names.size(); i++) bags[i] = bag(names.get(i));
    }

    /** The closest candidate within a distance that still looks like a typo, or null. */
    static String to(String wrong, Collection<String> candidates) {
        return new Closest(candidates).find(wrong);
    }

    String find(String wrong) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, wrong.length() / 3);
        int[] wrongBag = bag(wrong);
        for (int k = 0; k < names.size(); k++) {
            String c = names.get(k);
            if (Math.abs(c.length() - wrong.length()) > limit) continue;
            int max = Math.min(limit, bestDistance);
            // the bag distance is a cheap lower bound of the edit distance: most candidates stop here
            int more = 0;
            int less = 0;
            int[] bag = bags[k];
            for (int i = 0; i < BUCKETS; i++) {
                int diff = bag[i] - wrongBag[i];
                if (diff > 0) more += diff;
                else less -= diff;
            }
            if (Math.max(more, less) > max) continue;
            int d = distance(wrong, c, max);
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    private static int[] bag(String s) {
        int[] b = new int[BUCKETS];
        for (int i = 0; i < s.length(); i++) b[s.charAt(i) & (BUCKETS - 1)]++;
        return b;
    }

    /** Levenshtein distance, giving up (returning {@code max + 1}) once it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
