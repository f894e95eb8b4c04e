package io.docpulse.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import io.docpulse.config.ConfigLoader;
import picocli.CommandLine.Option;

/** Where the docs and their settings are: the options every command shares. */
final class SourceOptions {
    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of Markdown to read (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: docpulse.yml next to the content folder, else inside it).")
    Path config;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "docpulse's cache folder (overrides cache_dir; default: .docpulse).")
    String cacheDir;

    /** The config file with --cache-dir applied. */
    Config config() throws ConfigException {
        Config cfg = ConfigLoader.load(config != null ? Optional.of(config) : ConfigLoader.locate(content));
        return cacheDir != null ? cfg.withCacheDir(cacheDir) : cfg;
    }
}
