package io.docpulse.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Scores the query of one word straight from the postings, with Lucene's own similarity, instead of
 * running it through {@link IndexSearcher#search}: the site's search export asks this for every
 * word of the docs (tens of thousands of queries), and a query's set-up (weights, scorers,
 * collectors, block-max skipping) costs more than scoring a rare word's few postings.
 *
 * <p>It handles the shape that a plain word's query has: a disjunction over the fields, each clause
 * a (boosted) {@link TermQuery} or {@link SynonymQuery} (the word and its stem), and the word's
 * coordination bonus, a boosted {@link ConstantScoreQuery} of those clauses, which scores its boost
 * wherever they match, as Lucene's {@code ConstantScoreWeight} does. The scores are
 * Lucene's to the bit: the same statistics go into the same {@link Similarity#scorer}, a synonym's
 * frequencies are summed as {@code SynonymQuery} sums them, and the clauses' scores are added up in
 * a double and rounded to a float, as Lucene's disjunction scorers do (the sum of a few floats is
 * exact in a double, so the order does not matter). The order is Lucene's: score, then document.
 * Any other shape (a code-like word and its parts) returns null and the caller asks Lucene.
 */
final class WordScores {
    /** The best documents of a query: ids and scores, best first, and how many documents match. */
    record Top(int[] docs, float[] scores, int matches) {
    }

    private final IndexSearcher searcher;
    private final int maxDoc;
    private final List<String> fields = new ArrayList<>();
    private final List<byte[]> norms = new ArrayList<>();
    private final ThreadLocal<Scratch> scratch;
    /** Each field's terms with their states in every segment, read in one walk of its terms. */
    private final List<Map<BytesRef, TermStates>> dictionaries = new ArrayList<>();

    /** Per thread, indexed by doc id: a score and a frequency being summed, and documents seen. */
    private static final class Scratch {
        final double[] score;
        final float[] freq;
        final boolean[] seen;
        final int[] docs;

        Scratch(int maxDoc) {
            score = new double[maxDoc];
            freq = new float[maxDoc];
            seen = new boolean[maxDoc];
            docs = new int[maxDoc];
        }
    }

