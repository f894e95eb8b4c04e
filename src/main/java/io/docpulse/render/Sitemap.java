package io.docpulse.render;

import java.util.Comparator;
import java.util.List;

import io.docpulse.config.Config;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;

/**
 * {@code sitemap.xml}: every page's absolute URL. The sitemap protocol allows only absolute URLs,
 * so there is no sitemap unless {@code base_url} has a scheme and host.
 */
final class Sitemap {
    private Sitemap() {
    }

    /** Whether the site can have a sitemap: {@code base_url} gives a scheme and host. */
    static boolean possible(Config config) {
        return !config.origin().isEmpty();
    }

    static String render(Config config, List<Page> pages) {
        StringBuilder sb = new StringBuilder(64 * pages.size() + 128);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        pages.stream().sorted(Comparator.comparing(Page::route)).forEach(p -> {
            sb.append("  <url><loc>")
                    .append(escape(config.origin() + config.basePath() + Routes.encodePath(p.route())))
                    .append("</loc></url>\n");
        });
        sb.append("</urlset>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        return io.docpulse.util.Html.escape(s);
    }
}
