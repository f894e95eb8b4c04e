package io.docpulse.index;

import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

/**
 * Text analysis for technical docs. Tokens keep code-like words whole ({@code snake_case},
 * {@code --base-url}, {@code v1.2}, {@code docpulse.yml}) and also index their parts
 * ({@code snake}, {@code case}, {@code base}, {@code url}; {@code CamelCase} gives {@code camel} and
 * {@code case}); prose is lower-cased, stop words dropped, and every word indexed both as written
 * and stemmed (Porter), so "rotating" finds "rotate" while an exact match still ranks higher.
 */
public final class DocsAnalyzer extends Analyzer {
    /**
     * A word, a number, or a code-like token: letters and digits joined by _ . - / : and a leading -- or -.
     * The quantifiers are possessive (the joiners are never letters, so nothing is lost): a greedy
     * group repeated once per joiner recurses in Java's regex engine, and a token like
     * {@code a.a.a.…} of a few thousand parts overflowed the stack.
     */
    static final Pattern TOKEN = Pattern.compile(
            "(?:--?)?[\\p{L}\\p{N}_]++(?:[.\\-/:+#@][\\p{L}\\p{N}_]++)*+");

    /**
     * Longer tokens are not indexed (their parts still are): no one types such a word, and Lucene
     * refuses a term over 32,766 bytes, which failed the whole run. Lucene's own analyzers stop at 255 too.
     */
    static final int MAX_TOKEN_CHARS = 255;

    private static final int FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private final boolean indexing;
    private final CharArraySet stopWords;

    /** @param indexing true for the analyzer that writes the index (it flattens the token graph) */
    public DocsAnalyzer(boolean indexing) {
        this(indexing, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    /**
     * @param indexing  true for the analyzer that writes the index (it flattens the token graph)
     * @param stopWords lower-cased words to drop; the index drops Lucene's English stop words, a
     *                  question may drop more (see {@link QuestionWords})
     */
    DocsAnalyzer(boolean indexing, CharArraySet stopWords) {
        this.indexing = indexing;
        this.stopWords = stopWords;
    }

    /**
     * The words of a text as a reader may type them: tokens and their parts, lower-cased, stop
     * words dropped, not stemmed. The site's search box looks words up by these.
     */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new PatternTokenizer(TOKEN, 0);
                TokenStream s = new WordDelimiterGraphFilter(tokenizer, true,
                        WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, FLAGS, null);
                s = new LowerCaseFilter(s);
                s = new LengthFilter(s, 1, MAX_TOKEN_CHARS);
                s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(tokenizer, s);
            }
        };
    }

    /** The stem the index keeps for a lower-cased word (Porter), which may be the word itself. */
    public static Analyzer stems() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new org.apache.lucene.analysis.core.KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new PorterStemFilter(tokenizer));
            }
        };
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new PatternTokenizer(TOKEN, 0);
        TokenStream s = new WordDelimiterGraphFilter(tokenizer, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                FLAGS, null);
        if (indexing) s = new FlattenGraphFilter(s);
        s = new LowerCaseFilter(s);
        s = new LengthFilter(s, 1, MAX_TOKEN_CHARS);
        s = new StopFilter(s, stopWords);
        s = new KeywordRepeatFilter(s);
        s = new PorterStemFilter(s);
        s = new RemoveDuplicatesTokenFilter(s);
        return new TokenStreamComponents(tokenizer, s);
    }
}