    WordScores(IndexSearcher searcher, Iterable<String> scoredFields) throws IOException {
        this.searcher = searcher;
        this.maxDoc = searcher.getIndexReader().maxDoc();
        for (String field : scoredFields) {
            // a field's norms by global doc id (one byte each), as LeafSimScorer reads them
            byte[] n = new byte[maxDoc];
            java.util.Arrays.fill(n, (byte) 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues values = leaf.reader().getNormValues(field);
                if (values == null) continue;
                for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                    n[leaf.docBase + d] = (byte) values.longValue();
                }
            }
            fields.add(field);
            norms.add(n);
            // what TermStates.build finds by seeking each term, for every term at once
            Map<BytesRef, TermStates> dictionary = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    dictionary.computeIfAbsent(BytesRef.deepCopyOf(t),
                            k -> new TermStates(searcher.getTopReaderContext()))
                            .register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
                }
            }
            dictionaries.add(dictionary);
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(maxDoc));
        this.noStates = new TermStates(searcher.getTopReaderContext());
    }

    /**
     * The best {@code limit} documents for {@code query} as {@code searcher.search(query, limit)}
     * ranks and scores them, with the exact number of matching documents; null when the query
     * holds a kind of clause this does not score (the caller asks Lucene).
     *
     * @param rewritten whether the query is as {@link IndexSearcher#rewrite} leaves it; when not,
     *                  it must be a disjunction of (boosted) term or synonym clauses, which rewriting
     *                  leaves as they are
     */
    Top top(Query query, boolean rewritten, int limit) throws IOException {
        if (query instanceof MatchNoDocsQuery) return new Top(new int[0], new float[0], 0);
        Query q = rewritten || simple(query) ? query : rewrite(query);
        // a common word is left to Lucene, which reads only the blocks of postings that can still
        // reach the best documents; this reads every posting, which pays for a word's few
        if (postings(q) > MAX_POSTINGS) return null;
        Hits hits = eval(q, 1f);
        if (hits == null) return null;
        return best(hits, limit);
    }

    /** How many documents have a term, from the statistics read at start; -1 for a field not scored here. */
    long docFreq(Term term) {
        int f = fields.indexOf(term.field());
        return f < 0 ? -1 : dictionaries.get(f).getOrDefault(term.bytes(), noStates).docFreq();
    }

    /**
     * A word's query as {@link IndexSearcher#rewrite} leaves it, with its coordination bonus over
     * the rewritten field clauses: the bonus matches where they do, so {@link #eval} reads their
     * postings once, and they are rewritten once.
     */
    private Query rewrite(Query query) throws IOException {
        SearchIndex.Unbonused plain = SearchIndex.withoutBonus(query);
        if (plain.bonus() == 0f) return searcher.rewrite(query);
        Query r = searcher.rewrite(plain.query());
        if (!(r instanceof BooleanQuery rb)) return searcher.rewrite(query);
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(rb.getMinimumNumberShouldMatch());
        for (BooleanClause c : rb.clauses()) b.add(c);
        b.add(new BoostQuery(new ConstantScoreQuery(rb), plain.bonus()), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /** Above this many postings in all, a query is scored by Lucene. */
    static final long MAX_POSTINGS = 10_000;

    /** How many postings a query's terms have, in the fields this scores (others count as many). */
    private long postings(Query q) {
        long[] n = {0};
        q.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    int f = fields.indexOf(t.field());
                    n[0] += f < 0 ? MAX_POSTINGS + 1 : dictionaries.get(f).getOrDefault(t.bytes(), noStates).docFreq();
                }
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                // a coordination bonus reads no postings of its own (see eval)
                return parent instanceof ConstantScoreQuery ? EMPTY_VISITOR : this;
            }
        });
        return n[0];
    }

    /** Whether a query is a disjunction of (boosted) term or synonym clauses. */
    private static boolean simple(Query query) {
        if (!(query instanceof BooleanQuery bq) || bq.getMinimumNumberShouldMatch() != 0) return false;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD) return false;
            Query q = c.getQuery();
            while (q instanceof BoostQuery b) q = b.getQuery();
            // the coordination bonus of a word (SearchIndex.withBonus): its field clauses, matched at a constant score
            if (q instanceof ConstantScoreQuery cs && cs.getQuery() instanceof BooleanQuery inner && simple(inner)) continue;
            if (!(q instanceof TermQuery) && !(q instanceof SynonymQuery sq && sq.getTerms().size() > 1)) {
                return false;
            }
        }
        return true;
    }

    private final TermStates noStates;

    /** Documents in id order and their scores. */
    private record Hits(int[] docs, float[] scores, int size) {
        static final Hits NONE = new Hits(new int[0], new float[0], 0);
    }

    /** Scores a (rewritten) query as Lucene's scorers do; null for a clause this does not know. */
    private Hits eval(Query q, float boost) throws IOException {
        if (q instanceof BoostQuery b) return eval(b.getQuery(), b.getBoost() * boost);
        if (q instanceof TermQuery t) return leaf(t.getTerm().field(), List.of(t.getTerm()), boost);
        if (q instanceof SynonymQuery sq) {
            // every synonym has a boost of 1: DocsAnalyzer sets no per-term boost (a BoostAttribute)
            return leaf(sq.getField(), sq.getTerms(), boost);
        }
        if (q instanceof MatchNoDocsQuery) return Hits.NONE;
        if (q instanceof ConstantScoreQuery c) {
            // a word's coordination bonus: where its inner query matches, the boost, as ConstantScoreWeight scores
            Hits inner = eval(c.getQuery(), 1f);
            if (inner == null) return null;
            float[] scores = new float[inner.size()];
            java.util.Arrays.fill(scores, boost);
            return new Hits(inner.docs(), scores, inner.size());
        }
        if (!(q instanceof BooleanQuery bq) || bq.getMinimumNumberShouldMatch() != 0) return null;
        List<Hits> must = new ArrayList<>();
        List<Hits> filter = new ArrayList<>();
        List<Hits> should = new ArrayList<>();
        List<Hits> not = new ArrayList<>();
        float bonus = 0f;
        for (BooleanClause c : bq.clauses()) {
            float b = bonusOf(c, bq);
            if (b > 0f) {
                // a word's coordination bonus: it matches where the other clauses do, so it is not read twice
                bonus = b * boost;
                continue;
            }
            Hits h = eval(c.getQuery(), c.getOccur() == BooleanClause.Occur.FILTER
                    || c.getOccur() == BooleanClause.Occur.MUST_NOT ? 0f : boost);
            if (h == null) return null;
            switch (c.getOccur()) {
                case MUST -> must.add(h);
                case FILTER -> filter.add(h);
                case SHOULD -> should.add(h);
                case MUST_NOT -> not.add(h);
            }
        }
        if (bonus > 0f && !should.isEmpty()) {
            Hits any = disjunction(should);
            float[] scores = new float[any.size()];
            java.util.Arrays.fill(scores, bonus);
            should.add(new Hits(any.docs(), scores, any.size()));
        }
        Hits opt = should.isEmpty() ? null : disjunction(should);
        Hits out;
        if (must.isEmpty() && filter.isEmpty()) {
            out = opt == null ? Hits.NONE : opt;
        } else {
            // required clauses: a conjunction sums their scores; optional ones add their disjunction's
            List<Hits> req = new ArrayList<>(must);
            req.addAll(filter);
            out = conjunction(req, must.size());
            if (opt != null) out = addOptional(out, opt);
        }
        for (Hits n : not) out = exclude(out, n);
        return out;
    }

    /**
     * The boost of a clause that is a word's coordination bonus over exactly the other clauses of
     * its query (an optional, boosted {@link ConstantScoreQuery} of them, as SearchIndex.withBonus
     * builds it); 0 for any other clause.
     */
    private static float bonusOf(BooleanClause c, BooleanQuery parent) {
        if (c.getOccur() != BooleanClause.Occur.SHOULD || !(c.getQuery() instanceof BoostQuery b)
                || !(b.getQuery() instanceof ConstantScoreQuery cs) || !(cs.getQuery() instanceof BooleanQuery inner)) {
            return 0f;
        }
        List<BooleanClause> others = new ArrayList<>(parent.clauses());
        others.remove(c);
        return inner.getMinimumNumberShouldMatch() == 0 && parent.getMinimumNumberShouldMatch() == 0
                && inner.clauses().equals(others) ? b.getBoost() : 0f;
    }

    /** A term, or a synonym (the word and its stem), scored as TermQuery and SynonymQuery score. */
    private Hits leaf(String field, List<Term> terms, float boost) throws IOException {
        int f = fields.indexOf(field);
        if (f < 0) return null;
        TermStates[] states = new TermStates[terms.size()];
        long docFreq = 0;
        long totalTermFreq = 0;
        TermStatistics single = null;
        for (int i = 0; i < states.length; i++) {
            Term term = terms.get(i);
            states[i] = dictionaries.get(f).getOrDefault(term.bytes(), noStates);
            if (states[i].docFreq() > 0) {
                TermStatistics ts = searcher.termStatistics(term, states[i].docFreq(), states[i].totalTermFreq());
                docFreq = Math.max(ts.docFreq(), docFreq);
                totalTermFreq += ts.totalTermFreq();
                single = ts;
            }
        }
        if (docFreq == 0) return Hits.NONE;
        CollectionStatistics collection = searcher.collectionStatistics(field);
        TermStatistics stats = states.length == 1 ? single
                : new TermStatistics(new BytesRef("synonym pseudo-term"), docFreq, totalTermFreq);
        Similarity.SimScorer sim = searcher.getSimilarity().scorer(boost, collection, stats);
        byte[] norm = norms.get(f);
        Scratch s = scratch.get();
        int count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (int i = 0; i < states.length; i++) {
                var state = states[i].get(leaf);
                if (state == null) continue;
                TermsEnum te = leaf.reader().terms(field).iterator();
                te.seekExact(terms.get(i).bytes(), state);
                PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    int doc = leaf.docBase + d;
                    if (s.freq[doc] == 0f) s.docs[count++] = doc;
                    s.freq[doc] += pe.freq();
                }
            }
        }
        int[] docs = java.util.Arrays.copyOf(s.docs, count);
        if (states.length > 1) java.util.Arrays.sort(docs);
        float[] scores = new float[count];
        for (int i = 0; i < count; i++) {
            int doc = docs[i];
            scores[i] = sim.score(s.freq[doc], norm[doc]);
            s.freq[doc] = 0f;
        }
        return new Hits(docs, scores, count);
    }

    /** Documents that match any: their scores summed in a double, as Lucene's disjunctions do. */
    private Hits disjunction(List<Hits> parts) {
        if (parts.size() == 1) return parts.get(0);
        Scratch s = scratch.get();
        int count = 0;
        for (Hits h : parts) {
            for (int i = 0; i < h.size(); i++) {
                int doc = h.docs()[i];
                if (!s.seen[doc]) {
                    s.seen[doc] = true;
                    s.docs[count++] = doc;
                }
                s.score[doc] += h.scores()[i];
            }
        }
        int[] docs = java.util.Arrays.copyOf(s.docs, count);
        java.util.Arrays.sort(docs);
        float[] scores = new float[count];
        for (int i = 0; i < count; i++) {
            scores[i] = (float) s.score[docs[i]];
            s.score[docs[i]] = 0;
            s.seen[docs[i]] = false;
        }
        return new Hits(docs, scores, count);
    }

    /** Documents that match all; the first {@code scored} parts' scores summed in a double. */
    private static Hits conjunction(List<Hits> parts, int scored) {
        Hits first = parts.get(0);
        int[] docs = new int[first.size()];
        float[] scores = new float[first.size()];
        int[] at = new int[parts.size()];
        int n = 0;
        outer:
        for (int i = 0; i < first.size(); i++) {
            int doc = first.docs()[i];
            double score = scored > 0 ? first.scores()[i] : 0;
            for (int p = 1; p < parts.size(); p++) {
                Hits h = parts.get(p);
                while (at[p] < h.size() && h.docs()[at[p]] < doc) at[p]++;
                if (at[p] == h.size() || h.docs()[at[p]] != doc) continue outer;
                if (p < scored) score += h.scores()[at[p]];
            }
            docs[n] = doc;
            scores[n++] = (float) score;
        }
        return new Hits(docs, scores, n);
    }

    /** Required hits plus the optional score where the optional clauses match too. */
    private static Hits addOptional(Hits req, Hits opt) {
        float[] scores = new float[req.size()];
        for (int i = 0, j = 0; i < req.size(); i++) {
            int doc = req.docs()[i];
            while (j < opt.size() && opt.docs()[j] < doc) j++;
            double score = req.scores()[i];
            if (j < opt.size() && opt.docs()[j] == doc) score += opt.scores()[j];
            scores[i] = (float) score;
        }
        return new Hits(req.docs(), scores, req.size());
    }

    private static Hits exclude(Hits in, Hits not) {
        int[] docs = new int[in.size()];
        float[] scores = new float[in.size()];
        int n = 0;
        for (int i = 0, j = 0; i < in.size(); i++) {
            int doc = in.docs()[i];
            while (j < not.size() && not.docs()[j] < doc) j++;
            if (j < not.size() && not.docs()[j] == doc) continue;
            docs[n] = doc;
            scores[n++] = in.scores()[i];
        }
        return new Hits(docs, scores, n);
    }

    private static Top best(Hits hits, int limit) {
        int n = hits.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            // best first: a higher score, then a lower doc id (scores are positive, so their bits sort as they do)
            keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(hits.scores()[i])) << 32) | i;
        }
        java.util.Arrays.sort(keys);
        int k = Math.min(limit, n);
        int[] docs = new int[k];
        float[] scores = new float[k];
        for (int i = 0; i < k; i++) {
            int at = (int) keys[i];
            docs[i] = hits.docs()[at];
            scores[i] = hits.scores()[at];
        }
        return new Top(docs, scores, n);
    }
}
