package io.docpulse.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClosestTest {

    @Test
    void suggestsTheNearestSpellingWithinTheTypoLimit() {
        List<String> names = List.of("install-on-linux", "install-on-macos", "configure", "getting-started.md");
        assertThat(Closest.to("install-on-linx", names)).isEqualTo("install-on-linux");
        assertThat(Closest.to("getting-startd.md", names)).isEqualTo("getting-started.md");
        assertThat(Closest.to("zzzzzz", names)).isNull();
        assertThat(Closest.to("anything", List.of())).isNull();
    }

    @Test
    void aSuggestionKeepsSomethingOfTheWrongName() {
        assertThat(Closest.to("_", List.of("no", "a", "overview"))).isNull();
        assertThat(Closest.to("ab", List.of("cd", "xy"))).isNull();
        assertThat(Closest.to("ab", List.of("abc"))).isEqualTo("abc");
    }

    @Test
    void equalDistancesAreBrokenByTheSmallerName() {
        assertThat(Closest.to("cat", List.of("cut", "bat", "cot"))).isEqualTo("bat");
    }

    /** The pruned search (length groups, bag distance) must answer exactly what a full scan answers. */
    @Test
    void agreesWithAFullScanOnRandomNames() {
        Random random = new Random(42);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 400; i++) names.add(word(random, 3 + random.nextInt(14)));
        Closest closest = new Closest(names);
        for (int q = 0; q < 600; q++) {
            String wrong = random.nextBoolean() ? mutate(random, names.get(random.nextInt(names.size())))
                    : word(random, 2 + random.nextInt(16));
            assertThat(closest.find(wrong)).as(wrong).isEqualTo(fullScan(wrong, names));
        }
    }

    private static String fullScan(String wrong, List<String> names) {
        int limit = Math.max(2, wrong.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : names) {
            int d = Closest.distance(wrong, c, Integer.MAX_VALUE - 1);
            if (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0)) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit && bestDistance < Math.min(wrong.length(), best.length()) ? best : null;
    }

    private static String word(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        String alphabet = "abcdeinorst-_.0";
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    private static String mutate(Random random, String s) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 1; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, (char) ('a' + random.nextInt(26)));
                default -> sb.setCharAt(at, (char) ('a' + random.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
