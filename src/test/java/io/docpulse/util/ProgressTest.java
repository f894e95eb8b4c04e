package io.docpulse.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The line a long build keeps rewritten on the terminal. */
class ProgressTest {
    @Test
    void showsTheStageAndItsCountThenClearsTheLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.open(out, true, 0)) {
            Parallel.map(List.of(1, 2, 3), 2, "parse", i -> i);
            // the stage's count reaches the terminal once the ticker has run (it waits, never times out)
            while (!text(bytes).contains("Parsing 3 of 3 pages")) Thread.sleep(50);
            Progress.stage("finish", 0);
            while (!text(bytes).contains("Writing the search data and the reports (")) Thread.sleep(50);
        }
        String all = text(bytes);
        // the line is blanked and the cursor left at its start, for the summary that follows
        assertThat(all).endsWith("\r");
        assertThat(all.substring(all.lastIndexOf('\r', all.length() - 2) + 1).strip()).isEmpty();
        // a part of a stage does not replace its label
        assertThat(all).doesNotContain("index-part");
    }

    @Test
    void printsNothingWhenNotOnATerminal() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = Progress.open(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0)) {
            assertThat(Progress.stage("parse", 3)).isFalse();
            Parallel.map(List.of(1, 2, 3), 2, "parse", i -> i);
        }
        assertThat(bytes.size()).isZero();
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
