package io.docpulse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import io.docpulse.config.ConfigLoader;
import io.docpulse.content.Finding;
import io.docpulse.content.Severity;
import io.docpulse.render.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docpulse build}: writes the site and report.json. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds the site from the content folder into the output folder, with report.json.")
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of Markdown to build (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site-output",
            description = "Folder the site is written to (default: ${DEFAULT-VALUE}). Replaced only when the build succeeds.")
    Path out;

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

    @Option(names = "--drafts", description = "Also build pages marked draft: true.")
    boolean drafts;

    @Option(names = "--strict", description = "Fail (exit 1) when there is any warning or error.")
    boolean strict;

    @CommandLine.Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException, ConfigException, OutputFolder.RefusedException {
        verbosity.apply();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Config cfg = ConfigLoader.load(config != null ? Optional.of(config) : ConfigLoader.locate(content));
        if (baseUrl != null) cfg = cfg.withBaseUrl(baseUrl);
        if (cacheDir != null) cfg = cfg.withCacheDir(cacheDir);
        if (drafts) cfg = cfg.withDrafts(true);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more");
        Build.Result result = Build.run(new Build.Options(content, out, cfg, n, now(spec.commandLine())));
        printFindings(stderr, content, result.findings(), verbosity.showNotes());
        if (!verbosity.quiet()) {
            stdout.println(Messages.summary("Built", result.pages(), result.findings(), result.elapsed(), out.toString()));
        }
        long problems = Messages.count(result.findings(), Severity.ERROR) + Messages.count(result.findings(), Severity.WARNING);
        if (strict && problems > 0) {
            stderr.println(Messages.error(Messages.strictFailed(problems)));
            return ExitCode.FINDINGS.code();
        }
        return ExitCode.OK.code();
    }

    static void printFindings(PrintWriter err, Path contentDir, List<Finding> findings, boolean notes) {
        String lastFile = null;
        for (Finding f : findings) {
            if (f.severity() == Severity.NOTE && !notes) continue;
            if (lastFile != null && !lastFile.equals(f.where().file())) err.println();
            lastFile = f.where().file();
            err.println(Messages.finding(contentDir, f));
        }
        if (lastFile != null) err.println();
        err.flush();
    }

    /** SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
    static Instant now(CommandLine cli) {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) return Instant.now();
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cli,
                    "SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '" + epoch + "'");
        }
    }
}
