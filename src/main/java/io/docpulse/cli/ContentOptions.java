package io.docpulse.cli;

import java.nio.file.Path;

import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every command that reads the content shares. */
final class ContentOptions {
    @CommandLine.Mixin
    SourceOptions source;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the site is published, e.g. https://example.com/docs/ or /docs/ (overrides base_url).")
    String baseUrl;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for parsing and rendering (default: the number of processors).")
    Integer threads;

    @Option(names = "--check-external",
            description = "Also check http(s) links over the network (overrides links.check_external).")
    boolean checkExternal;

    @Option(names = "--strict", description = "Fail (exit 1) on warnings too, not only on errors.")
    boolean strict;

    /** The config file with the flags applied on top. */
    Config config(CommandLine cli) throws ConfigException {
        Config cfg = source.config();
        if (baseUrl != null) cfg = cfg.withBaseUrl(baseUrl);
        if (checkExternal) cfg = cfg.withLinks(cfg.links().withCheckExternal(true));
        return cfg;
    }

    /** The content folder. */
    Path content() {
        return source.content;
    }

    int threads(CommandLine cli) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new CommandLine.ParameterException(cli, "--threads must be 1 or more");
        return n;
    }
}
