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
}
