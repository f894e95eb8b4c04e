package io.docpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("docpulse.yml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void everyKeyHasADefault() throws Exception {
        Config c = ConfigLoader.load(Optional.empty());
        assertThat(c.siteName()).isEqualTo("Documentation");
        assertThat(c.basePath()).isEqualTo("/");
        assertThat(c.navMaxSiblings()).isEqualTo(50);
    }

    @Test
    void readsKeysAndSections() throws Exception {
        Config c = ConfigLoader.load(Optional.of(file("""
                site_name: Team docs
                base_url: https://example.com/docs
                nav:
                  max_siblings: 20
                drafts: yes
                """)));
        assertThat(c.siteName()).isEqualTo("Team docs");
        assertThat(c.basePath()).isEqualTo("/docs/");
        assertThat(c.origin()).isEqualTo("https://example.com");
        assertThat(c.navMaxSiblings()).isEqualTo(20);
        assertThat(c.drafts()).isTrue();
    }

    @Test
    void unknownKeyNamesFileLineAndClosestKey() throws IOException {
        Path f = file("site_name: x\n\nsite_nme: y\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(f)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(f);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("unknown key 'site_nme'");
                    assertThat(e.hint()).isEqualTo("did you mean 'site_name'?");
                });
        Path nested = file("nav:\n  max_sibling: 3\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(nested)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.hint()).isEqualTo("did you mean 'nav.max_siblings'?");
                });
    }

    @Test
    void badValuesAndBadYamlAreErrorsWithLines() throws IOException {
        Path f = file("nav:\n  max_siblings: lots\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(f)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(2));
        Path yaml = file("site_name: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(yaml)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).startsWith("not valid YAML"));
    }

    @Test
    void searchVectorsIsOffByDefaultAndItsWeightIsChecked() throws Exception {
        assertThat(Config.defaults().search()).isEqualTo(new SearchConfig(false, 0.3, 0));
        Config on = ConfigLoader.load(Optional.of(file("site_name: A\nsearch:\n  vectors: true\n  lexical_weight: 0.5\n")));
        assertThat(on.search()).isEqualTo(new SearchConfig(true, 0.5, 3));
        Path bad = file("search:\n  vectors: true\n  lexical_weight: 1.5\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(bad)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("'search.lexical_weight' must be a number from 0 to 1, not '1.5'");
                });
        Path notBool = file("search:\n  vectors: sometimes\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(notBool)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void cliExitsWith2AndPrintsTheLocation() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), java.util.Map.of("README.md", "# Home\n"));
        file("them: dark\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("docpulse.yml") + ":1: unknown key 'them'")
                .contains("hint: did you mean 'theme'?");
    }

    @Test
    void navListIsReadInOrderWithTitlesSectionsLinksAndLines() throws Exception {
        Config c = ConfigLoader.load(Optional.of(file("""
                site_name: Team docs
                nav:
                  - Home: index.md
                  - Getting started: ./getting-started/README.md
                  - Guides:
                      - guides/ci.md
                      - Writing: guides\\writing.md
                  - reference/
                  - External: https://example.com/   # a link entry
                """)));
        assertThat(c.navMaxSiblings()).isEqualTo(50);
        assertThat(c.navList()).extracting(NavEntry::title, NavEntry::target, NavEntry::kind, NavEntry::line)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("Home", "index.md", NavEntry.Kind.PAGE, 3),
                        org.assertj.core.api.Assertions.tuple("Getting started", "getting-started/README.md", NavEntry.Kind.PAGE, 4),
                        org.assertj.core.api.Assertions.tuple("Guides", "", NavEntry.Kind.SECTION, 5),
                        org.assertj.core.api.Assertions.tuple("", "reference/", NavEntry.Kind.FOLDER, 8),
                        org.assertj.core.api.Assertions.tuple("External", "https://example.com/", NavEntry.Kind.LINK, 9));
        assertThat(c.navList().get(2).children()).extracting(NavEntry::title, NavEntry::target, NavEntry::line)
                .containsExactly(org.assertj.core.api.Assertions.tuple("", "guides/ci.md", 6),
                        org.assertj.core.api.Assertions.tuple("Writing", "guides/writing.md", 7));
    }

    @Test
    void navMapStillHoldsSettingsAndHasNoList() throws Exception {
        Config c = ConfigLoader.load(Optional.of(file("nav:\n  max_siblings: 7\n")));
        assertThat(c.navMaxSiblings()).isEqualTo(7);
        assertThat(c.navList()).isEmpty();
    }

    @Test
    void malformedNavEntriesAreReportedTogetherWithTheirLines() throws IOException {
        Path f = file("""
                nav:
                  - index.md
                  - Guides: []
                  - ../outside.md
                  - index.md
                  - Picture: logo.png
                  - Two: a.md
                    Keys: b.md
                """);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(f)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    java.util.List<ConfigException> all = new java.util.ArrayList<>(java.util.List.of(e));
                    all.addAll(e.more());
                    assertThat(all).extracting(ConfigException::line, ConfigException::getMessage).containsExactly(
                            org.assertj.core.api.Assertions.tuple(3, "nav: the section 'Guides' has no entries"),
                            org.assertj.core.api.Assertions.tuple(4, "nav: '../outside.md' is not a page inside the content folder"),
                            org.assertj.core.api.Assertions.tuple(5, "nav: 'index.md' is listed twice (first on line 2)"),
                            org.assertj.core.api.Assertions.tuple(6, "nav: 'Picture: logo.png' is not a Markdown page"),
                            org.assertj.core.api.Assertions.tuple(7, "nav: this entry is not a page, a link or a section"));
                    assertThat(all.get(4).hint()).contains("`- Title: page.md`");
                });
        Path scalar = file("nav: index.md\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(scalar)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).isEqualTo("'nav' must be a list of pages or a section of keys");
                });
    }

    @Test
    void navEntryForAMissingPageStopsTheBuildNamingLineAndClosestPath() throws IOException {
        Path content = TestSites.write(dir.resolve("content"), java.util.Map.of(
                "README.md", "# Home\n", "guides/writing.md", "# Writing\n", "guides/ci.md", "# CI\n"));
        file("""
                site_name: Team docs
                nav:
                  - README.md
                  - Guides:
                      - Writing: guides/writting.md
                      - gides/
                      - ci.md
                      - nothing/like/this.md
                """);
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(2);
        Path yml = dir.resolve("docpulse.yml");
        assertThat(run.err())
                .contains(yml + ":5: nav: 'Writing: guides/writting.md': there is no page 'guides/writting.md' in the"
                        + " content folder", "hint: did you mean 'guides/writing.md'?")
                .contains(yml + ":6: nav: 'gides/': there is no folder 'gides/' in the content folder",
                        "hint: did you mean 'guides/'?")
                .contains(yml + ":7: nav: 'ci.md': there is no page 'ci.md'", "hint: did you mean 'guides/ci.md'?")
                .contains(yml + ":8: nav: 'nothing/like/this.md': there is no page",
                        "hint: paths are relative to the content folder (content/)");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
