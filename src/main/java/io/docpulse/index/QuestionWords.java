package io.docpulse.index;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The words of a question that say nothing about its subject: "how do I", "what should we", "can
 * anyone", "my", "I'm". A query drops them, as the index drops Lucene's English stop words ("the",
 * "is", "to"), so that "what should I do when a deploy fails" ranks by "deploy" and "fails" and a
 * page titled "What should I be doing?" does not win on "what" and "should". A query made only of
 * such words keeps them all (see {@link SearchIndex#parse}).
 *
 * <p>The list is small and English: question words, personal pronouns, auxiliary and modal verbs,
 * the pieces the tokenizer leaves of contractions ("don't" is "don" and "t"), and chat fillers.
 * Verbs that name an action ("need", "use", "get", "run") are kept: they often carry meaning.
 */
final class QuestionWords {
    private QuestionWords() {
    }

    /** The words a question drops besides Lucene's English stop words, lower-case. */
    static final List<String> LIST = List.of(
            // question words
            "how", "what", "whats", "when", "where", "which", "who", "whom", "whose", "why",
            // pronouns and determiners
            "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
            "she", "her", "hers", "its", "them", "anyone", "anybody", "someone", "somebody", "everyone", "anything",
            "something", "any", "some", "those",
            // auxiliary and modal verbs
            "am", "were", "been", "being", "do", "does", "did", "doing", "have", "has", "had", "having", "can",
            "could", "should", "would", "shall", "may", "might", "must",
            // what the tokenizer leaves of contractions: I'm, don't, we've, you'll, they're, I'd
            "m", "t", "s", "ve", "ll", "re", "d", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won",
            "wouldn", "shouldn", "couldn", "haven", "hasn", "cant",
            // chat fillers
            "hi", "hey", "hello", "please", "thanks", "thank", "ok", "okay", "just", "really", "actually", "also",
            "about", "so", "from", "here", "there");

    /** The question words and Lucene's English stop words together: what a question drops. */
    static final CharArraySet DROPPED;

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.addAll(LIST);
        DROPPED = CharArraySet.unmodifiableSet(set);
    }

    /** {@link #DROPPED} as sorted strings, for the site's search box. */
    static Set<String> dropped() {
        Set<String> out = new TreeSet<>();
        for (Object o : DROPPED) out.add(new String((char[]) o));
        return out;
    }
}
