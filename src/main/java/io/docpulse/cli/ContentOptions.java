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

    @Option(names = "--fail-under", paramLabel = "SCORE",
            description = "Fail (exit 1) when the async-readiness score is under SCORE, 0-100 (overrides gate.fail_under).")
    Integer failUnder;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "Fail (exit 1) when there are more than N errors (overrides gate.max_errors).")
    Integer maxErrors;

    @Option(names = "--max-warnings", paramLabel = "N",
            description = "Fail (exit 1) when there are more than N warnings (overrides gate.max_warnings).")
    Integer maxWarnings;

    @Option(names = "--baseline", paramLabel = "REPORT",
            description = "The report.json of an earlier run: say what changed since, and with --fail-on new count only new findings.")
    Path baseline;

    @Option(names = "--fail-on", paramLabel = "WHICH", defaultValue = "all",
            description = "Which findings count against the thresholds: all (default) or new (needs --baseline).")
    String failOn;

    /** How the thresholds apply, from the flags. */
    io.docpulse.Build.GateRun gateRun(CommandLine cli, boolean errorsFail) throws java.io.IOException {
        if (!failOn.equals("all") && !failOn.equals("new")) {
            throw new CommandLine.ParameterException(cli, "--fail-on must be all or new, not '" + failOn + "'");
        }
        if (failOn.equals("new") && baseline == null) {
            throw new CommandLine.ParameterException(cli, "--fail-on new needs --baseline REPORT (the report.json of an earlier run)");
        }
        io.docpulse.ci.Gate.Baseline base = null;
        if (baseline != null) {
            try {
                base = io.docpulse.ci.Gate.baselineOrFail(baseline);
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(cli, "--baseline: " + e.getMessage());
            }
        }
        return new io.docpulse.Build.GateRun(errorsFail, strict, failOn.equals("new"), base);
    }

    /** The config file with the flags applied on top. */
    Config config(CommandLine cli) throws ConfigException {
        Config cfg = source.config();
        if (baseUrl != null) cfg = cfg.withBaseUrl(baseUrl);
        if (checkExternal) cfg = cfg.withLinks(cfg.links().withCheckExternal(true));
        for (Integer v : new Integer[]{failUnder, maxErrors, maxWarnings}) {
            if (v != null && v < 0) throw new CommandLine.ParameterException(cli, "thresholds must be 0 or more");
        }
        if (failUnder != null && failUnder > 100) {
            throw new CommandLine.ParameterException(cli, "--fail-under must be 0 to 100");
        }
        if (failUnder != null || maxErrors != null || maxWarnings != null) {
            io.docpulse.config.GateConfig g = cfg.gate();
            cfg = cfg.withGate(new io.docpulse.config.GateConfig(failUnder != null ? failUnder : g.failUnder(),
                    maxErrors != null ? maxErrors : g.maxErrors(), maxWarnings != null ? maxWarnings : g.maxWarnings(),
                    g.minScores()));
        }
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
