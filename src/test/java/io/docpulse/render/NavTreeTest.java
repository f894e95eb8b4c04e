package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.Build;
import io.docpulse.TestSites;
import io.docpulse.config.Config;
import io.docpulse.config.NavEntry;
import io.docpulse.content.Page;

class NavTreeTest {
    @TempDir
    Path dir;

    private List<Page> pages(Map<String, String> files) throws Exception {
        Path content = TestSites.write(dir.resolve("content"), files);
        return Build.parse(content, Config.defaults(), 1).pages();
    }

    private static NavEntry page(String title, String path) {
        return new NavEntry(title, path, List.of(), 1);
    }

    private static NavEntry section(String title, NavEntry... entries) {
        return new NavEntry(title, "", List.of(entries), 1);
    }

    private static Map<String, String> site() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Welcome\n");
        f.put("guides/README.md", "# All the guides\n");
        f.put("guides/ci.md", "---\nweight: 5\n---\n# CI\n");
        f.put("guides/writing.md", "---\nweight: 1\n---\n# Writing\n");
        f.put("guides/style.md", "---\nweight: 2\n---\n# Style\n");
        f.put("faq.md", "# FAQ\n");
        return f;
    }

    @Test
    void withoutAListTheFoldersAndWeightsOrderTheNavigation() throws Exception {
        NavTree nav = new NavTree(pages(site()));
        assertThat(nav.root().children()).extracting(NavTree.Node::title).containsExactly("All the guides", "FAQ");
        assertThat(nav.node("guides/").orElseThrow().children()).extracting(NavTree.Node::title)
                .containsExactly("Writing", "Style", "CI");
    }

    @Test
    void theListOrdersAndTitlesEntriesAndAnIndexPageFirstIsItsSectionsPage() throws Exception {
        NavTree nav = new NavTree(pages(site()), List.of(
                page("Start", "README.md"),
                page("", "faq.md"),
                section("Guides", page("", "guides/README.md"), page("", "guides/ci.md"), page("Prose", "guides/writing.md")),
                new NavEntry("Issues", "https://example.com/issues", List.of(), 1)));
        assertThat(nav.root().children()).extracting(NavTree.Node::route, NavTree.Node::title, NavTree.Node::link)
                .containsExactly(tuple("", "Start", ""), tuple("faq/", "FAQ", ""), tuple("guides/", "Guides", ""),
                        tuple("", "Issues", "https://example.com/issues"));
        NavTree.Node guides = nav.node("guides/").orElseThrow();
        assertThat(guides.page().orElseThrow().path()).isEqualTo("guides/README.md");
        assertThat(guides.children()).extracting(NavTree.Node::title).containsExactly("CI", "Prose");
        // the home page is listed once in the reading order; style.md is left out
        assertThat(nav.readingOrder()).extracting(Page::path).containsExactly("README.md", "faq.md",
                "guides/README.md", "guides/ci.md", "guides/writing.md");
        assertThat(nav.ancestors("guides/ci/")).extracting(NavTree.Node::title).containsExactly("Welcome", "Guides");
        assertThat(nav.ancestors("guides/style/")).isEmpty();
        assertThat(nav.ancestors("")).isEmpty();
        assertThat(nav.sectionsWithoutPage()).isEmpty();
    }

    @Test
    void aSectionWhoseFolderURLIsTakenGetsOneOfItsOwnAndAListedFolderLeavesOutWhatIsListedElsewhere()
            throws Exception {
        NavTree nav = new NavTree(pages(site()), List.of(
                page("Guides", "guides/README.md"),
                section("Basics", page("", "guides/writing.md"), page("", "faq.md")),
                section("Basics", page("", "guides/ci.md")),
                new NavEntry("More", "guides/", List.of(), 1)));
        // Basics holds pages of the root and guides/: the root's URL is the home page's, so its title names it
        assertThat(nav.root().children()).extracting(NavTree.Node::route, NavTree.Node::title).containsExactly(
                tuple("guides/", "Guides"), tuple("basics/", "Basics"), tuple("guides/basics/", "Basics"),
                tuple("guides/more/", "More"));
        NavTree.Node more = nav.node("guides/more/").orElseThrow();
        assertThat(more.page()).isEmpty();
        assertThat(more.children()).extracting(NavTree.Node::title).containsExactly("Style");
        assertThat(nav.sectionsWithoutPage()).extracting(NavTree.Node::route)
                .containsExactly("basics/", "guides/basics/", "guides/more/");
    }

    @Test
    void aFolderWithoutIndexPageLeftOutOfTheListStillGetsItsSectionPage() throws Exception {
        Map<String, String> f = site();
        f.put("notes/a.md", "# A note\n");
        NavTree nav = new NavTree(pages(f), List.of(page("", "faq.md")));
        assertThat(nav.root().children()).extracting(NavTree.Node::title).containsExactly("FAQ");
        assertThat(nav.sectionsWithoutPage()).extracting(NavTree.Node::route).containsExactly("notes/");
    }
}
