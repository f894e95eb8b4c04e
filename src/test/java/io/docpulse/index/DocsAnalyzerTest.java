package io.docpulse.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class DocsAnalyzerTest {
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    @Test
    void aTokenOfTwentyThousandJoinedPartsIsReadWithoutOverflowingTheStack() throws IOException {
        String joined = "a.".repeat(20_000) + "end";
        for (Analyzer analyzer : List.of(new DocsAnalyzer(true), new DocsAnalyzer(false), DocsAnalyzer.words())) {
            List<String> tokens = tokens(analyzer, "before " + joined + " after");
            assertThat(tokens).contains("before", "end", "after");
            assertThat(tokens).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(DocsAnalyzer.MAX_TOKEN_CHARS));
        }
    }

    @Test
    void wordsLongerThanTheLimitAreLeftOutAndCodeLikeTokensStayWhole() throws IOException {
        List<String> tokens = tokens(new DocsAnalyzer(false), "see " + "x".repeat(33_000) + " and --base-url v1.2");
        assertThat(tokens).contains("see", "--base-url", "base", "url", "v1.2").noneMatch(t -> t.startsWith("xxx"));
    }
}
