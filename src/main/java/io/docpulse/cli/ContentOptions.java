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

    @Option(names = "--fail-on", paramLabel = "WHICH", defaultValue = "all", split = ",",
            description = {"Fail (exit 1) on: error (any error; check does this anyway), warning (any error or"
                    + " warning, as --strict); and which findings count: all (default) or new (needs --baseline).",
                    "Combine with a comma: error,new."})
    java.util.List<String> failOn;

    /** The values --fail-on takes. */
    private static final java.util.List<String> FAIL_ON = java.util.List.of("error", "warning", "all", "new");

    /**
     * How the thresholds apply, from the flags.
     *
     * @param errorsFail whether errors fail this command without being asked ({@code check}); {@code build}
     *                   fails on them with {@code --fail-on error}
     */
    io.docpulse.Build.GateRun gateRun(CommandLine cli, boolean errorsFail) throws java.io.IOException {
        for (String which : failOn) {
            if (!FAIL_ON.contains(which)) {
                throw new CommandLine.ParameterException(cli, "--fail-on must be error, warning, all or new"
                        + " (or error or warning with all or new, as in error,new), not '" + which + "'");
            }
        }
        if (failOn.contains("all") && failOn.contains("new")) {
            throw new CommandLine.ParameterException(cli, "--fail-on takes all or new, not both");
        }
        if (failOn.contains("new") && baseline == null) {
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
        boolean warnings = strict || failOn.contains("warning");
        return new io.docpulse.Build.GateRun(errorsFail || warnings || failOn.contains("error"), warnings,
                failOn.contains("new"), base);
    }

    /** The flag that makes warnings fail the run, as the failure line names it; null when none does. */
    String strictFlag() {
        return strict ? "--strict" : failOn.contains("warning") ? "--fail-on warning" : null;
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
