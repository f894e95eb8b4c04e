package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubSluggerTest {
    // Expected values are what github.com gives these headings (github-slugger's fixtures).
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Hello World|hello-world",
            "foo.bar|foobar",
            "What's new in v2.0?|whats-new-in-v20",
            "C++ Templates|c-templates",
            "snake_case_name|snake_case_name",
            "Ünïcödé heading|ünïcödé-heading",
            "Привет мир|привет-мир",
            "日本語のタイトル|日本語のタイトル",
            "emoji 😄 here|emoji--here",
            "a -- b|a----b",
            "1. Numbers first|1-numbers-first",
            "Trailing!!!|trailing",
            "docpulse build options|docpulse-build-options",
            "Café & Bar|café--bar",
            "x²|x²",
    })
    void slugsMatchGitHub(String heading, String expected) {
        assertThat(GitHubSlugger.slugOf(heading)).isEqualTo(expected);
    }

    @Test
    void duplicatesGetNumberedLikeGitHub() {
        GitHubSlugger s = new GitHubSlugger();
        assertThat(s.slug("foo")).isEqualTo("foo");
        assertThat(s.slug("foo")).isEqualTo("foo-1");
        assertThat(s.slug("foo-1")).isEqualTo("foo-1-1");
        assertThat(s.slug("foo")).isEqualTo("foo-2");
    }

    @Test
    void reservedIdsAreNotReused() {
        GitHubSlugger s = new GitHubSlugger();
        s.reserve("intro");
        assertThat(s.slug("Intro")).isEqualTo("intro-1");
    }
}
