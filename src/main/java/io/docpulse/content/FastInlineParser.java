package io.docpulse.content;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's inline parser, with its two regular-expression helpers made linear. flexmark takes
 * each match's positions from {@link Matcher#toMatchResult()}, which on Java 17 copies the whole
 * text being matched, a paragraph, character by character, for every match. On a page with long
 * paragraphs that made parsing quadratic: on the 9,746-page C++ reference it was most of the time
 * spent reading Markdown. The positions are the same when read from the matcher itself.
 *
 * <p>Link titles and destinations in angle brackets are read as CommonMark reads them, without
 * recursion: see {@link #parseLinkTitle()} and {@link #parseLinkDestination()}.
 */
final class FastInlineParser extends InlineParserImpl {
    static final InlineParserFactory FACTORY = FastInlineParser::new;

    /** What a backslash escapes: ASCII punctuation (CommonMark, and flexmark's {@code Escaping.ESCAPABLE}). */
    private static final String ESCAPABLE = "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~-";
    private static final String ESCAPED = "\\\\[!\"#$%&'()*+,./:;<=>?@\\[\\\\\\]^_`{|}~-]";

    /**
     * A link title: flexmark's pattern with possessive repetition. flexmark's greedy
     * {@code "(escaped|[^"])*"} recurses once per character in Java's regex engine, so a title of
     * 2,000 characters overflowed the stack. Possessive, a title ends at its first unescaped closing
     * quote, as CommonMark says ({@code [a](b "c\")} is not a link, not one titled {@code c\}).
     */
    private static final Pattern LINK_TITLE = Pattern.compile("^(?:\"(?:" + ESCAPED + "|[^\"\\x00])*+\""
            + "|'(?:" + ESCAPED + "|[^'\\x00])*+'|\\((?:" + ESCAPED + "|[^)\\x00])*+\\))");

    /**
     * A parser builder that uses this inline parser. flexmark adds its core paragraph pre-processor,
     * the one that reads link reference definitions ({@code [id]: url}), only for its own inline
     * parser, so it is added here.
     */
    static com.vladsch.flexmark.parser.Parser.Builder use(com.vladsch.flexmark.parser.Parser.Builder builder) {
        return builder.customInlineParserFactory(FACTORY)
                .paragraphPreProcessorFactory(new com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory());
    }

    private FastInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                             Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                             List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    /**
     * flexmark's reading of link reference definitions at the start of a paragraph, except that a
     * definition after the first may be indented any amount, as CommonMark has it (a paragraph's
     * lines lose their leading whitespace). flexmark stopped at 4 spaces, which a paragraph inside a
     * list item has before its second line: its second definition on showed as text, and every link
     * to it as {@code [text][label]}.
     */
    @Override
    public int preProcessBlock(com.vladsch.flexmark.ast.Paragraph block, com.vladsch.flexmark.parser.block.ParserState state) {
        BasedSequence contentChars = block.getChars();
        int leadingSpaces = contentChars.countLeading(com.vladsch.flexmark.util.misc.CharPredicate.SPACE_TAB);
        int length = contentChars.length();
        boolean first = true;
        while ((leadingSpaces <= 3 || !first) && length > 3 + leadingSpaces && contentChars.charAt(leadingSpaces) == '[') {
            if (leadingSpaces > 0) {
                contentChars = contentChars.subSequence(leadingSpaces, length);
                length -= leadingSpaces;
            }
            int pos = parseReference(block, contentChars);
            if (pos == 0) break;
            first = false;
            contentChars = contentChars.subSequence(pos, length);
            length = contentChars.length();
            leadingSpaces = contentChars.countLeading(com.vladsch.flexmark.util.misc.CharPredicate.SPACE_TAB);
        }
        return contentChars.getStartOffset() - block.getStartOffset();
    }

    @Override
    public BasedSequence parseLinkTitle() {
        return match(LINK_TITLE);
    }

    /**
     * A destination in angle brackets may hold spaces, {@code [a](<my page.md>)} (CommonMark); a
     * bare one may not, so {@code [a](my page.md)} is text. flexmark allows the first only with
     * {@code SPACE_IN_LINK_URLS}, which allows the second too; docpulse leaves that option off and
     * reads angle brackets here, in one pass (flexmark's pattern for them recurses per character too).
     */
    @Override
    public BasedSequence parseLinkDestination() {
        if (peek() == '<') {
            int end = angleDestinationEnd(input, index);
            if (end > 0) {
                BasedSequence dest = input.subSequence(index, end);
                index = end;
                return dest;
            }
        }
        // flexmark's next step after its angle pattern: a bare destination, read without regex
        if (linkDestinationParser == null) return super.parseLinkDestination();
        BasedSequence dest = linkDestinationParser.parseLinkDestination(input, index);
        index += dest.length();
        return dest;
    }

    /**
     * The index after the {@code >} closing the destination that opens at {@code start}, or -1:
     * no line ending, NUL or unescaped {@code <} may come before it.
     */
    static int angleDestinationEnd(CharSequence s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '>') return i + 1;
            if (c == '<' || c == '\n' || c == '\r' || c == '\0') return -1;
            if (c == '\\' && i + 1 < s.length() && ESCAPABLE.indexOf(s.charAt(i + 1)) >= 0) i++;
        }
        return -1;
    }

    @Override
    public BasedSequence match(Pattern re) {
        if (index >= input.length()) return null;
        Matcher matcher = re.matcher(input);
        matcher.region(index, input.length());
        if (!matcher.find()) return null;
        index = matcher.end();
        return input.subSequence(matcher.start(), matcher.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        if (index >= input.length()) return null;
        Matcher matcher = re.matcher(input);
        matcher.region(index, input.length());
        if (!matcher.find()) return null;
        index = matcher.end();
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        groups[0] = input.subSequence(matcher.start(), matcher.end());
        for (int i = 1; i < groups.length; i++) {
            groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i), matcher.end(i));
        }
        return groups;
    }
}
