package io.docpulse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Routes;
import io.docpulse.index.Hit;
import io.docpulse.index.SearchIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docpulse search}: searches the docs from the terminal, with the site's own ranking. */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Searches the docs: ranked pages, deep-linked to the best section, with a snippet.",
                "Query syntax: words, \"a phrase\", -exclude, prefix*."})
final class SearchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to search for.")
    List<String> query;

    @CommandLine.Mixin
    SourceOptions source;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Results to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @CommandLine.Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException, ConfigException {
        verbosity.apply();
        // created after apply(): the logging configuration is read when the first logger is made
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchCommand.class);
        CommandLine cli = spec.commandLine();
        if (limit < 1) throw new CommandLine.ParameterException(cli, "--limit must be 1 or more");
        Config cfg = source.config();
        String q = String.join(" ", query);
        String base = cfg.basePath();
        Path dir = Path.of(cfg.cacheDir()).resolve("index");
        ContentSet content = io.docpulse.Build.discover(source.content, cfg);
        String stamp = SearchIndex.stamp(content, base);
        io.docpulse.index.Vectors vectors = io.docpulse.Build.vectors(cfg, Runtime.getRuntime().availableProcessors());
        // unchanged files since the index was made: search it without reading a single page
        Optional<SearchIndex> ready = SearchIndex.openIfUnchanged(dir, stamp, vectors);
        log.debug("index: {}", ready.isPresent() ? "files unchanged, reused without parsing" : "parsing the pages");
        List<Hit> hits;
        try (SearchIndex index = ready.isPresent() ? ready.get() : SearchIndex.openOrBuild(dir,
                io.docpulse.Build.parse(content, cfg, Runtime.getRuntime().availableProcessors()).pages(),
                base, p -> base + Routes.encodePath(p.route()), stamp, Runtime.getRuntime().availableProcessors(),
                vectors)) {
            long start = System.nanoTime();
            hits = index.search(q, limit);
            log.debug("search: {} results ({} ms)", hits.size(), (System.nanoTime() - start) / 1_000_000);
        }
        if (vectors != null) vectors.save();
        PrintWriter out = cli.getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            int rank = 1;
            for (Hit h : hits) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rank", rank++);
                m.put("title", h.title());
                m.put("section", h.section());
                m.put("path", h.path());
                m.put("url", h.url());
                m.put("snippet", h.snippet());
                m.put("score", h.score());
                list.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("query", q);
            root.put("results", list);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else if (hits.isEmpty()) {
            out.println("No results for '" + q + "'.");
        } else {
            boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
            int rank = 1;
            for (Hit h : hits) {
                String title = h.section().isEmpty() ? h.title() : h.title() + " › " + h.section();
                out.println(rank++ + ". " + (color ? "\u001b[1m" + title + "\u001b[0m" : title));
                out.println("   " + h.path() + (h.url().contains("#") ? h.url().substring(h.url().indexOf('#')) : ""));
                out.println("   " + terminal(h.snippet(), color));
            }
        }
        return ExitCode.OK.code();
    }

    /** The snippet for a terminal: marks become bold (or *stars* without colour), entities decoded. */
    static String terminal(String snippet, boolean color) {
        String s = snippet.replace("<mark>", color ? "\u001b[1;33m" : "*").replace("</mark>", color ? "\u001b[0m" : "*");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
