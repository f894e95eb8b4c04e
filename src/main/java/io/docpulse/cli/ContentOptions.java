package io.docpulse.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import io.docpulse.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every command that reads the content shares. */
final class ContentOptions {
    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of Markdown to read (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: docpulse.yml next to the content folder, else inside it).")
    Path config;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the site is published, e.g. https://example.com/docs/ or /docs/ (overrides base_url).")
    String baseUrl;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "docpulse's cache folder (overrides cache_dir; default: .docpulse).")
    String cacheDir;

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
        Config cfg = ConfigLoader.load(config != null ? Optional.of(config) : ConfigLoader.locate(content));
        if (baseUrl != null) cfg = cfg.withBaseUrl(baseUrl);
        if (cacheDir != null) cfg = cfg.withCacheDir(cacheDir);
        if (checkExternal) cfg = cfg.withLinks(cfg.links().withCheckExternal(true));
        return cfg;
    }

    int threads(CommandLine cli) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new CommandLine.ParameterException(cli, "--threads must be 1 or more");
        return n;
    }
}
