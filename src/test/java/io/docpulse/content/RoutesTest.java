package io.docpulse.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoutesTest {
    private static SourceFile md(String path) {
        return new SourceFile(path, Path.of("/x/" + path), true, 1);
    }

    private final Routes routes = new Routes(new ContentSet(Path.of("/x"),
            List.of(md("README.md"), md("guide/README.md"), md("guide/index.md"), md("guide/setup.md"),
                    md("my docs/a b.md"), md("ref/cli.md")),
            List.of(new SourceFile("img/logo.png", Path.of("/x/img/logo.png"), false, 1)), List.of()),
            "/docs/", "https://github.com/acme/handbook", "");

    @Test
    void prettyUrlsAndIndexPages() {
        assertThat(routes.routeOf("README.md")).isEqualTo("");
        assertThat(routes.routeOf("guide/index.md")).isEqualTo("guide/");
        assertThat(routes.routeOf("guide/README.md")).isEqualTo("guide/README/");
        assertThat(routes.routeOf("guide/setup.md")).isEqualTo("guide/setup/");
        assertThat(routes.findings()).extracting(Finding::rule).containsExactly("index-conflict");
    }

    @Test
    void resolvesRelativeAbsoluteEncodedAndForgeLinks() {
        assertThat(href("guide/setup.md", "../ref/cli.md#usage")).isEqualTo("../../ref/cli/#usage");
        assertThat(href("guide/setup.md", "/ref/cli.md")).isEqualTo("../../ref/cli/");
        assertThat(href("guide/setup.md", "/docs/ref/cli/")).isEqualTo("../../ref/cli/");
        assertThat(href("README.md", "my%20docs/a%20b.md")).isEqualTo("my%20docs/a%20b/");
        assertThat(href("README.md", "https://github.com/acme/handbook/blob/main/ref/cli.md#x")).isEqualTo("ref/cli/#x");
        assertThat(href("guide/setup.md", "../img/logo.png")).isEqualTo("../../img/logo.png");
        assertThat(href("guide/setup.md", "../guide/")).isEqualTo("../");
        assertThat(href("ref/cli.md", "../README.md")).isEqualTo("../../");
    }

    @Test
    void classifiesTargets() {
        assertThat(routes.resolve("README.md", "https://example.com").kind()).isEqualTo(Routes.Kind.EXTERNAL);
        assertThat(routes.resolve("README.md", "mailto:a@b.c").kind()).isEqualTo(Routes.Kind.EXTERNAL);
        assertThat(routes.resolve("README.md", "https\\://www.contoso.com").kind()).isEqualTo(Routes.Kind.EXTERNAL);
        assertThat(routes.resolve("README.md", "#top").kind()).isEqualTo(Routes.Kind.SAME_PAGE);
        assertThat(routes.resolve("README.md", "../outside.md").kind()).isEqualTo(Routes.Kind.OUTSIDE);
        assertThat(routes.resolve("README.md", "nope.md").kind()).isEqualTo(Routes.Kind.MISSING);
        assertThat(routes.resolve("README.md", "https://github.com/acme/handbook/issues/3").kind())
                .isEqualTo(Routes.Kind.EXTERNAL);
        // site-absolute, outside the base path /docs/ and not a file from the repository root: another site
        assertThat(routes.resolve("README.md", "/windows/win32/api").kind()).isEqualTo(Routes.Kind.EXTERNAL);
    }

    @Test
    void relativeUrlsBetweenRoutes() {
        assertThat(Routes.relative("a/b/", "a/c/")).isEqualTo("../c/");
        assertThat(Routes.relative("a/b/", "")).isEqualTo("../../");
        assertThat(Routes.relative("", "a/")).isEqualTo("a/");
        assertThat(Routes.relative("a/", "a/")).isEqualTo("./");
        assertThat(Routes.relative("a/b/", "a/img.png")).isEqualTo("../img.png");
    }

    private String href(String from, String raw) {
        return Routes.href(routes.routeOf(from), routes.resolve(from, raw));
    }
}
