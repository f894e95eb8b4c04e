package io.docpulse.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A question asked of the index: its pages, ranked by {@link SearchIndex#search} exactly as
 * {@code docpulse search} ranks them, and for each page how much of the question it holds. The
 * question's <em>content words</em> are what is left once {@link QuestionWords} and stop words are
 * dropped ("how do I get a laptop replaced" has "get", "laptop" and "replaced"). A page's
 * <em>coverage</em> is the share of those words that the page holds anywhere (title, description,
 * headings, path or text), each word weighted by its inverse document frequency, so that holding
 * the rare word of a question counts more than holding a common one.
 */
public final class QuestionMatch {
    private QuestionMatch() {
    }

    /**
     * A content word of a question.
     *
     * @param text  the word as written, lower-cased
     * @param terms its terms in the index (as written and stemmed), sorted
     * @param idf   BM25's inverse document frequency of its commonest term in the page texts
     */
    public record Word(String text, List<String> terms, double idf) {
        public Word {
            terms = List.copyOf(terms);
        }
    }

    /**
     * One ranked page and how much of the question it holds.
     *
     * @param hit      the page as {@code docpulse search} returns it
     * @param coverage 0 to 1: the idf-weighted share of the content words the page holds
     * @param held     the content words it holds, as written, in question order
     */
    public record Answer(Hit hit, double coverage, List<String> held) {
        public Answer {
            held = List.copyOf(held);
        }
    }

    /**
     * @param words   the question's content words, in question order, each once
     * @param answers the pages, best first, at most the limit asked for
     */
    public record Result(List<Word> words, List<Answer> answers) {
        public Result {
            words = List.copyOf(words);
            answers = List.copyOf(answers);
        }
    }

    /** Runs a question: the top {@code limit} pages of {@link SearchIndex#search}, each with its coverage. */
    public static Result ask(SearchIndex index, String question, int limit) throws IOException {
        // a question is plain words: operators of the query syntax in it are taken literally
        String plain = Findability.escape(question);
        List<Hit> hits = index.search(plain, limit);
        List<Word> words = words(index, plain);
        double total = 0;
        for (Word w : words) total += w.idf();
        List<Answer> answers = new ArrayList<>(hits.size());
        Query pages = new TermQuery(new Term("kind", "page"));
        for (Hit h : hits) {
            Query page = new BooleanQuery.Builder().add(new TermQuery(new Term("id", h.path())), BooleanClause.Occur.FILTER)
                    .add(pages, BooleanClause.Occur.FILTER).build();
            double held = 0;
            List<String> heldWords = new ArrayList<>();
            for (Word w : words) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (String field : SearchIndex.WEIGHTS.keySet()) {
                    for (String t : w.terms()) any.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
                }
                Query q = new BooleanQuery.Builder().add(any.build(), BooleanClause.Occur.MUST)
                        .add(page, BooleanClause.Occur.FILTER).build();
                if (index.searcher().count(q) > 0) {
                    held += w.idf();
                    heldWords.add(w.text());
                }
            }
            answers.add(new Answer(h, total <= 0 ? 0 : held / total, heldWords));
        }
        return new Result(words, answers);
    }

    /** The content words of a question: a word per position of the query analyzer's tokens, each once. */
    public static List<Word> words(SearchIndex index, String question) throws IOException {
        Analyzer analyzer = new DocsAnalyzer(false, QuestionWords.DROPPED);
        Map<List<String>, String> seen = new LinkedHashMap<>();
        List<String> terms = new ArrayList<>();
        String text = "";
        try (TokenStream ts = analyzer.tokenStream("body", question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 && !terms.isEmpty()) {
                    seen.putIfAbsent(List.copyOf(new TreeSet<>(terms)), text);
                    terms.clear();
                }
                if (terms.isEmpty()) {
                    text = question.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                }
                if (!terms.contains(term.toString())) terms.add(term.toString());
            }
            ts.end();
        }
        if (!terms.isEmpty()) seen.putIfAbsent(List.copyOf(new TreeSet<>(terms)), text);
        List<Word> out = new ArrayList<>();
        var reader = index.searcher().getIndexReader();
        long n = reader.maxDoc();
        for (Map.Entry<List<String>, String> e : seen.entrySet()) {
            if (out.size() == SearchIndex.MAX_QUERY_WORDS) break;
            long df = 0;
            for (String t : e.getKey()) df = Math.max(df, reader.docFreq(new Term("body", t)));
            out.add(new Word(e.getValue(), e.getKey(), Math.log(1 + (n - df + 0.5) / (df + 0.5))));
        }
        return out;
    }
}
