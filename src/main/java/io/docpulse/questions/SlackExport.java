package io.docpulse.questions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.docpulse.content.SourceRef;

/**
 * Reads the questions of a Slack export: a channel's folder of {@code YYYY-MM-DD.json} files (or the
 * whole export, a folder of such folders), each an array of messages. A question is a message by a
 * person (no {@code subtype} but {@code thread_broadcast}, no {@code bot_id}) whose text, once its
 * markup is stripped, ends with a question mark.
 */
final class SlackExport {
    /** A day's file of a channel export. */
    static final Pattern DAY_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.json");
    /** A question longer than this is cut: a pasted log is not what people ask. */
    static final int MAX_CHARS = 300;

    private static final Set<String> PERSON_SUBTYPES = Set.of("thread_broadcast");
    private static final Pattern CODE_BLOCK = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern MENTION = Pattern.compile("<[@!][^>]*>");
    private static final Pattern CHANNEL = Pattern.compile("<#[A-Z0-9]+\\|([^>]*)>|<#[A-Z0-9]+>");
    private static final Pattern LABELLED_LINK = Pattern.compile("<[^>|]+\\|([^>]*)>");
    private static final Pattern LINK = Pattern.compile("<[^>]*>");
    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+'-]+:(?::skin-tone-\\d:)?");

    private SlackExport() {
    }

    /** Whether a folder holds a Slack export: a day's file in it or in a folder right under it. */
    static boolean isExport(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder, 2)) {
            return s.anyMatch(p -> DAY_FILE.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p));
        }
    }

    /** The day files of an export folder, in path order (channel, then date). */
    static List<Path> dayFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder, 2)) {
            return s.filter(p -> DAY_FILE.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    /**
     * The questions of one day's file, with the line each message starts on.
     *
     * @throws JsonProcessingException when the file is not an array of message objects
     */
    static List<Question> read(Path file, String shown) throws IOException {
        List<Question> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = Files.newInputStream(file); JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonProcessingException("expected an array of messages", p.currentLocation()) {
                };
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = (int) p.currentTokenLocation().getLineNr();
                JsonNode m = mapper.readTree(p);
                if (m.hasNonNull("bot_id")) continue;
                if (m.hasNonNull("subtype") && !PERSON_SUBTYPES.contains(m.get("subtype").asText())) continue;
                String text = plain(m.path("text").asText(""));
                if (text.endsWith("?")) {
                    if (text.length() > MAX_CHARS) text = text.substring(0, MAX_CHARS).strip() + "…";
                    out.add(new Question(text, SourceRef.line(shown, line), "", "", true));
                }
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new JsonProcessingException("expected a message object", p.currentLocation()) {
                };
            }
        }
        return out;
    }

    /**
     * A message's text without Slack's markup: code and mentions dropped, a channel by its name, a
     * link by its label (dropped without one), emoji codes dropped, entities decoded, on one line.
     */
    static String plain(String text) {
        String s = CODE_BLOCK.matcher(text).replaceAll(" ");
        s = INLINE_CODE.matcher(s).replaceAll(" ");
        s = MENTION.matcher(s).replaceAll(" ");
        s = CHANNEL.matcher(s).replaceAll(m -> m.group(1) == null ? " " : "#" + quote(m.group(1)));
        s = LABELLED_LINK.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = LINK.matcher(s).replaceAll(" ");
        s = EMOJI.matcher(s).replaceAll(" ");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }

    /** A question as compared for duplicates: lower case, words only. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
