package io.docpulse.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.docpulse.content.SourceRef;

/**
 * Reads a questions file ({@code questions.md}, {@code questions.txt}): one question a line,
 * optionally with the page that should answer it after {@code ->}:
 * {@code How do I get a laptop replaced? -> it/laptops.md#broken-laptops}. A Markdown list marker
 * in front is dropped; blank lines and lines starting with {@code #} (comments, or a Markdown
 * heading) are skipped.
 */
final class QuestionsFile {
    /** {@code - }, {@code * }, {@code + }, {@code 1. }, {@code 1) }, then an optional {@code [ ] } task box. */
    private static final Pattern MARKER = Pattern.compile("^(?:[-*+]|\\d{1,9}[.)])\\s+(?:\\[[ xX]]\\s+)?");
    /** The arrow between a question and its page. */
    static final String ARROW = "->";

    private QuestionsFile() {
    }

    /** The questions of a file's text, each with its line; {@code file} is its path as findings show it. */
    static List<Question> parse(String file, String text) {
        List<Question> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = MARKER.matcher(line);
            if (m.find()) line = line.substring(m.end()).strip();
            String expected = "";
            String anchor = "";
            int arrow = line.lastIndexOf(ARROW);
            if (arrow >= 0) {
                String target = line.substring(arrow + ARROW.length()).strip();
                line = line.substring(0, arrow).strip();
                // a Markdown link as the target: [laptops](it/laptops.md)
                Matcher link = Pattern.compile("^\\[[^]]*]\\(([^)]*)\\)$").matcher(target);
                if (link.find()) target = link.group(1).strip();
                if (target.startsWith("`") && target.endsWith("`") && target.length() > 1) {
                    target = target.substring(1, target.length() - 1);
                }
                int hash = target.indexOf('#');
                if (hash >= 0) {
                    anchor = target.substring(hash + 1);
                    target = target.substring(0, hash);
                }
                while (target.startsWith("./") || target.startsWith("/")) target = target.substring(target.startsWith("/") ? 1 : 2);
                expected = target;
            }
            if (line.isEmpty()) continue;
            out.add(new Question(line, SourceRef.line(file, i + 1), expected, anchor, false));
        }
        return out;
    }
}
