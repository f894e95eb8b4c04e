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
 */
final class FastInlineParser extends InlineParserImpl {
    static final InlineParserFactory FACTORY = FastInlineParser::new;

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
